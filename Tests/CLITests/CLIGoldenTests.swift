import Foundation
import TestSupport
import Testing

/// Whole outputs of the binary on a small checked-in round (Tests/CLITests/Round): standard
/// output against a golden file, standard error and the exit code exactly. Re-record with
/// `RECORD_GOLDEN=1 swift test --filter CLIGoldenTests` and review the diff.
@Suite struct CLIGoldenTests {
    typealias CLI = CLITests
    static let round = CLI.root.appendingPathComponent("Tests/CLITests/Round")
    static let golden = CLI.root.appendingPathComponent("Tests/CLITests/Golden")

    static func check(_ arguments: [String], golden name: String, status: Int32 = 0, stderr: String = "") throws {
        let r = try CLI.run(arguments, in: round)
        #expect(r.status == status, "\(arguments): \(r.stderr)")
        #expect(r.stderr == stderr, "\(arguments)")
        let mismatch = try Golden.mismatch(r.stdout, against: name, in: golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func help() throws {
        try Self.check(["--help"], golden: "help.txt")
        try Self.check(["solve", "--help"], golden: "solve-help.txt")
    }

    @Test func solve() throws {
        try Self.check(["solve", "round.toml"], golden: "solve.txt")
    }

    @Test func compare() throws {
        try Self.check(["compare", "round.toml", "cut.toml"], golden: "compare.txt")
        try Self.check(["compare", "round.toml", "cut.toml", "--format", "json"], golden: "compare.json")
        try Self.check(
            ["compare", "round.toml", "cut.toml", "--lang", "da", "--format", "markdown"], golden: "compare.da.md")
    }

    @Test func sweep() throws {
        try Self.check(["sweep", "round.toml", "--scale", "0.5:1.5:5"], golden: "sweep.txt")
        try Self.check(
            ["sweep", "round.toml", "--year", "2010", "--range", "2000000:5000000:4", "--format", "json"],
            golden: "sweep.json")
        try Self.check(
            ["sweep", "round.toml", "--scale", "0.5:1.5:5", "--lang", "da", "--format", "csv"], golden: "sweep.da.csv")
    }

    @Test func frontier() throws {
        try Self.check(["frontier", "round.toml"], golden: "frontier.txt")
        try Self.check(["frontier", "round.toml", "--format", "json"], golden: "frontier.json")
    }

    /// `sensitivity` in text, Danish, JSON and CSV; a mixed-integer scenario is refused (64).
    @Test func sensitivity() throws {
        try Self.check(["sensitivity", "round.toml"], golden: "sensitivity.txt")
        try Self.check(["sensitivity", "round.toml", "--lang", "da"], golden: "sensitivity.da.txt")
        try Self.check(["sensitivity", "round.toml", "--format", "json"], golden: "sensitivity.json")
        try Self.check(["sensitivity", "round.toml", "--format", "csv"], golden: "sensitivity.csv")
        let mip = try CLI.run(["sensitivity", "round.toml", "--set", "rules.min_fraction=0.5"], in: Self.round)
        #expect(
            mip.status == 64 && mip.stdout.isEmpty
                && mip.stderr.hasPrefix("boligsocial sensitivity: the scenario is a mixed-integer program"))
        let html = try CLI.run(["sensitivity", "round.toml", "--format", "html", "--lang", "da"], in: Self.round)
        #expect(html.status == 0 && html.stdout.contains("<svg") && html.stdout.contains("Hver vægts interval"))
    }

    /// Every command on an infeasible scenario exits 2 with the same diagnosis: on standard
    /// error as text, or with `--format json` as a document on standard output.
    @Test(arguments: [
        ["solve", "infeasible.toml"], ["compare", "round.toml", "infeasible.toml"],
        ["sweep", "infeasible.toml", "--scale", "0.5:1.5:3"], ["frontier", "infeasible.toml"],
        ["explain", "infeasible.toml", "G3"],
    ])
    func infeasibleScenarioIsDiagnosed(_ command: [String]) throws {
        let text = try String(contentsOf: Self.golden.appendingPathComponent("diagnosis.txt"), encoding: .utf8)
        try Self.check(command, golden: "empty.txt", status: 2, stderr: text)
        try Self.check(command + ["--format", "json"], golden: "diagnosis.json", status: 2)
        try Self.check(command + ["--format", "json", "--lang", "da"], golden: "diagnosis.da.json", status: 2)
    }

    /// The wish asks another question (envelopes of its own), so its first line says which.
    @Test func infeasibleWishIsDiagnosed() throws {
        try Self.check(
            ["wish", "infeasible.toml"], golden: "empty.txt", status: 2,
            stderr: try String(contentsOf: Self.golden.appendingPathComponent("diagnosis-wish.txt"), encoding: .utf8))
        try Self.check(
            ["wish", "infeasible.toml", "--format", "json", "--lang", "da"], golden: "diagnosis-wish.da.json", status: 2
        )
    }

    /// With `--output`, the diagnosis document goes to the named file, written whole.
    @Test func infeasibleJSONGoesToTheNamedOutput() throws {
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("d.json").path
        let r = try CLI.run(["frontier", "infeasible.toml", "--format", "json", "--output", path], in: Self.round)
        #expect(r.status == 2 && r.stdout.isEmpty && r.stderr.isEmpty)
        let expected = try String(contentsOf: Self.golden.appendingPathComponent("diagnosis.json"), encoding: .utf8)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
    }
}
