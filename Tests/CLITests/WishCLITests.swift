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
        let dir = try CLI.temporaryDirectory([
            "asked.toml":
                "extends = \"\(CLI.root.path)/Scenarios/baseline.toml\"\nname = \"Asked\"\n[envelope]\n\(lines)\n"
        ])
        let r = try CLI.run(["solve", "asked.toml", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let solved = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let shares = Dictionary(
            uniqueKeysWithValues: (solved["applications"] as! [[String: Any]]).map {
                ($0["id"] as! String, $0["share"] as! Double)
            })
        for id in targets { #expect(shares[id]! >= 1 - 1e-6, "\(id) is funded at \(shares[id]!)") }
        #expect(abs((solved["priority_points"] as! Double) - (wish["priority_points"] as! Double)) < 1e-6)
    }

    /// The committee's scenario: decided applications are no targets, the decisions are listed and
    /// priced against the same targets without them, and the JSON says the answer was searched.
    @Test func committeeDecisionsInTheWish() throws {
        let wish = try AnalysisCLITests.json(["wish", "Scenarios/committee.toml", "--threshold", "0.9"])
        let targets = Set(wish["targets"] as! [String])
        #expect(
            targets.count == 18 && targets.isDisjoint(with: ["A04", "A07", "A08", "A11", "A19", "A21", "A40", "A56"]))
        let asked = (wish["envelope"] as! [String: Int]).values.reduce(0, +)
        let without = (wish["envelope_without_decisions"] as! [String: Int]).values.reduce(0, +)
        #expect(asked == 75_206_000 && without == 69_850_000)
        #expect(wish["minimum_proven"] as! Bool == false)
        let da = try CLI.run(["wish", "Scenarios/committee.toml", "--threshold", "0.9", "--lang", "da"])
        #expect(
            da.status == 0
                && da.stdout.contains("Udvalgets 8 beslutninger lægger 5.356.000 kr. til de rammer, der søges om"))
        #expect(da.stdout.contains("Finansieret af anden pulje") && da.stdout.contains("Søgt, ikke bevist"))
        let baseline = try AnalysisCLITests.json(["wish", "Scenarios/baseline.toml", "--threshold", "0.9"])
        #expect(baseline["minimum_proven"] as! Bool == true && baseline["envelope_without_decisions"] is NSNull)
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
        // The budget workbook: the ønskeforslag sheet in whole 1.000 kr. as numbers with a thousands
        // format, each block adding up to the money granted, the envelope to what is asked.
        let dir = try CLI.temporaryDirectory()
        let xlsx = dir.appendingPathComponent("w.xlsx").path
        #expect(
            try CLI.run([
                "wish", "Scenarios/baseline.toml", "--threshold", "0.9", "--lang", "da", "--format", "xlsx", "--output",
                xlsx,
            ]).status == 0)
        let read = try DocumentTests.shell(
            "/usr/bin/python3",
            [
                "-c",
                """
                import sys, openpyxl
                ws = openpyxl.load_workbook(sys.argv[1])["Ønskeforslag"]
                assert ws["A1"].value == "Ønskeforslag 2009-2012, 1.000 kr. (faste 2009-priser)", ws["A1"].value
                book = openpyxl.load_workbook(sys.argv[1])
                # Years are numbers on every sheet: heading a column, and in the summary's cells.
                assert [c.value for c in ws[1]][1:5] == [2009, 2010, 2011, 2012], [c.value for c in ws[1]]
                assert [r[0].value for r in book["Oversigt"].iter_rows(min_row=2, max_row=5)] == [2009, 2010, 2011, 2012]
                rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
                formats = {c.number_format for r in ws.iter_rows(min_row=2) for c in r if isinstance(c.value, (int, float))}
                assert formats == {"#,##0"}, formats
                block, blocks = [], 0
                for r in rows:
                    if r[0] == "Bevilget i alt" and block:
                        for c in range(1, 6):
                            assert sum(b[c] for b in block) == r[c], (r, block)
                        blocks += 1
                        block = []
                    elif isinstance(r[1], (int, float)):
                        block.append(r)
                    else:
                        block = []
                asked = rows[-1]
                assert asked[0] == "I alt (ønsket ramme)" and asked[1:5] == [17465, 17450, 17470, 17465], asked
                print("blocks", blocks)
                """, xlsx,
            ])
        #expect(read.status == 0 && read.stdout.contains("blocks 3"), "\(read.stdout)\(read.stderr)")
    }

    @Test func exitCodes() throws {
        let none = try CLI.run(["wish", "Scenarios/baseline.toml", "--threshold", "99"])
        #expect(
            none.status == 64 && none.stdout.isEmpty
                && none.stderr == "boligsocial wish: --threshold 99.0 is above every eligible application's weight\n")
        #expect(try CLI.run(["wish", "Scenarios/baseline.toml", "--share", "1.5"]).status == 64)
        #expect(try CLI.run(["wish", "Scenarios/baseline.toml", "--format", "xlsx"]).status == 64)
        #expect(try CLI.run(["wish", "does-not-exist.toml"]).status == 66)
    }
}

