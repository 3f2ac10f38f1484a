import Foundation
import TestSupport
import Testing

@testable import BoligsocialCore
@testable import BoligsocialReports

/// Whole-output golden files for the `solve` report in every text format. Re-record with
/// `RECORD_GOLDEN=1 swift test --filter GoldenTests` and review the diff.
@Suite struct GoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden")

    /// A seeded 12-application round with two years, fixed so the report never changes by accident.
    static func round() -> (Round, Scenario) {
        var round = RoundGenerator.round(applications: 12, areas: 4, years: [2009, 2010], seed: 42)
        // Without applicants' own minimum shares the round is an LP, so the marginal values show.
        for i in round.applications.indices { round.applications[i].minFraction = nil }
        var scenario = RoundGenerator.scenario(for: round, coverage: 0.5, name: "Golden round")
        scenario.rules.areaShareMax = 0.4
        return (round, scenario)
    }

    static let stamp = InputStamp(
        scenarioSHA256: "s", applicationsSHA256: "a", areasSHA256: "r", toolVersion: "test", glpkVersion: "5.0")

    static func summary() throws -> AllocationSummary {
        let (round, scenario) = Self.round()
        return AllocationSummary(try Allocator.solve(round: round, scenario: scenario), stamp: stamp)
    }

    /// The wish proposal of the golden round for the applications with weight ≥ 0.5.
    static func wish(language: Language) throws -> WishReport {
        let (round, scenario) = Self.round()
        return WishReport(
            try WishProposal.compute(round: round, scenario: scenario, threshold: 0.5), stamp: stamp, language: language
        )
    }

    static func check(_ text: String, against name: String) throws {
        let mismatch = try Golden.mismatch(text, against: name, in: goldenDirectory)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func solveReportInEveryFormat() throws {
        let report = SolveReport(try Self.summary())
        try Self.check(report.plain(), against: "solve.txt")
        try Self.check(report.markdown(), against: "solve.md")
        try Self.check(report.csv(), against: "solve.csv")
        try Self.check(report.json().serialized(), against: "solve.json")
    }

    /// `--lang da`: Danish labels, `1.234.567` and decimal comma, the summary tables in 1.000 kr.
    @Test func solveReportInDanish() throws {
        let report = SolveReport(try Self.summary(), language: .da)
        try Self.check(report.plain(), against: "solve.da.txt")
        try Self.check(report.markdown(), against: "solve.da.md")
    }

    /// The ønskeforslag in both languages and in Markdown and JSON.
    @Test func wishReport() throws {
        let english = try Self.wish(language: .en)
        let danish = try Self.wish(language: .da)
        try Self.check(english.plain(), against: "wish.txt")
        try Self.check(english.json().serialized(), against: "wish.json")
        try Self.check(danish.plain(), against: "wish.da.txt")
        try Self.check(danish.markdown(), against: "wish.da.md")
    }

    /// Totals in the tables equal the allocation's, so the renderers cannot disagree.
    @Test func aggregationsAddUp() throws {
        let summary = try Self.summary()
        let allocated = summary.allocation.allocated
        for table in [
            summary.byArea.map(\.amounts), summary.byRisk.map(\.amounts), summary.byFocus.map(\.amounts),
            summary.byCategory.map(\.amounts),
        ] {
            let totals = allocated.indices.map { y in table.reduce(0) { $0 + $1[y] } }
            #expect(totals == allocated)
        }
    }

    @Test func formatsAndEscaping() {
        #expect(NumberFormat(.da).kr(1_234_567) == "1.234.567 kr.")
        #expect(NumberFormat(.en).kroner(-1_234) == "-1,234")
        #expect(NumberFormat(.da).decimal(0.7776, places: 3) == "0,778")
        #expect(TextTable.csvCell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(TextTable.csvCell("-5") == "-5" && TextTable.csvCell("@cmd") == "'@cmd")
        #expect(JSON.quoted("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
    }

    /// A `.generated` array (written field by field, a batch of elements per core, flushed in
    /// chunks) gives the same bytes as the same objects built as a tree, at every size.
    @Test func generatedArraysMatchTheirTrees() throws {
        for count in [0, 1, 511, 512, 1300, 20000] {
            let generated = JSON.object([
                (
                    "items",
                    .generated(count: count) { i, w in
                        w.field("i", int: i)
                        w.field(.text("name \(i)"), string: "n\(i)")
                        w.field("nested") { w in w.field("x", int: -i) }
                        w.field("tags", strings: i % 2 == 0 ? [] : ["a", "b\"c"])
                        w.field("share", .double(Double(i) / 7))
                    }
                ), ("after", .int(1)),
            ])
            let tree = JSON.object([
                (
                    "items",
                    .array(
                        (0..<count).map { i in
                            .object([
                                ("i", .int(i)), ("name \(i)", .string("n\(i)")), ("nested", .object([("x", .int(-i))])),
                                ("tags", .array(i % 2 == 0 ? [] : [.string("a"), .string("b\"c")])),
                                ("share", .double(Double(i) / 7)),
                            ])
                        })
                ), ("after", .int(1)),
            ])
            var chunks: [UInt8] = []
            try generated.write { chunks += $0 }
            let expected = tree.serialized()
            #expect(String(decoding: chunks, as: UTF8.self) == expected)
            #expect(generated.serialized() == expected)
            // Compact: the same document (read back by Foundation), with no byte between tokens.
            let compact = generated.serializedBytes(compact: true)
            #expect(compact.count < expected.utf8.count || count == 0)
            let a = try JSONSerialization.jsonObject(with: Data(compact)) as? NSDictionary
            let b = try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? NSDictionary
            #expect(a != nil && a == b)
            #expect(tree.serializedBytes(compact: true) == compact)
        }
        // Outside strings a compact text has no space or line break; inside them they stay.
        let spaced = String(
            decoding: JSON.object([("a b", .array([.int(1), .string("x y\n")])), ("c", .object([]))]).serializedBytes(
                compact: true), as: UTF8.self)
        #expect(spaced == #"{"a b":[1,"x y\n"],"c":{}}"# + "\n")
    }

    /// The solve report as the what-if server sends it (compact) is the same document as `solve
    /// --format json` writes.
    @Test func compactSolveReportIsTheSameDocument() throws {
        let json = SolveReport(try Self.summary()).json()
        let compact = try JSONSerialization.jsonObject(with: Data(json.serializedBytes(compact: true))) as? NSDictionary
        let pretty = try JSONSerialization.jsonObject(with: Data(json.serialized().utf8)) as? NSDictionary
        #expect(compact != nil && compact == pretty)
    }
}
