import Foundation
import Testing

/// `[decisions]` through the command line: reported with their reason and price, refused with
/// their place when they cannot be read, diagnosed when they cannot hold.
@Suite struct DecisionCLITests {
    typealias CLI = CLITests

    static func scenario(_ decisions: String) -> String {
        "extends = \"\(CLI.root.path)/Scenarios/baseline.toml\"\nname = \"Udvalget\"\n[decisions]\n" + decisions
    }

    @Test func decisionsAreReportedWithTheirPrice() throws {
        let dir = try CLI.temporaryDirectory([
            "s.toml": Self.scenario(
                """
                A11 = { fund = "full", reason = "Videreførelse af projekt fra 2004-2008" }
                A04 = { fund = "none", reason = "Finansieret af anden pulje" }
                A07 = { min = 2_000_000, max = 3_000_000, reason = "Styregruppens beslutning 12/3" }
                A19 = { share = 0.5, reason = "Halv finansiering aftalt" }
                A08 = { fund = "full", override_eligibility = true, reason = "SOF indtræder i styregruppen" }
                A21 = { fund = "full", reason = "Udvalget prioriterer mødrenetværk" }
                A40 = { fund = "full", reason = "Frivillighed i Bellahøj" }
                A56 = { fund = "full", reason = "Fædregrupper" }

                """)
        ])
        let r = try CLI.run(["solve", "s.toml", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let decisions = json["decisions"] as! [String: Any]
        let base =
            try JSONSerialization.jsonObject(with: Data(try CLI.run(["solve", "--format", "json"]).stdout.utf8))
            as! [String: Any]
        let without = base["priority_points"] as! Double
        let with = json["priority_points"] as! Double
        #expect(
            abs((decisions["priority_points_without"] as! Double) - without) < 1e-3
                && abs((decisions["price"] as! Double) - (without - with)) < 1e-3)
        #expect(!(decisions["gave_way"] as! [[String: Any]]).isEmpty)
        let apps = Dictionary(
            uniqueKeysWithValues: (json["applications"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })
        #expect((apps["A11"]!["share"] as! Double) == 1 && (apps["A04"]!["share"] as! Double) == 0)
        let a07 = (apps["A07"]!["granted"] as! [String: Int]).values.reduce(0, +)
        #expect((2_000_000...3_000_000).contains(a07))
        #expect(
            (apps["A11"]!["reasons"] as! [String]).last
                == "decided by the committee: funded in full (Videreførelse af projekt fra 2004-2008)")
        let da = try CLI.run(["solve", "s.toml", "--lang", "da"], in: dir)
        #expect(
            da.stdout.contains("Udvalgets 8 beslutninger koster")
                && da.stdout.contains("Ansøgninger, der viger for beslutningerne")
                && da.stdout.contains("udvalgets beslutning: fuld støtte (Videreførelse af projekt fra 2004-2008)"))
        // The priority list says the same price, and lists the decided applications with their reason.
        let rank =
            try JSONSerialization.jsonObject(
                with: Data(try CLI.run(["rank", "s.toml", "--format", "json"], in: dir).stdout.utf8)) as! [String: Any]
        let rankPrice = (rank["decisions"] as! [String: Any])["price"] as! Double
        #expect(abs(rankPrice - (decisions["price"] as! Double)) < 1e-3)
    }

