import Foundation
import TestSupport
import Testing

/// `compare`, `sweep`, `frontier`, `explain` and the infeasibility diagnosis, through the binary.
@Suite struct AnalysisCLITests {
    typealias CLI = CLITests

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let r = try CLI.run(arguments + ["--format", "json"])
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    }

    /// Every application whose share changed is listed, and the per-year totals equal two separate solves.
    @Test func compareMatchesSeparateSolves() throws {
        let base = try Self.json(["solve", "Scenarios/baseline.toml"])
        let cut = try Self.json(["solve", "Scenarios/envelope-cut.toml"])
        let compare = try Self.json(["compare", "Scenarios/baseline.toml", "Scenarios/envelope-cut.toml"])
        let scenarios = compare["scenarios"] as! [[String: Any]]
        #expect(scenarios.count == 2)
        #expect(scenarios[0]["allocated"] as! [String: Int] == base["allocated"] as! [String: Int])
        #expect(scenarios[1]["allocated"] as! [String: Int] == cut["allocated"] as! [String: Int])
        func shares(_ json: [String: Any]) -> [String: Double] {
            Dictionary(
                uniqueKeysWithValues: (json["applications"] as! [[String: Any]]).map {
                    ($0["id"] as! String, $0["share"] as! Double)
                })
        }
        let before = shares(base)
        let after = shares(cut)
        let changed = Set(before.keys.filter { abs(before[$0]! - after[$0]!) > 1e-9 })
        let listed = (compare["changes"] as! [[String: Any]]).map { $0["id"] as! String }
        #expect(!changed.isEmpty && Set(listed) == changed)
        let table = try CLI.run(["compare", "Scenarios/baseline.toml", "Scenarios/envelope-cut.toml"])
        #expect(table.status == 0 && table.stderr.isEmpty)
        let mismatch = try Golden.mismatch(table.stdout, against: "baseline-compare.txt", in: CLIGoldenTests.golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
        #expect(try CLI.run(["compare", "Scenarios/baseline.toml"]).status == 64)
    }

    @Test func frontierPrintsItsBreakpoints() throws {
        let r = try CLI.run(["frontier", "Scenarios/baseline.toml"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let mismatch = try Golden.mismatch(r.stdout, against: "baseline-frontier.txt", in: CLIGoldenTests.golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
        let json = try Self.json(["frontier", "Scenarios/baseline.toml"])
        let points = json["breakpoints"] as! [[String: Double]]
        #expect(points.count > 10 && points.first!["scale"] == 0 && json["exact"] as! Bool)
        let sampled = try Self.json(["frontier", "Scenarios/minimum-viable.toml", "--samples", "5"])
        #expect(!(sampled["exact"] as! Bool) && (sampled["breakpoints"] as! [Any]).count == 5)
    }

    @Test func sweepStepsMatchSolves() throws {
        let json = try Self.json(["sweep", "Scenarios/baseline.toml", "--scale", "0.5:1.5:3"])
        let steps = json["steps"] as! [[String: Any]]
        #expect(steps.map { $0["scale"] as! Double } == [0.5, 1, 1.5])
        let base = try Self.json(["solve", "Scenarios/baseline.toml"])
        #expect(steps[1]["allocated"] as! [String: Int] == base["allocated"] as! [String: Int])
        let year = try Self.json([
            "sweep", "Scenarios/baseline.toml", "--year", "2012", "--range", "20000000:40000000:5",
        ])
        #expect((year["steps"] as! [Any]).count == 5 && year["year"] as! Int == 2012)
        #expect(try CLI.run(["sweep", "Scenarios/baseline.toml"]).status == 64)
        #expect(try CLI.run(["sweep", "Scenarios/baseline.toml", "--scale", "1:0"]).status == 64)
        #expect(try CLI.run(["sweep", "Scenarios/baseline.toml", "--year", "2020", "--range", "1:2:2"]).status == 64)
    }

    @Test func explainGivesReasons() throws {
        let partial = try CLI.run(["explain", "Scenarios/baseline.toml", "A10"])
        #expect(partial.status == 0 && partial.stderr.isEmpty)
        let mismatch = try Golden.mismatch(
            partial.stdout, against: "baseline-explain-A10.txt", in: CLIGoldenTests.golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
        let json = try Self.json(["explain", "Scenarios/baseline.toml", "A08"])
        #expect(json["status"] as! String == "ineligible")
        let missing = try CLI.run(["explain", "Scenarios/baseline.toml", "A3"])
        #expect(missing.status == 64 && missing.stderr.contains("no application with id 'A3'"))
        // A command's own refusals are in the report's language too.
        let danish = try CLI.run(["explain", "Scenarios/baseline.toml", "A3", "--lang", "da"])
        #expect(
            danish.status == 64 && danish.stderr.contains("ingen ansøgning har id 'A3' (mente du"), "\(danish.stderr)")
        let year = try CLI.run([
            "sweep", "Scenarios/baseline.toml", "--year", "2015", "--range", "1:2:2", "--lang", "da",
        ])
        #expect(
            year.status == 64
                && year.stderr.contains("--year 2015 er ikke et af scenariets år (2009, 2010, 2011, 2012)"))
        let prices = try CLI.run(["wish", "Scenarios/baseline.toml", "--current-prices", "--lang", "da"])
        #expect(prices.status == 64 && prices.stderr.contains("kræver en [index]-tabel"), "\(prices.stderr)")
    }

    /// An infeasible scenario exits 2 naming each conflicting rule, its year and the relaxation;
    /// a scenario with the printed relaxations solves.
    @Test func infeasibleScenarioIsDiagnosed() throws {
        let dir = try CLI.temporaryDirectory([
            "s.toml": """
            extends = "\(CLI.root.path)/Scenarios/baseline.toml"
            [rules]
            primary_share_min = 0.99
            [rules.focus_floor]
            health = 9_000_000
            volunteering = 5_000_000
            """
        ])
        let r = try CLI.run(["solve", "s.toml"], in: dir)
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr.contains("infeasible") && r.stderr.contains("floor for health") && r.stderr.contains("2012"))
        for command in [["compare", "s.toml", "s.toml"], ["sweep", "s.toml", "--scale", "1:2:2"]] {
            #expect(try CLI.run(command, in: dir).status == 2)
        }
        let relaxedLine = try #require(r.stderr.split(separator: "\n").first { $0.hasPrefix("Relaxed [rules]") })
        let assignments = relaxedLine.split(separator: ":", maxSplits: 1)[1].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var floors: [String] = []
        var rules: [String] = []
        for a in assignments {
            if a.hasPrefix("focus_floor.") {
                floors.append(String(a.dropFirst("focus_floor.".count)))
            } else {
                rules.append(a)
            }
        }
        let relaxed =
            "extends = \"s.toml\"\n[rules]\n" + rules.joined(separator: "\n") + "\n[rules.focus_floor]\n"
            + floors.joined(separator: "\n") + "\n"
        try Data(relaxed.utf8).write(to: dir.appendingPathComponent("relaxed.toml"))
        let fixed = try CLI.run(["solve", "relaxed.toml"], in: dir)
        #expect(fixed.status == 0, "\(relaxed)\n\(fixed.stderr)")
    }
}
