import BoligsocialReports
import Foundation
import Testing

@testable import BoligsocialCore

/// Reading areas.csv and applications.csv in every dialect of docs/formats.md, and the problems it reports.
@Suite struct LoaderTests {
    static let years = [2009, 2010]

    static func load(_ dialect: String) throws -> Round {
        try RoundLoader.load(
            areasPath: Fixture.fixtureURL("dialects/areas.\(dialect).csv").path,
            applicationsPath: Fixture.fixtureURL("dialects/applications.\(dialect).csv").path, years: years)
    }

    @Test(arguments: ["bom", "cp1252", "semicolon", "crlf", "excel-da"])
    func everyDialectLoadsToTheCanonicalRound(_ dialect: String) throws {
        let canonical = try Self.load("canonical")
        #expect(try Self.load(dialect) == canonical)
    }

    @Test func canonicalRoundHasTheFileContents() throws {
        let round = try Self.load("canonical")
        #expect(round.areas.map(\.name) == ["Ørestad Syd, blok 3", "Mjølnerparken", "Vanløse \"Ø\"-gården"])
        let a1 = round.applications[0]
        #expect(a1.title == "Lektiecafé, Mjølnerparken" && a1.focus == [.employmentEducation, .networks])
        #expect(a1.request(.salary, year: 0) == 1_250_000.5 && a1.request(.activities, year: 1) == 80_000)
        #expect(a1.clearGoals && a1.anchoringPlan && !a1.coordinatorRole && a1.theoryOfChange == .explicit)
        let a2 = round.applications[1]
        #expect(a2.minFraction == 0.5 && !a2.activityAccounting && a2.targetGroup == .secondary)
        #expect(round.applications[2].focus.isEmpty && round.applications[2].title == "Frivilligcenter \"Ø\"")
    }

    static let header =
        "id,title,area,focus,objectives,target_group,sof_in_steering_group,clear_goals,anchoring_plan,coordinator_role,cross_admin,activity_accounting,theory_of_change,salary_2009,rent_2009,activities_2009"
    static let areas = [Area(id: "MJP", name: "Mjølnerparken", district: "Nørrebro", risk: .vulnerable)]

    static func problems(_ text: String) -> [String] {
        var diagnostics = DiagnosticCollector()
        _ = RoundLoader.parseApplications(
            Array(text.utf8), file: "apps.csv", years: [2009], areas: areas, diagnostics: &diagnostics)
        return diagnostics.diagnostics.sorted { $0.location < $1.location }.map(InputProblemWords(.en).line)
    }

    static let good = "A1,T,MJP,health,image,primary,yes,yes,yes,yes,yes,yes,none,100,0,0"

