import Foundation
import Testing

/// `--lang da`: every application's reason in Danish, in every format: the same words in the
/// table, Markdown, HTML, CSV, the workbook (read back by openpyxl) and JSON, whose `reasons`
/// carry the text and `reason_codes` the typed data.
@Suite struct DanishReasonTests {
    typealias CLI = CLITests

    @Test func everyFormatCarriesEveryReasonInDanish() throws {
        let dir = try CLI.temporaryDirectory()
        let jsonPath = dir.appendingPathComponent("r.json").path
        #expect(try CLI.run(["solve", "--lang", "da", "--format", "json", "--output", jsonPath]).status == 0)
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as! [String: Any]
        let applications = json["applications"] as! [[String: Any]]
        #expect(applications.count == 56)
        var texts: [String] = []
        for a in applications {
            let reasons = a["reasons"] as! [String]
            let codes = a["reason_codes"] as! [[String: Any]]
            #expect(!reasons.isEmpty && reasons.count == codes.count, "\(a["id"]!)")
            let known = [
                "ineligible", "only_ineligible_lines", "nothing_eligible_requested", "fully_funded", "partly_funded",
                "unfunded", "low_weight", "below_last_funded",
            ]
            #expect(codes.allSatisfy { known.contains($0["code"] as! String) })
            // The status's own reason is worded in Danish.
            let lead = [
                "fuldt støttet:", "delvist støttet (", "ikke støttet:", "ikke støtteberettiget:",
                "aktivitetsposterne kan ikke støttes:",
                "der søges ikke om midler",
            ]
            #expect(reasons.contains { r in lead.contains { r.hasPrefix($0) } }, "\(reasons)")
            #expect(!reasons.joined().contains("funded") && !reasons.joined().contains("envelope"), "\(reasons)")
            texts.append(reasons.joined(separator: "; "))
        }
        // The same text in the other formats, for every application.
        let table = try CLI.run(["solve", "--lang", "da"]).stdout
        let markdown = try CLI.run(["solve", "--lang", "da", "--format", "markdown"]).stdout
        let csv = try CLI.run(["solve", "--lang", "da", "--format", "csv"]).stdout
        let html = try CLI.run(["solve", "--lang", "da", "--format", "html"]).stdout
        #expect(table.contains("Begrundelse") && markdown.contains("Begrundelse") && html.contains("Begrundelse"))
        #expect(
            csv.hasPrefix(
                "\u{FEFF}ID;Titel;Boligområde;Status;Vægt;Andel;Ansøgt;Bevilget 2009;Bevilget 2010;Bevilget 2011;Bevilget 2012;Bevilget i alt;Begrundelse"
            ))
        for text in texts {
            #expect(table.contains(text))
            #expect(markdown.contains(text.replacingOccurrences(of: "|", with: "\\|")))
            #expect(
                html.contains(
                    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
                        .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;"))
                    || html.contains(
                        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                            .replacingOccurrences(of: ">", with: "&gt;"))
            )
            #expect(csv.contains(text) || csv.contains(text.replacingOccurrences(of: "\"", with: "\"\"")))
        }
        let xlsx = dir.appendingPathComponent("r.xlsx").path
        #expect(try CLI.run(["solve", "--lang", "da", "--format", "xlsx", "--output", xlsx]).status == 0)
        let script = """
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])["Pr. ansøgning"]
            report = json.load(open(sys.argv[2]))
            header = [c.value for c in ws[1]]
            column = header.index("Begrundelse")
            rows = list(ws.iter_rows(min_row=2))
            assert len(rows) == len(report["applications"]), len(rows)
            for row, app in zip(rows, report["applications"]):
                assert row[0].value == app["id"]
                assert row[column].value == "; ".join(app["reasons"]), (app["id"], row[column].value)
            print("reasons", len(rows))
            """
        let r = try DocumentTests.shell("/usr/bin/python3", ["-c", script, xlsx, jsonPath])
        #expect(r.status == 0 && r.stdout.contains("reasons 56"), "\(r.stdout)\(r.stderr)")
    }
}

/// Acceptance of the committee documents: with `--lang da` the shipped round's report has no
/// English word in any format (the table, Markdown, the HTML page's visible text, the CSV file, every
/// text cell of the workbook, the JSON's sentences), and every application row has its reason.
@Suite struct DanishDocumentTests {
    typealias CLI = CLITests

    /// Words of the reports' English that Danish does not share.
    static let english: Set<String> = [
        "the", "of", "and", "is", "are", "funded", "unfunded", "envelope", "weight", "points", "priority", "binding",
        "granted",
        "requested", "applications", "application", "allocated", "eligible", "ineligible", "because", "year", "years",
        "share",
        "area", "areas", "focus", "risk", "category", "inputs", "solver", "summary", "outside", "full", "partial",
        "reason",
        "activities", "salary", "rent", "not", "by", "per", "amounts", "total",
    ]