/// The wish in current prices: the scenario's `[index]` per year times the fixed-price amounts,
/// the label saying which prices; refused without an index, and an index far from 1 is an input error.
@Suite struct WishPricesTests {
    typealias CLI = CLITests

    @Test func currentPricesFollowTheIndex() throws {
        let base = "extends = \"\(CLI.root.path)/Scenarios/baseline.toml\"\nname = \"Prices\"\n"
        let dir = try CLI.temporaryDirectory([
            "s.toml": base + "[index]\n2010 = 1.027\n2011 = 1.05\n2012 = 1.08\n",
            "plain.toml": base, "bad.toml": base + "[index]\n2010 = 102.7\n",
        ])
        let r = try CLI.run(["wish", "s.toml", "--threshold", "0.9", "--current-prices", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let envelope = json["envelope"] as! [String: Int]
        let stated = json["envelope_in_stated_prices"] as! [String: Int]
        let index = json["index"] as! [String: Double]
        #expect(
            json["prices"] as? String == "current" && index == ["2009": 1, "2010": 1.027, "2011": 1.05, "2012": 1.08])
        for (year, kroner) in envelope {
            #expect(stated[year] == Int((Double(kroner) * index[year]!).rounded()), "\(year)")
        }
        let text = try CLI.run(["wish", "s.toml", "--threshold", "0.9", "--current-prices", "--lang", "da"], in: dir)
        #expect(
            text.status == 0 && text.stdout.contains("løbende priser: pris- og lønindeks, 2009 = 1")
                && text.stdout.contains("Pris- og lønindeks: 2009 1,000, 2010 1,027, 2011 1,050, 2012 1,080"),
            "\(text.stdout.prefix(600))")
        let fixed = try CLI.run(["wish", "s.toml", "--threshold", "0.9", "--lang", "da"], in: dir)
        #expect(fixed.stdout.contains("(faste 2009-priser)"))
        let none = try CLI.run(["wish", "plain.toml", "--current-prices"], in: dir)
        #expect(none.status == 64 && none.stderr.contains("[index]"))
        let bad = try CLI.run(["validate", "bad.toml"], in: dir)
        #expect(
            bad.status == 65 && bad.stderr.contains("'index.2010' must be a price and wage index between 0.5 and 2"),
            "\(bad.stderr)")
    }
}

/// Targets chosen by id, focus area, risk class or area, together with the weight threshold.
@Suite struct WishTargetTests {
    typealias CLI = CLITests

    @Test func targetsByListFocusRiskAndArea() throws {
        // The risk class narrows the list: A11 (in an area at risk) drops out.
        let narrowed = try AnalysisCLITests.json([
            "wish", "Scenarios/baseline.toml", "--target", "A04,A07,A11", "--target-risk", "vulnerable",
        ])
        #expect(narrowed["targets"] as? [String] == ["A04", "A07"])
        // Three applications without ties in weight (among equal weights the points-maximising
        // allocation may fund any of them, see docs/guide.md), funded by the envelopes printed.
        let chosen = try AnalysisCLITests.json(["wish", "Scenarios/baseline.toml", "--target", "A04,A07,A11"])
        #expect(chosen["targets"] as? [String] == ["A04", "A07", "A11"])
        let envelope = chosen["envelope"] as! [String: Int]
        let lines = envelope.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: "\n")
        let dir = try CLI.temporaryDirectory([
            "asked.toml": "extends = \"\(CLI.root.path)/Scenarios/baseline.toml\"\n[envelope]\n\(lines)\n"
        ])
        let solved =
            try JSONSerialization.jsonObject(
                with: Data(try CLI.run(["solve", "asked.toml", "--format", "json"], in: dir).stdout.utf8))
            as! [String: Any]
        let shares = Dictionary(
            uniqueKeysWithValues: (solved["applications"] as! [[String: Any]]).map {
                ($0["id"] as! String, $0["share"] as! Double)
            })
        #expect(shares["A04"]! >= 1 - 1e-6 && shares["A07"]! >= 1 - 1e-6 && shares["A11"]! >= 1 - 1e-6)
        // Health applications at weight 0.9 or more: a subset of those at the threshold alone.
        let health = try AnalysisCLITests.json([
            "wish", "Scenarios/baseline.toml", "--threshold", "0.9", "--target-focus", "health",
        ])
        let all = try AnalysisCLITests.json(["wish", "Scenarios/baseline.toml", "--threshold", "0.9"])
        let healthTargets = Set(health["targets"] as! [String])
        let allTargets = Set(all["targets"] as! [String])
        #expect(!healthTargets.isEmpty && healthTargets.isStrictSubset(of: allTargets))
        #expect(try CLI.run(["wish", "Scenarios/baseline.toml", "--target-focus", "helth"]).status == 64)
        let unknown = try CLI.run(["wish", "Scenarios/baseline.toml", "--target", "A99", "--target-area", "XYZ"])
        #expect(
            unknown.status == 64 && unknown.stderr.contains("no application or area A99, XYZ in the round"),
            "\(unknown.stderr)")
    }
}