    @Test func malformedApplicationsAreLocated() {
        #expect(Self.problems(Self.header + "\n" + Self.good + "\n").isEmpty)
        // Missing column.
        #expect(Self.problems("id,title\nA1,T\n").contains("apps.csv:1:1: missing column 'area'"))
        // Unknown area, with a suggestion.
        #expect(
            Self.problems(Self.header + "\nA1,T,MJQ,health,image,primary,yes,yes,yes,yes,yes,yes,none,100,0,0\n")
                == ["apps.csv:2:6: unknown area 'MJQ' (did you mean 'MJP'?)"])
        // Duplicate id.
        #expect(
            Self.problems(Self.header + "\n" + Self.good + "\n" + Self.good + "\n")
                == ["apps.csv:3:1: duplicate application id 'A1' (first on line 2)"])
        // Negative and non-numeric amounts.
        #expect(
            Self.problems(Self.header + "\nA1,T,MJP,health,image,primary,yes,yes,yes,yes,yes,yes,none,-100,abc,1e400\n")
                == [
                    "apps.csv:2:60: the amount -100 is negative",
                    "apps.csv:2:65: 'abc' is not an amount in kroner",
                    "apps.csv:2:69: '1e400' is not an amount in kroner",
                ])
        // Bad boolean, unknown focus key and unknown objective, all on one line, all reported.
        let many = Self.problems(Self.header + "\nA1,T,MJP,helth,imag,primary,maybe,yes,yes,yes,yes,yes,none,100,0,0\n")
        #expect(
            many == [
                "apps.csv:2:10: unknown focus area 'helth' (did you mean 'health'?)",
                "apps.csv:2:16: unknown objective 'imag' (did you mean 'image'?)",
                "apps.csv:2:29: 'maybe' is not a yes/no value (yes/no, true/false, ja/nej, 1/0)",
            ])
        #expect(Self.problems(Self.header + "\nA1,\"T\n").contains("apps.csv:2:4: a quoted field is never closed"))
        #expect(Self.problems("").first == "apps.csv:1:1: the file is empty: expected a header line")
    }

    /// The memo's further criteria and the assessment: optional columns, Danish or English headers,
    /// blank or absent is no (not assessed); a bad cell is located by line and column.
    @Test func furtherCriteriaColumns() throws {
        func read(_ text: String) -> [Application] {
            var diagnostics = DiagnosticCollector()
            return RoundLoader.parseApplications(
                Array(text.utf8), file: "apps.csv", years: [2009], areas: Self.areas, diagnostics: &diagnostics)
        }
        // Without the columns: every criterion no, not assessed.
        let plain = try #require(read(Self.header + "\n" + Self.good + "\n").first)
        #expect(QualityCriterion.optional.allSatisfy { !plain.meets($0) } && plain.assessment == nil)
        let danish = Self.header + ",behov_dokumenteret,inddragelse,helhedsorientering,fælles_mål,indikatorer,vurdering"
        let read2 = read(
            danish + "\n" + Self.good + ",ja,,nej,ja,,4\n"
                + "A2,T,MJP,health,image,primary,yes,yes,yes,yes,yes,yes,none,100,0,0,,,,,,\n")
        #expect(read2.count == 2)
        #expect(
            read2[0].needDocumented && !read2[0].involvement && !read2[0].holistic && read2[0].commonGoal
                && !read2[0].indicators)
        #expect(read2[0].assessment == 4 && read2[1].assessment == nil && !read2[1].needDocumented)
        let bad = danish + "\n" + Self.good + ",kanske,,,,,6\n"
        #expect(
            Self.problems(bad) == [
                "apps.csv:2:68: 'kanske' is not a yes/no value (yes/no, true/false, ja/nej, 1/0)",
                "apps.csv:2:79: '6' is not an assessment; write a whole number from 1 to 5, or leave it blank",
            ])
        #expect(
            Self.problems(danish + "\n" + Self.good + ",,,,,,2.5\n") == [
                "apps.csv:2:73: '2.5' is not an assessment; write a whole number from 1 to 5, or leave it blank"
            ])
    }

    /// Co-funding columns: read per year (blank budget: none given), and other funding plus the
    /// request above the budget located at the budget's cell.
    @Test func coFundingColumns() throws {
        let header = Self.header + ",samlet_budget_2009,anden_finansiering_2009"
        var diagnostics = DiagnosticCollector()
        let read = RoundLoader.parseApplications(
            Array(
                (header + "\n" + Self.good
                    + ",500,300\nA2,T,MJP,health,image,primary,yes,yes,yes,yes,yes,yes,none,100,0,0,,\n").utf8),
            file: "apps.csv", years: [2009], areas: Self.areas, diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.isEmpty && read.count == 2)
        #expect(
            read[0].totalBudget == [500] && read[0].otherFunding == [300] && read[1].totalBudget == [nil]
                && read[1].otherFunding == [0])
        #expect(
            Self.problems(header + "\n" + Self.good + ",350,300\n")
                == [
                    "apps.csv:2:68: other funding (300 kr.) and the request (100 kr.) add up to more than the 2009 total budget (350 kr.)"
                ])
    }

    /// A generated round written as CSV (every column, the memo's further criteria, the assessment
    /// and co-funding among them) reads back as the same round.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func generatedRoundsRoundTrip(seed: UInt64) throws {
        let round = RoundGenerator.round(applications: 80, seed: seed)
        #expect(
            round.applications.contains { $0.assessment != nil }
                && round.applications.contains { !$0.totalBudget.isEmpty })
        var diagnostics = DiagnosticCollector()
        let areas = RoundLoader.parseAreas(
            Array(RoundWriter.areasCSV(round).utf8), file: "areas.csv", diagnostics: &diagnostics)
        let applications = RoundLoader.parseApplications(
            Array(RoundWriter.applicationsCSV(round).utf8), file: "apps.csv", years: round.years,
            areas: areas, diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.isEmpty)
        // Applications written without co-funding read back with blank budgets.
        let expected = round.applications.map { a -> Application in
            var a = a
            if a.totalBudget.isEmpty {
                a.totalBudget = round.years.map { _ in nil }
                a.otherFunding = round.years.map { _ in 0 }
            }
            return a
        }
        #expect(
            Round(years: round.years, areas: areas, applications: applications)
                == Round(years: round.years, areas: round.areas, applications: expected))
    }

    @Test func amountsInEachDialect() {
        let n = { (s: String, semi: Bool) in ValueParser.number(s, semicolonDialect: semi) }
        #expect(n("1250000.50", false) == 1_250_000.5)
        #expect(n("1.250.000,50", true) == 1_250_000.5)
        #expect(n("1.250", true) == 1250 && n("0.5", true) == 0.5 && n("0,5", true) == 0.5)
        #expect(n("1,5", false) == nil && n("12.5.000", true) == nil && n("NaN", false) == nil)
        #expect(n("1e400", false) == nil && n("inf", false) == nil && n("", false) == nil && n("1.", false) == nil)
        #expect(n("-0", false) == 0 && n(" 42 ", false) == 42)
        #expect(
            ValueParser.boolean("JA") == true && ValueParser.boolean("Nej") == false && ValueParser.boolean("y") == nil)
    }

    /// Every way docs/formats.md lets a cell be written, with where each cell starts (line, column in
    /// characters): quotes undone, delimiters and line ends inside quotes, spaces around a quoted
    /// cell, CR, LF and CRLF line ends, a quoted empty cell, a skipped empty line, a quote inside
    /// an unquoted cell, and letters outside ASCII.
    @Test func csvCellsAreReadAsWritten() {
        let file =
            "id,title,amount\r\nA1,  \"Quoted, with \"\"quotes\"\"\nand a line\" ,\u{A0}42 \rA2,\"\",\n\nÆrø,x\"y,7"
        var cursor = CSVCursor(Array(file.utf8))
        #expect(cursor.table.header.map(\.name) == ["id", "title", "amount"])
        var records: [[(String, Int, Int)]] = []
        while let record = cursor.next() { records.append(record.fields.map { (record.text($0), $0.line, $0.column) }) }
        let expected: [[(String, Int, Int)]] = [
            [("A1", 2, 1), ("Quoted, with \"quotes\"\nand a line", 2, 4), ("42", 3, 14)],
            [("A2", 4, 1), ("", 4, 4), ("", 4, 7)],
            [("Ærø", 6, 1), ("x\"y", 6, 5), ("7", 6, 9)],
        ]
        #expect(records.count == expected.count)
        for (got, want) in zip(records, expected) {
            #expect(got.map(\.0) == want.map(\.0))
            #expect(got.map(\.1) == want.map(\.1) && got.map(\.2) == want.map(\.2))
        }
    }

    @Test func sha256TestVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var hasher = SHA256()
        for _ in 0..<1000 { hasher.update(Array(repeating: UInt8(ascii: "a"), count: 1000)) }
        #expect(hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Split at every awkward place: the same digest whatever the pieces.
        let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        for cut in [0, 1, 55, 56, 63, 64, 65, 127, 128, 999] {
            var pieces = SHA256()
            pieces.update(Array(message[..<cut]))
            pieces.update(Array(message[cut...]))
            #expect(pieces.hexDigest() == SHA256.hex(message))
        }
    }
}