    static func englishWords(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter }.map(String.init)).intersection(english)
    }

    @Test func noEnglishInAnyFormat() throws {
        let dir = try CLI.temporaryDirectory()
        var outputs: [(String, String)] = []
        for format in ["table", "markdown", "csv"] {
            let r = try CLI.run(["solve", "--lang", "da", "--format", format])
            #expect(r.status == 0)
            outputs.append((format, r.stdout))
        }
        // The page's visible text: without its style sheet and its tags.
        var html = try CLI.run(["solve", "--lang", "da", "--format", "html"]).stdout
        if let style = html.range(of: "<style>"), let end = html.range(of: "</style>") {
            html.removeSubrange(style.lowerBound..<end.upperBound)
        }
        outputs.append(("html", html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)))
        let jsonPath = dir.appendingPathComponent("r.json").path
        #expect(try CLI.run(["solve", "--lang", "da", "--format", "json", "--output", jsonPath]).status == 0)
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as! [String: Any]
        let applications = json["applications"] as! [[String: Any]]
        outputs.append(("json", applications.flatMap { $0["reasons"] as! [String] }.joined(separator: "\n")))
        let xlsx = dir.appendingPathComponent("r.xlsx").path
        #expect(try CLI.run(["solve", "--lang", "da", "--format", "xlsx", "--output", xlsx]).status == 0)
        let cells = try DocumentTests.shell(
            "/usr/bin/python3",
            [
                "-c",
                """
                import sys, openpyxl
                book = openpyxl.load_workbook(sys.argv[1])
                for sheet in book:
                    print(sheet.title)
                    for row in sheet.iter_rows():
                        for cell in row:
                            if isinstance(cell.value, str): print(cell.value)
                """, xlsx,
            ])
        #expect(cells.status == 0, "\(cells.stderr)")
        outputs.append(("xlsx", cells.stdout))
        for (format, text) in outputs {
            // The stamp line names the tool and its inputs' hashes, not Danish prose.
            let prose = text.split(separator: "\n").filter { !$0.contains("sha256") }.joined(separator: "\n")
            #expect(Self.englishWords(prose).isEmpty, "\(format): \(Self.englishWords(prose).sorted())")
        }
        // A reason on every application row, in the table and the CSV.
        let table = outputs[0].1.split(separator: "\n").filter {
            $0.hasPrefix("A") && $0.count > 3 && $0.dropFirst().first!.isNumber
        }
        #expect(table.count == 56 && table.allSatisfy { $0.contains("støtte") }, "\(table.count)")
    }
}

/// The reason of each status and cause on the shipped round, in English and in Danish: fully
/// funded, fully funded but for lines that may not be funded, partly funded by the envelope with
/// its low weight, not funded with the weight factor and how far below the last funded it is,
/// and ineligible by each whole-application rule.
@Suite struct ReasonSentenceTests {
    typealias CLI = CLITests

