import CGLPK

#if canImport(Glibc)
    import Glibc
#endif

/// Writing the program as GLPK holds it, for other solvers (`--write-model`).
extension GLPKProblem {
    /// Writes the problem in CPLEX LP or free MPS format.
    func write(to path: String, format: ModelFormat) throws(LPError) {
        try checkThread()
        glp_term_out(GLP_OFF)
        setNames()
        let code: Int32 =
            switch format {
            case .cplexLP: glp_write_lp(handle, nil, path)
            case .mps: glp_write_mps(handle, GLP_MPS_FILE, nil, path)
            }
        guard code == 0 else { throw .cannotWrite(path: path, reason: "GLPK could not write the model") }
        if format == .mps, program.sense == .maximize { try Self.addObjectiveSense(toMPS: path) }
    }

    /// GLPK's free MPS carries no objective sense, so a reader minimises; an `OBJSENSE` section
    /// with `MAX` after the `NAME` line makes HiGHS and glpsol maximise, as the model does.
    static func addObjectiveSense(toMPS path: String) throws(LPError) {
        guard let file = fopen(path, "rb") else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            bytes.append(contentsOf: buffer[0..<count])
            if count < buffer.count { break }
        }
        fclose(file)
        // After the first line that starts with NAME (GLPK writes comment lines before it).
        var start = 0
        var insertAt = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
            if bytes[start..<end].starts(with: Array("NAME".utf8)) {
                insertAt = end
                break
            }
            start = end
        }
        bytes.insert(contentsOf: Array("OBJSENSE\n    MAX\n".utf8), at: insertAt)
        guard let out = fopen(path, "wb") else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        let written = fwrite(bytes, 1, bytes.count, out)
        guard fclose(out) == 0, written == bytes.count else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Row and column names cost GLPK memory on every problem but are read only by the LP and
    /// MPS writers, so they are set just before writing.
    private func setNames() {
        for (i, row) in program.rows.enumerated() { glp_set_row_name(handle, GLPKIndex.row(i), row.name) }
        for (j, column) in program.columns.enumerated() { glp_set_col_name(handle, GLPKIndex.column(j), column.name) }
    }
}