/// Amounts as officers type them, and the Danish words of the memo.
@Suite struct OfficerInputTests {
    @Test(arguments: [
        ("1.040.000", true, 1_040_000.0), ("1 040 000", true, 1_040_000), ("1.040.000 kr.", true, 1_040_000),
        ("kr. 1.040.000", true, 1_040_000), ("1,04 mio.", true, 1_040_000), ("2 mio", true, 2_000_000),
        ("1.040.000,50 kr.", true, 1_040_000.5), ("1 040 000,50", true, 1_040_000.5), ("1040000 kr", false, 1_040_000),
        ("0,000001 mio.", true, 1),
    ])
    func amountsAsTyped(_ text: String, _ semicolon: Bool, _ expected: Double) {
        #expect(ValueParser.number(text, semicolonDialect: semicolon) == expected, "\(text)")
    }

    @Test(arguments: ["1 04 000", "10 40 000", "kr.", "mio.", "1.040.000 euro", "1,04 mia.", "1 040 000 000 000 000"])
    func notAmounts(_ text: String) {
        #expect(ValueParser.number(text, semicolonDialect: true) == nil, "\(text)")
    }

    @Test func danishWordsAndHeaders() {
        let focus = Spellings(FocusArea.self, what: .focusArea)
        #expect(
            focus.lookup("Kultur- og Fritidsliv") == .cultureLeisure
                && focus.lookup("kultur og fritid") == .cultureLeisure)
        #expect(focus.lookup("den frivillige indsats") == .volunteering && focus.lookup("netvaerk") == .networks)
        #expect(focus.lookup("Employment Education") == .employmentEducation)
        #expect(Spellings(RiskClass.self, what: .riskClass).lookup("Uden for risikogruppen") == .other)
        #expect(Spellings(TargetGroup.self, what: .targetGroup).lookup("primaer") == .primary)
        #expect(
            InputWords.canonicalHeader("Løn 2009") == "salary_2009"
                && InputWords.canonicalHeader("TVÆRGÅENDE SAMARBEJDE") == "cross_admin")
        #expect(InputWords.canonicalHeader("Target group") == "target_group")
    }
}

