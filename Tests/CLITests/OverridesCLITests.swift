import Foundation
import Testing

/// Quick what-ifs on the command line: the same output as the change written in a scenario file
/// (the stamp aside), recorded in the stamp, saved as a scenario that reads back the same, and
/// refused with the option named when they do not hold.
@Suite struct OverridesCLITests {
    typealias CLI = CLITests

    /// The JSON's text up to its `inputs` (the stamp, written last), and the stamp parsed.
    static func json(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
        -> (body: String, inputs: [String: Any])
    {
        let r = try CLI.run(arguments + ["--format", "json"], in: directory, environment: environment)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let body = r.stdout.range(of: "\"inputs\"").map { String(r.stdout[..<$0.lowerBound]) } ?? r.stdout
        return (body, json["inputs"] as? [String: Any] ?? [:])
    }

    /// Byte for byte.
    static func same(_ a: String, _ b: String) -> Bool { a == b }

    @Test func overridesGiveWhatTheFileGives() throws {
        let base = CLI.root.appendingPathComponent("Scenarios/baseline.toml").path
        let dir = try CLI.temporaryDirectory([
            "written.toml": "extends = \"\(base)\"\n[envelope]\n2010 = 27000000\n[rules]\nprimary_share_min = 0.6\n"
                + "[decisions]\nA12 = { fund = \"full\", reason = \"Videreførelse\" }\n",
            "scaled.toml":
                "extends = \"\(base)\"\n[envelope]\n2009 = 27000000.0\n2010 = 27000000.0\n2011 = 26100000.0\n2012 = 25200000.0\n",
        ])
        let flags = [
            "--envelope", "2010=27000000", "--set", "rules.primary_share_min=0.6", "--decide", "A12=full:Videreførelse",
        ]
        // The overrides are merged in memory: no temporary folder is needed (TMPDIR names none that exists).
        let noTemporaryFolder = ["TMPDIR": dir.appendingPathComponent("no-such-folder").path]
        for command in [["solve"], ["rank"], ["wish", "--threshold", "0.9"]] {
            let given = try Self.json(command + [base] + flags, in: dir, environment: noTemporaryFolder)
            let written = try Self.json(command + ["written.toml"], in: dir, environment: noTemporaryFolder)
            #expect(given.body.count > 1000 && Self.same(given.body, written.body), "\(command)")
            #expect(
                given.inputs["overrides"] as? [String] == [
                    "--envelope 2010=27000000", "--set rules.primary_share_min=0.6",
                    "--decide A12=full:Videreførelse",
                ])
            #expect(written.inputs["overrides"] == nil)
        }
        let scaled = try Self.json(["solve", base, "--scale-envelope", "0.9"], in: dir)
        let file = try Self.json(["solve", "scaled.toml"], in: dir)
        #expect(Self.same(scaled.body, file.body))
        // Saved, the overrides are a scenario that extends the original and reads back the same.
        let saved = try Self.json(["solve", base, "--save-scenario", "saved.toml"] + flags, in: dir)
        let text = try String(contentsOf: dir.appendingPathComponent("saved.toml"), encoding: .utf8)
        #expect(
            text.contains("extends = ")
                && text.contains("decisions.\"A12\" = { fund = \"full\", reason = \"Videreførelse\" }"), "\(text)")
        #expect(Self.same(saved.body, try Self.json(["solve", "saved.toml"], in: dir).body))
        #expect(Self.same(saved.body, try Self.json(["solve", "written.toml"], in: dir).body))
        // The text report's stamp line names them.
        let table = try CLI.run(["solve", base, "--envelope", "2010=27000000"], in: dir)
        #expect(table.stdout.contains("on the command line: --envelope 2010=27000000"))
    }

    @Test func overridesThatDoNotHoldNameTheOption() throws {
        let dir = try CLI.temporaryDirectory()
        let base = CLI.root.appendingPathComponent("Scenarios/baseline.toml").path
        let r = try CLI.run(["validate", base, "--set", "rules.primary_share_mn=0.6", "--envelope", "2013=5"], in: dir)
        #expect(r.status == 65)
        #expect(
            r.stderr.contains("command line (--envelope 2013=5): '2013' is not one of the scenario's years"),
            "\(r.stderr)")
        #expect(
            r.stderr.contains(
                "command line (--set rules.primary_share_mn=0.6): unknown key 'rules.primary_share_mn' (did you mean 'primary_share_min'?)"
            ))
        // A value TOML does not read is named by its option too.
        let value = try CLI.run(["validate", base, "--set", "rules.carry_over=tru"], in: dir)
        #expect(
            value.status == 65 && value.stderr.contains("command line (--set rules.carry_over=tru): "),
            "\(value.stderr)")
        for bad in [
            ["--envelope", "2010"], ["--envelope", "x=1"], ["--scale-envelope", "-1"], ["--set", "rules"],
            ["--decide", "A12=full"],
            ["--decide", "A12=half:x"], ["--save-scenario", "s.toml"],
        ] {
            #expect(try CLI.run(["solve", base] + bad, in: dir).status == 64, "\(bad)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "nothing written")
    }
}