    /// `compare --without-decisions`: each scenario without its decisions before it.
    @Test func compareWithAndWithoutDecisions() throws {
        let dir = try CLI.temporaryDirectory([
            "s.toml": Self.scenario("A11 = { fund = \"full\", reason = \"Videreførelse\" }\n")
        ])
        let r = try CLI.run(["compare", "s.toml", "--without-decisions", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let scenarios = json["scenarios"] as! [[String: Any]]
        #expect(scenarios.map { $0["scenario"] as? String } == ["Udvalget, without its decisions", "Udvalget"])
        let base =
            try JSONSerialization.jsonObject(with: Data(try CLI.run(["solve", "--format", "json"]).stdout.utf8))
            as! [String: Any]
        #expect(abs((scenarios[0]["priority_points"] as! Double) - (base["priority_points"] as! Double)) < 1e-6)
        #expect((json["changes"] as! [[String: Any]]).contains { $0["id"] as? String == "A11" })
        #expect(try CLI.run(["compare", "s.toml"], in: dir).status == 64)
    }

    @Test func decisionsThatCannotBeReadAreLocated() throws {
        let dir = try CLI.temporaryDirectory([
            "unknown.toml": Self.scenario("A99 = { fund = \"full\", reason = \"x\" }\n"),
            "contradicts.toml": Self.scenario("A07 = { min = 3_000_000, max = 2_000_000, reason = \"x\" }\n"),
            "noreason.toml": Self.scenario("A07 = { fund = \"full\" }\n"),
            "unclear.toml": Self.scenario("A07 = { fund = \"full\", share = 0.5, reason = \"x\" }\n"),
            "fund.toml": Self.scenario("A07 = { fund = \"half\", reason = \"x\" }\n"),
            "peryear.toml": Self.scenario("A07 = { min = { 2010 = 500_000 }, reason = \"x\" }\n"),
        ])
        let cases: [(String, String)] = [
            ("unknown.toml", "unknown.toml:4:1: a decision on 'A99', but no application has that id (did you mean 'A"),
            ("contradicts.toml", "contradicts.toml:4:"),
            ("noreason.toml", "noreason.toml:4:1: the decision on A07 has no reason"),
            ("unclear.toml", "the decision on A07 must say exactly one thing"),
            ("fund.toml", "unknown fund 'half' in the decision on A07; expected full or none"),
            (
                "peryear.toml",
                "the decision on A07 gives amounts per year, but under commitment = \"proportional\" one share covers every year"
            ),
        ]
        for (file, message) in cases {
            let r = try CLI.run(["validate", file], in: dir)
            #expect(r.status == 65 && r.stderr.contains(message), "\(file): \(r.stderr)")
        }
        let contradicts = try CLI.run(["validate", "contradicts.toml"], in: dir)
        #expect(
            contradicts.stderr.contains("contradicts itself: min 3,000,000 kr. is above max 2,000,000 kr."),
            "\(contradicts.stderr)")
    }

    @Test func decisionsThatCannotHoldAreDiagnosed() throws {
        // Two applications in full need about 2.4 million kr. in 2012; the envelope is 2 million.
        let dir = try CLI.temporaryDirectory([
            "s.toml": "extends = \"\(CLI.root.path)/Scenarios/baseline.toml\"\nname = \"Udvalget\"\n"
                + "[envelope]\n2012 = 2_000_000\n[decisions]\nA07 = { fund = \"full\", reason = \"a\" }\nA04 = { fund = \"full\", reason = \"b\" }\n"
        ])
        let r = try CLI.run(["solve", "s.toml"], in: dir)
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("the committee's decision on A04 (b): it asks for 5,480,000 kr."), "\(r.stderr)")
    }
}

/// `explain`: the least extra money by year that funds an application fully, each year on its own.
@Suite struct CheapestExtraTests {
    typealias CLI = CLITests

    @Test func theExtraByYearFundsItAndCostsNoMoreThanTheCommonFactor() throws {
        let explained = try AnalysisCLITests.json(["explain", "Scenarios/baseline.toml", "A11"])
        let extra = try #require(explained["extra_by_year_to_fund_fully"] as? [String: Int])
        let scale = try #require(explained["envelope_scale_to_fund_fully"] as? Double)
        let envelope = ["2009": 30_000_000, "2010": 30_000_000, "2011": 29_000_000, "2012": 28_000_000]
        let common = envelope.values.reduce(0.0) { $0 + Double($1) * (scale - 1) }
        #expect(
            Double(extra.values.reduce(0, +)) <= common + 4000, "by year \(extra) against the common factor \(scale)")
        let lines = envelope.keys.sorted().map { "\($0) = \(envelope[$0]! + extra[$0]!)" }.joined(separator: "\n")
        let dir = try CLI.temporaryDirectory([
            "more.toml": "extends = \"\(CLI.root.path)/Scenarios/baseline.toml\"\n[envelope]\n\(lines)\n"
        ])
        let solved =
            try JSONSerialization.jsonObject(
                with: Data(try CLI.run(["solve", "more.toml", "--format", "json"], in: dir).stdout.utf8))
            as! [String: Any]
        let a11 = (solved["applications"] as! [[String: Any]]).first { $0["id"] as? String == "A11" }!
        #expect((a11["share"] as! Double) >= 1 - 1e-6)
        // A fully funded application needs nothing.
        #expect(
            try AnalysisCLITests.json(["explain", "Scenarios/baseline.toml", "A04"])["extra_by_year_to_fund_fully"]
                is NSNull)
    }
}