/// The XML scanner under the workbook reader: what SpreadsheetML uses, and what it refuses.
@Suite struct XMLScannerTests {
    static func tokens(_ xml: String) -> (tokens: [String], malformed: XMLProblem?) {
        XMLScanner.scan(Array(xml.utf8)) { scanner in
            var out: [String] = []
            while let kind = scanner.next() {
                let name = String(decoding: scanner.bytes[scanner.name], as: UTF8.self)
                switch kind {
                case .start:
                    let r = scanner.attribute("r").flatMap(scanner.decoded).map { " r=\($0)" } ?? ""
                    out.append("<\(name)\(r)\(scanner.selfClosing ? "/" : "")>")
                case .end: out.append("</\(name)>")
                case .text: out.append(scanner.decoded(scanner.text) ?? "?")
                }
            }
            return (out, scanner.malformed)
        }
    }

    @Test func elementsAttributesEntitiesAndCDATA() {
        let (tokens, malformed) = Self.tokens(
            "<?xml version=\"1.0\"?><!-- c --><x:row r='2'><c r=\"A2\" t=\"inlineStr\"><is><t>R&amp;D &lt;5&gt; &#248;&#xE6;</t></is></c>"
                + "<c r=\"B2\"/><v><![CDATA[a<b]]></v></x:row>")
        #expect(malformed == nil)
        #expect(
            tokens == [
                "<row r=2>", "<c r=A2>", "<is>", "<t>", "R&D <5> øæ", "</t>", "</is>", "</c>", "<c r=B2/>", "<v>",
                "a<b", "</v>", "</row>",
            ])
    }

    @Test(arguments: ["<row", "<row r=2>", "<row r=\"2>", "<!-- x", "<![CDATA[x", "<c/ >", "< >"])
    func malformedIsReported(_ xml: String) {
        #expect(Self.tokens(xml).malformed != nil, "\(xml)")
    }

    @Test func unknownEntitiesAreNotText() {
        #expect(Array("a &nbsp; b".utf8).withUnsafeBufferPointer { XMLScanner.decoded($0[...]) } == nil)
        #expect(Array("&#99999999;".utf8).withUnsafeBufferPointer { XMLScanner.decoded($0[...]) } == nil)
    }
}
