import Foundation
import TestSupport
import Testing

/// Runs the built `boligsocial` binary and checks its output and exit code (docs/commands.md).
@Suite struct CLITests {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary built beside the test bundle.
    static var binary: URL {
        let bundleDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [bundleDirectory, root.appendingPathComponent(".build/debug")] {
            let url = candidate.appendingPathComponent("boligsocial")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return root.appendingPathComponent(".build/debug/boligsocial")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `environment`: variables set for this run on top of the test's own.
    static func run(_ arguments: [String], in directory: URL = root, environment: [String: String] = [:]) throws
        -> Result
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Every test's directories live under one per test process, removed when the process ends.
    static let scratchRoot: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("boligsocial-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit {
            try? FileManager.default.removeItem(
                at: FileManager.default.temporaryDirectory.appendingPathComponent("boligsocial-tests-\(getpid())"))
        }
        return root
    }()

    static func temporaryDirectory(_ files: [String: String] = [:]) throws -> URL {
        let dir = scratchRoot.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    /// The bare command solves the baseline: the whole report, against its golden file.
    @Test func bareCommandSolvesTheBaseline() throws {
        let r = try Self.run([])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let mismatch = try Golden.mismatch(r.stdout, against: "baseline.txt", in: CLIGoldenTests.golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    /// `solve --verbose`: every stage on standard error with its time and peak memory, and for a
    /// MIP its root LP and the allocations branch-and-cut found; the report itself unchanged.
    @Test func verboseNamesEveryStage() throws {
        let quiet = try Self.run(["solve", "Scenarios/minimum-viable.toml", "--format", "json"])
        let loud = try Self.run(["solve", "Scenarios/minimum-viable.toml", "--format", "json", "--verbose"])
        #expect(quiet.status == 0 && loud.status == 0 && loud.stdout == quiet.stdout && quiet.stderr.isEmpty)
        let lines = loud.stderr.split(separator: "\n").map(String.init)
        for stage in ["load", "build", "solve", "rounding", "report"] {
            let line = lines.first { $0.hasPrefix(stage + " ") }
            #expect(line?.contains(" s   peak ") == true && line?.contains(" MB") == true, "\(stage): \(loud.stderr)")
        }
        #expect(
            lines.contains { $0.hasPrefix("  root LP relaxation ") && $0.contains("dual simplex iterations") },
            "\(loud.stderr)")
        #expect(
            lines.contains {
                ($0.hasPrefix("  better allocation at ") && $0.contains("proven gap"))
                    || $0 == "  the allocation was found before the search, at the root"
            },
            "\(loud.stderr)")
        let lp = try Self.run(["solve", "Scenarios/baseline.toml", "--verbose"])
        #expect(lp.status == 0 && lp.stderr.contains("optimal") && !lp.stderr.contains("root LP"), "\(lp.stderr)")
    }

    @Test func jsonHasEveryFieldOfTheSpec() throws {
        let r = try Self.run(["solve", "Scenarios/baseline.toml", "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        for key in [
            "scenario", "status", "years", "priority_points", "envelope", "allocated", "marginal_points_per_1000",
            "applications", "by_area", "by_risk", "by_focus", "by_category", "inputs",
        ] {
            #expect(json[key] != nil, "missing \(key)")
        }
        let envelope = json["envelope"] as! [String: Double]
        let allocated = json["allocated"] as! [String: Int]
        for (year, amount) in allocated { #expect(Double(amount) <= envelope[year]!) }
        let applications = json["applications"] as! [[String: Any]]
        #expect(applications.count == 56)
        for a in applications {
            let requested = a["requested"] as! [String: Int]
            let granted = a["granted"] as! [String: Int]
            for (year, amount) in granted { #expect(amount <= requested[year]!) }
            #expect(["full", "partial", "unfunded", "ineligible"].contains(a["status"] as! String))
        }
        let inputs = json["inputs"] as! [String: String]
        #expect(inputs["glpk_version"]!.hasPrefix("5.") && inputs["applications_sha256"]!.count == 64)
    }

    @Test func everyShippedScenarioSolvesAndValidates() throws {
        for name in ["baseline", "envelope-cut", "growth", "minimum-viable", "health-priority"] {
            let path = "Scenarios/\(name).toml"
            let v = try Self.run(["validate", path])
            #expect(v.status == 0 && v.stdout.contains("OK"), "\(name): \(v.stderr)")
            let s = try Self.run(["solve", path, "--format", "csv"])
            #expect(s.status == 0, "\(name): \(s.stderr)")
            #expect(s.stdout.hasPrefix("id,title,area,status,weight,share,requested,granted_2009"))
        }
    }

    @Test func badDataExits65WithEveryLocatedProblem() throws {
        let areas = "id,name,district,risk\nMJP,Mjølnerparken,Nørrebro,vulnerable\nMJP,Again,Nørrebro,vulnerabel\n"
        let header =
            "id,title,area,focus,objectives,target_group,sof_in_steering_group,clear_goals,anchoring_plan,coordinator_role,cross_admin,activity_accounting,theory_of_change,salary_2009,rent_2009,activities_2009"
        let apps = header + "\nA1,T,XXX,helth,image,primary,maybe,yes,yes,yes,yes,yes,none,-5,x,\n"
        let scenario =
            "name = \"Bad\"\napplications = \"apps.csv\"\nareas = \"areas.csv\"\nyears = [2009]\nmistery = 1\n[envelope]\n2009 = 100\n"
        let dir = try Self.temporaryDirectory(["areas.csv": areas, "apps.csv": apps, "s.toml": scenario])
        let r = try Self.run(["validate", "s.toml"], in: dir)
        #expect(r.status == 65)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "apps.csv:2:6: unknown area 'XXX'",
                "apps.csv:2:10: unknown focus area 'helth' (did you mean 'health'?)",
                "apps.csv:2:30: 'maybe' is not a yes/no value (yes/no, true/false, ja/nej, 1/0)",
                "apps.csv:2:61: the amount -5 is negative",
                "apps.csv:2:64: 'x' is not an amount in kroner",
                "areas.csv:3:1: duplicate area id 'MJP' (first on line 2)",
                "areas.csv:3:20: unknown risk class 'vulnerabel' (did you mean 'vulnerable'?); expected one of vulnerable, at_risk, other, other_housing",
                "s.toml:5:1: unknown key 'mistery'",
            ])
        #expect(try Self.run(["solve", "s.toml"], in: dir).status == 65)
    }

    @Test func missingColumnAndDuplicateIDExit65() throws {
        let areas = "id,name,district,risk\nMJP,Mjølnerparken,Nørrebro,vulnerable\n"
        let header =
            "id,title,area,focus,objectives,target_group,sof_in_steering_group,clear_goals,anchoring_plan,coordinator_role,cross_admin,activity_accounting,theory_of_change,salary_2009,rent_2009,activities_2009"
        let row = "A1,T,MJP,health,image,primary,yes,yes,yes,yes,yes,yes,none,100,,\n"
        let scenario = "applications = \"apps.csv\"\nareas = \"areas.csv\"\nyears = [2009]\n[envelope]\n2009 = 100\n"
        let dir = try Self.temporaryDirectory([
            "areas.csv": areas, "apps.csv": header + "\n" + row + row, "s.toml": scenario,
            "short.csv": header.replacingOccurrences(of: ",rent_2009", with: "") + "\n",
            "short.toml": scenario.replacingOccurrences(of: "apps.csv", with: "short.csv"),
        ])
        let duplicate = try Self.run(["validate", "s.toml"], in: dir)
        #expect(
            duplicate.status == 65
                && duplicate.stderr == "apps.csv:3:1: duplicate application id 'A1' (first on line 2)\n")
        let missing = try Self.run(["solve", "short.toml"], in: dir)
        #expect(missing.status == 65 && missing.stderr == "short.csv:1:1: missing column 'rent_2009'\n")
    }

    @Test func missingFilesExit66() throws {
        let r = try Self.run(["solve", "no/such/scenario.toml"])
        #expect(r.status == 66 && r.stderr.contains("no/such/scenario.toml") && r.stderr.contains("No such file"))
        let dir = try Self.temporaryDirectory([
            "s.toml":
                "applications = \"gone.csv\"\nareas = \"areas.csv\"\n[envelope]\n2009 = 1\n2010 = 1\n2011 = 1\n2012 = 1\n",
            "areas.csv": "id,name,district,risk\n",
        ])
        let missing = try Self.run(["validate", "s.toml"], in: dir)
        #expect(missing.status == 66 && missing.stderr.contains("gone.csv"))
    }

    @Test func infeasibleScenarioExits2() throws {
        let dir = try Self.temporaryDirectory([
            "s.toml": """
            extends = "\(Self.root.path)/Scenarios/baseline.toml"
            [rules.focus_floor]
            health = 50_000_000
            """
        ])
        let r = try Self.run(["solve", "s.toml"], in: dir)
        #expect(r.status == 2 && r.stdout.isEmpty)
        let mismatch = try Golden.mismatch(r.stderr, against: "baseline-health-floor.txt", in: CLIGoldenTests.golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func usageErrorsExit64() throws {
        #expect(try Self.run(["solve", "--format", "pdf"]).status == 64)
        #expect(try Self.run(["solve", "--write-model", "model.txt"]).status == 64)
        #expect(try Self.run(["frobnicate", "x", "y"]).status == 64)
    }

    @Test func outputsAreWrittenWholeOrNotAtAll() throws {
        let dir = try Self.temporaryDirectory()
        let lp = dir.appendingPathComponent("model.lp").path
        let mps = dir.appendingPathComponent("model.mps").path
        let report = dir.appendingPathComponent("report.json").path
        #expect(try Self.run(["solve", "--write-model", lp, "--output", report, "--format", "json"]).status == 0)
        #expect(try String(contentsOfFile: lp, encoding: .utf8).contains("envelope_2009"))
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("\"priority_points\""))
        #expect(try Self.run(["solve", "--write-model", mps]).status == 0)
        // The MPS says it maximises (a reader would otherwise minimise and report 0); so does the LP file.
        #expect(
            try String(contentsOfFile: mps, encoding: .utf8).contains("NAME boligsocial\nOBJSENSE\n    MAX\nROWS\n"))
        #expect(try String(contentsOfFile: lp, encoding: .utf8).contains("Maximize"))
        // Never over an input file; nothing written into a missing directory; no temporary left behind.
        let input = Self.root.appendingPathComponent("Scenarios/data/areas.csv").path
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let over = try Self.run(["solve", "--output", input])
        #expect(over.status == 73 && over.stderr.contains("input file"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        #expect(try Self.run(["solve", "--output", dir.path + "/missing/r.txt"]).status == 73)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
                "model.lp", "model.mps", "report.json",
            ])
    }
}
