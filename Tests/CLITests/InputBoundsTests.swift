import Foundation
import Testing

/// Inputs that are not files, chains and arguments beyond any real use, hostile text, and the
/// smaller answers of the second reliability round.
@Suite struct InputBoundsTests {
    typealias CLI = CLITests
    static let corpus = ReliabilityCLITests.corpus

    static func round(_ scenario: String = "", applications: String? = nil) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let fm = FileManager.default
        try fm.copyItem(
            at: Self.corpus.appendingPathComponent("good-areas.csv"), to: dir.appendingPathComponent("areas.csv"))
        if let applications {
            try Data(applications.utf8).write(to: dir.appendingPathComponent("applications.csv"))
        } else {
            try fm.copyItem(
                at: Self.corpus.appendingPathComponent("good-applications.csv"),
                to: dir.appendingPathComponent("applications.csv"))
        }
        let good = try String(contentsOf: Self.corpus.appendingPathComponent("good-scenario.toml"), encoding: .utf8)
        try Data((good + scenario).utf8).write(to: dir.appendingPathComponent("s.toml"))
        return dir
    }

    /// `/dev/zero`, a FIFO and a directory are refused (66) before anything is read.
    @Test func onlyRegularFilesAreRead() throws {
        let dir = try CLI.temporaryDirectory()
        let fifo = dir.appendingPathComponent("fifo.toml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for path in ["/dev/zero", fifo, dir.path] {
            let r = try CLI.run(["validate", path])
            #expect(r.status == 66 && r.stderr == "\(path): cannot open: not a regular file\n", "\(path): \(r.stderr)")
        }
        let viaScenario = try Self.round()
        let toml = try String(contentsOf: viaScenario.appendingPathComponent("s.toml"), encoding: .utf8)
            .replacingOccurrences(of: "applications = \"applications.csv\"", with: "applications = \"/dev/zero\"")
        try Data(toml.utf8).write(to: viaScenario.appendingPathComponent("s.toml"))
        let r = try CLI.run(["solve", "s.toml"], in: viaScenario)
        #expect(r.status == 66 && r.stderr == "/dev/zero: cannot open: not a regular file\n", "\(r.stderr)")
    }

    /// An `extends` chain of 40 files stops at 32 with a message, not a stack overflow.
    @Test func longExtendsChainsAreRefused() throws {
        let dir = try Self.round()
        for k in 1...40 {
            try Data("extends = \"\(k == 40 ? "s" : "c\(k + 1)").toml\"\n".utf8).write(
                to: dir.appendingPathComponent("c\(k).toml"))
        }
        let r = try CLI.run(["validate", "c1.toml"], in: dir)
        #expect(r.status == 65 && r.stderr.contains("'extends' chains more than 32 scenario files"), "\(r.stderr)")
    }

    /// Every numeric argument is range-checked (64), never converted past what it can hold.
    @Test func argumentsOutOfRangeAreUsageErrors() throws {
        for arguments in [
            ["sweep", "Scenarios/baseline.toml", "--scale", "0:2000:3"],
            ["sweep", "Scenarios/baseline.toml", "--year", "2009", "--range", "0:1e300:3"],
            ["sweep", "Scenarios/baseline.toml", "--scale", "0:1:1e7"],
            ["generate", "--applications", "1000000000000", "--output", "/tmp/never"],
            ["generate", "--coverage", "1e308", "--output", "/tmp/never"],
            ["frontier", "Scenarios/baseline.toml", "--samples", "1e9"],
            ["solve", "--time-limit", "1e300"], ["wish", "Scenarios/baseline.toml", "--share", "nan"],
        ] {
            let r = try CLI.run(arguments)
            #expect(r.status == 64 && !r.stderr.contains("Fatal error"), "\(arguments): \(r.status) \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never"))
    }

    /// A title with an escape sequence reaches the terminal escaped; a cell with a semicolon is quoted.
    @Test func hostileTextIsNeutralised() throws {
        let dir = try Self.round(
            applications: try String(
                contentsOf: Self.corpus.appendingPathComponent("hostile-title.csv"), encoding: .utf8))
        let table = try CLI.run(["solve", "s.toml"], in: dir)
        #expect(table.status == 0 && !table.stdout.contains("\u{1b}") && table.stdout.contains("\\u{1b}[31mred"))
        let csv = try CLI.run(["solve", "s.toml", "--format", "csv"], in: dir)
        #expect(csv.stdout.contains("A1,\"x;=cmd|' /C calc'!A0;"))
        let diagnostics = try CLI.run(["validate", "s.toml"], in: try Self.round(applications: "id,title\u{1b}[2J\n"))
        #expect(diagnostics.status == 65 && !diagnostics.stderr.contains("\u{1b}"), "\(diagnostics.stderr)")
    }

    /// `compare` matches years by year: a 2010–2011 scenario's 2010 is not shown as 2009.
    @Test func compareAlignsByYear() throws {
        let dir = try CLI.temporaryDirectory()
        let round = CLIGoldenTests.round.path
        try Data(
            """
            name = "Two years"
            applications = "\(round)/applications.csv"
            areas = "\(round)/areas.csv"
            years = [2010, 2011]
            [envelope]
            2010 = 3000000
            2011 = 3000000
            """.utf8
        ).write(to: dir.appendingPathComponent("two.toml"))
        let r = try CLI.run(["compare", "\(round)/round.toml", "two.toml"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let y2009 = try #require(lines.first { $0.hasPrefix("2009 ") })
        let y2010 = try #require(lines.first { $0.hasPrefix("2010 ") })
        #expect(
            y2009.hasSuffix("–  –  –") || y2009.hasSuffix("–           –           –")
                || y2009.split(separator: " ").suffix(3).allSatisfy { $0 == "–" }, "\(y2009)")
        #expect(y2010.contains("3,000,000"), "\(y2010)")
    }

    /// A wish over a round where nothing is eligible says so, and blames no threshold.
    @Test func wishWithNothingEligible() throws {
        let apps = try String(contentsOf: Self.corpus.appendingPathComponent("good-applications.csv"), encoding: .utf8)
            .replacingOccurrences(of: ",primary,yes,", with: ",primary,no,")
        let r = try CLI.run(["wish", "s.toml"], in: try Self.round(applications: apps))
        #expect(
            r.status == 2
                && r.stderr
                    == "boligsocial wish: no application is eligible under the scenario's rules with money to fund: there is nothing to ask for\n",
            "\(r.stderr)")
    }
}
