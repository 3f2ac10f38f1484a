#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole input file, or says why it cannot be opened (exit 66).
public func readInputFile(_ path: String) throws(InputError) -> [UInt8] {
    guard let file = fopen(path, "rb") else {
        throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    defer { fclose(file) }
    // A regular file is read in one call into an array of its size; anything else (a pipe, say)
    // in pieces until it ends.
    var status = stat()
    let size = fstat(fileno(file), &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : 0
    var bytes = [UInt8](repeating: 0, count: size)
    if size > 0 { bytes.removeLast(size - fread(&bytes, 1, size, file)) }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
        if count < buffer.count {
            if ferror(file) != 0 { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            break
        }
    }
    return bytes
}

/// `base` joined with a path relative to the directory of `base`; absolute paths stay as they are.
func resolve(_ path: String, relativeTo file: String) -> String {
    if path.hasPrefix("/") { return path }
    guard let slash = file.lastIndex(of: "/") else { return path }
    var directory = String(file[..<slash])
    var rest = Substring(path)
    while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
    if directory.isEmpty { directory = "/" }
    return normalized(directory == "/" ? "/" + rest : directory + "/" + rest)
}

/// Removes `.` and `dir/..` components, so a file reached two ways has one name.
func normalized(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
        if part == "." { continue }
        if part == "..", let last = parts.last, last != ".." {
            parts.removeLast()
        } else {
            parts.append(part)
        }
    }
    let joined = parts.joined(separator: "/")
    return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
}