    static let english: [String: [String]] = [
        "A10": [
            "partly funded (11.3 %): the 2012 envelope is used up by applications with more priority points per krone",
            "its weight is held down by the target group (secondary): 0.60 against at most 1.00",
        ],
        "A04": ["fully funded: every eligible line is granted in full"],
        "A06": [
            "activity lines not eligible: activity money is requested without a commitment to account for it afterwards (Der kan konkret gives støtte til: \"Det vil således være et krav, at projektlederen efterfølgende kan aflægge regnskab for aktivitetsmidlerne\")",
            "fully funded (the eligible part): every eligible line is granted in full; 800,000 kr. on lines that may not be funded is cut",
        ],
        "A08": [
            "ineligible: Socialforvaltningen is not represented in the project's steering group (Krav til organisering: \"Det forudsættes, at Socialforvaltningen bliver repræsenteret i styregruppen for at et projekt kan modtage støtte.\")"
        ],
        "A11": [
            "not funded: the 2012 envelope is used up by applications with more priority points per krone",
            "its weight is held down by the focus area (outside the focus areas): 0.50 against at most 1.00",
            "weight 0.420 against 0.626 for the last application in priority order that gets money (A10)",
        ],
        "A14": [
            "ineligible: the application names none of the memo's overall objectives (Krav til indhold: \"Der kan gives støtte til indsatser, som arbejder for … en eller flere af de overordnede beskrevne målsætninger.\")"
        ],
        "A15": [
            "not funded: the 2012 envelope is used up by applications with more priority points per krone",
            "its weight is held down by the risk class (outside the risk group): 0.40 against at most 1.00",
            "weight 0.396 against 0.626 for the last application in priority order that gets money (A10)",
        ],
    ]
    static let danish: [String: [String]] = [
        "A10": [
            "delvist støttet (11,3 %): rammen for 2012 er brugt op af ansøgninger med flere prioritetspoint pr. krone",
            "vægten trækkes ned af målgruppen (sekundær): 0,60 mod højst 1,00",
        ],
        "A04": ["fuldt støttet: alle støtteberettigede poster er bevilget fuldt ud"],
        "A06": [
            "aktivitetsposterne kan ikke støttes: der søges aktivitetsmidler uden tilsagn om efterfølgende regnskab for dem (Der kan konkret gives støtte til: \"Det vil således være et krav, at projektlederen efterfølgende kan aflægge regnskab for aktivitetsmidlerne\")",
            "fuldt støttet (den støtteberettigede del): alle støtteberettigede poster er bevilget fuldt ud; 800.000 kr. på poster, der ikke kan støttes, er trukket fra",
        ],
        "A08": [
            "ikke støtteberettiget: Socialforvaltningen er ikke repræsenteret i projektets styregruppe (Krav til organisering: \"Det forudsættes, at Socialforvaltningen bliver repræsenteret i styregruppen for at et projekt kan modtage støtte.\")"
        ],
        "A11": [
            "ikke støttet: rammen for 2012 er brugt op af ansøgninger med flere prioritetspoint pr. krone",
            "vægten trækkes ned af indsatsområdet (uden for indsatsområderne): 0,50 mod højst 1,00",
            "vægt 0,420 mod 0,626 for den sidste ansøgning i prioriteringsrækkefølgen, der får midler (A10)",
        ],
        "A14": [
            "ikke støtteberettiget: ansøgningen peger ikke på nogen af notatets overordnede målsætninger (Krav til indhold: \"Der kan gives støtte til indsatser, som arbejder for … en eller flere af de overordnede beskrevne målsætninger.\")"
        ],
        "A15": [
            "ikke støttet: rammen for 2012 er brugt op af ansøgninger med flere prioritetspoint pr. krone",
            "vægten trækkes ned af risikoklassen (uden for risikogruppen): 0,40 mod højst 1,00",
            "vægt 0,396 mod 0,626 for den sidste ansøgning i prioriteringsrækkefølgen, der får midler (A10)",
        ],
    ]

    @Test(arguments: ["en", "da"])
    func everyStatusAndCause(_ language: String) throws {
        let r = try CLI.run(["solve", "--format", "json", "--lang", language])
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let reasons = Dictionary(
            uniqueKeysWithValues: (json["applications"] as! [[String: Any]]).map {
                ($0["id"] as! String, $0["reasons"] as! [String])
            })
        for (id, expected) in language == "da" ? Self.danish : Self.english {
            #expect(reasons[id] == expected, "\(id): \(reasons[id] ?? [])")
        }
    }
}

/// `carry_over`: the year table shows what each year takes over and passes on, and what it leaves
/// unused adds up with them.
@Suite struct CarryOverTableTests {
    @Test func theYearTableShowsTheMoneyCarried() throws {
        let dir = try CLITests.temporaryDirectory([
            "s.toml":
                "extends = \"\(CLITests.root.path)/Scenarios/baseline.toml\"\nname = \"Carry\"\n[envelope]\n2009 = 40000000\n"
                + "2010 = 20000000\n2011 = 29000000\n2012 = 28000000\n[rules]\ncarry_over = true\n"
        ])
        let r = try CLITests.run(["solve", "s.toml"], in: dir)
        #expect(r.status == 0 && r.stdout.contains("Carried in") && r.stdout.contains("Carried on"))
        let rows = r.stdout.split(separator: "\n").filter { $0.hasPrefix("20") }.prefix(4).map { line in
            line.split(separator: " ").dropFirst().prefix(5).map { Int($0.replacingOccurrences(of: ",", with: ""))! }
        }
        #expect(rows.count == 4)
        for (y, row) in rows.enumerated() {
            let (envelope, carriedIn, carriedOn, allocated, unused) = (row[0], row[1], row[2], row[3], row[4])
            #expect(unused == envelope + carriedIn - carriedOn - allocated && unused >= 0, "\(row)")
            if y > 0 { #expect(carriedIn == rows[y - 1][2]) }
        }
        #expect(rows[0][2] > 0, "2009 passes money on")
        #expect(!(try CLITests.run(["solve"]).stdout.contains("Carried in")))
    }
}
