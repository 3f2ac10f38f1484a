import Foundation
import Testing

/// The module boundaries, checked on the source: solver details stay in the LP module, and the
/// layers above it neither see GLPK's numbering nor load a problem themselves.
@Suite struct LayeringTests {
    static let sources = CLITests.root.appendingPathComponent("Sources")

    /// Every Swift file under `folder` with its text, path relative to Sources/.
    static func files(under folder: String) throws -> [(path: String, text: String)] {
        let base = sources.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return try walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { name in
            (folder + "/" + name, try String(contentsOf: base.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// Lines of `files` that contain any of `needles`, as "path:line: text".
    static func offending(_ files: [(path: String, text: String)], _ needles: [String]) -> [String] {
        files.flatMap { file in
            file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { n, line in
                needles.contains { line.contains($0) }
                    ? "\(file.path):\(n + 1): \(line.trimmingCharacters(in: .whitespaces))" : nil
            }
        }
    }

    @Test func noGLPKCallOutsideTheWrapper() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
            .filter { !["LinearProgramming", "CGLPK"].contains($0) }.sorted()
        let files = try folders.flatMap { try Self.files(under: $0) }
        #expect(!files.isEmpty)
        #expect(Self.offending(files, ["glp_", "GLP_", "import CGLPK"]) == [])
    }

    @Test func theDomainNeitherReadsTheMatrixNorHoldsAGLPKProblem() throws {
        let files = try ["BoligsocialCore", "BoligsocialReports", "boligsocial"].flatMap { try Self.files(under: $0) }
        #expect(files.count > 20)
        // The matrix, GLPK's problem type and its 1-based numbering belong to LinearProgramming.
        let needles = [
            "matrixRows", "matrixColumns", "matrixValues", "entryRows", "entryColumns", "entryValues",
            "GLPKProblem", "GLPKIndex", "BlockSolver", "Int(r1) - 1", "Int(c1) - 1", ".index + 1",
        ]
        #expect(Self.offending(files, needles) == [])
    }

    @Test func reportsAndTheirThreadsDoNotImportTheSolver() throws {
        let files = try ["BoligsocialReports", "Parallel", "Spreadsheet"].flatMap { try Self.files(under: $0) }
        #expect(Self.offending(files, ["import LinearProgramming"]) == [])
    }
}

/// A policy rule lives in one place: its descriptor (PolicyRule.swift), the `Rules` it is kept
/// in, the model rows it builds, and its words in the reports module; every other file reads the
/// descriptor.
@Suite struct PolicyRulePlacesTests {
    @Test func eachRuleIsNamedInAtMostFourFiles() throws {
        let files = try [
            "BoligsocialCore", "BoligsocialReports", "BoligsocialServer", "boligsocial", "LinearProgramming",
            "Parallel", "Spreadsheet",
        ]
        .flatMap { try LayeringTests.files(under: $0) }
        #expect(files.count > 50)
        for (key, swiftName) in [
            ("area_share_max", "areaShareMax"), ("primary_share_min", "primaryShareMin"), ("focus_floor", "focusFloor"),
            ("sof_share_max", "sofShareMax"), ("year_to_year_change_max", "yearToYearChangeMax"),
        ] {
            let naming = files.filter { $0.text.contains(key) || $0.text.contains(swiftName) }.map(\.path)
            #expect(naming.count <= 4, "\(key): \(naming)")
            #expect(naming.contains("BoligsocialCore/Domain/PolicyRule.swift"), "\(key): \(naming)")
        }
    }
}
