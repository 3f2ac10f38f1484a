import Foundation
import TestSupport
import Testing

/// `wish` through the binary: its JSON against a `solve` with the envelopes it prints, every
/// format, Danish, and the exit codes.
@Suite struct WishCLITests {
    typealias CLI = CLITests

    /// The printed envelopes, written into a scenario that extends the baseline, fund every target
    /// fully when solved by the binary.
    @Test func printedEnvelopesFundEveryTarget() throws {
        let wish = try AnalysisCLITests.json(["wish", "Scenarios/baseline.toml", "--threshold", "0.9"])
        let envelope = wish["envelope"] as! [String: Int]
        let targets = wish["targets"] as! [String]
        #expect(targets.count == 22)
        #expect(envelope.values.allSatisfy { $0 % 1000 == 0 })
        let lines = envelope.keys.sorted().map { "\($0) = \(envelope[$0]!)" }.joined(separator: "\n")
        let dir = try CLI.temporaryDirectory(["asked.toml": "extends = \"\(CLI.root.path)/Scenarios/baseline.toml\"\nname = \"Asked\"\n[envelope]\n\(lines)\n"])
        let r = try CLI.run(["solve", "asked.toml", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let solved = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let shares = Dictionary(uniqueKeysWithValues: (solved["applications"] as! [[String: Any]]).map { ($0["id"] as! String, $0["share"] as! Double) })
        for id in targets { #expect(shares[id]! >= 1 - 1e-6, "\(id) is funded at \(shares[id]!)") }
        #expect(abs((solved["priority_points"] as! Double) - (wish["priority_points"] as! Double)) < 1e-6)
    }

    @Test func everyFormatAndDanish() throws {
        for format in ["table", "csv", "json", "markdown", "html"] {
            let r = try CLI.run(["wish", "Scenarios/baseline.toml", "--threshold", "0.9", "--format", format])
            #expect(r.status == 0 && !r.stdout.isEmpty, "\(format): \(r.stderr)")
        }
        let da = try CLI.run(["wish", "Scenarios/baseline.toml", "--threshold", "0.9", "--lang", "da"])
        #expect(da.status == 0 && da.stderr.isEmpty)
        let mismatch = try Golden.mismatch(da.stdout, against: "baseline-wish.da.txt", in: CLIGoldenTests.golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
        let flat = try AnalysisCLITests.json(["wish", "Scenarios/baseline.toml", "--threshold", "0.9", "--flat"])
        #expect(Set((flat["envelope"] as! [String: Int]).values).count == 1)
    }

    @Test func exitCodes() throws {
        let none = try CLI.run(["wish", "Scenarios/baseline.toml", "--threshold", "99"])
        #expect(none.status == 64 && none.stdout.isEmpty
                && none.stderr == "boligsocial wish: --threshold 99.0 is above every eligible application's weight\n")
        #expect(try CLI.run(["wish", "Scenarios/baseline.toml", "--share", "1.5"]).status == 64)
        #expect(try CLI.run(["wish", "Scenarios/baseline.toml", "--format", "xlsx"]).status == 64)
        #expect(try CLI.run(["wish", "does-not-exist.toml"]).status == 66)
    }
}
