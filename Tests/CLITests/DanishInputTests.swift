import Foundation
import TestSupport
import Testing

/// The round as a Danish Excel saves it: semicolons, Windows-1252, CRLF, Danish headers and values,
/// amounts typed as `1.040.000 kr.`, `660 000` or `kr. 50.000`, and empty `;;;;` rows between blocks.
@Suite struct DanishInputTests {
    typealias CLI = CLITests

    static func json(_ arguments: [String], in directory: URL = CLI.root) throws -> NSDictionary {
        let r = try CLI.run(arguments + ["--format", "json"], in: directory)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        return object.filter { $0.key != "inputs" } as NSDictionary
    }

    @Test func aDanishExcelRoundGivesTheSameAllocation() throws {
        let dir = try CLI.temporaryDirectory()
        let tool = CLI.root.appendingPathComponent("Tests/CLITests/Tools/danish_round.py").path
        let made = try DocumentTests.shell(
            "/usr/bin/python3", [tool, CLI.root.appendingPathComponent("Scenarios/data").path, dir.path])
        #expect(made.status == 0, "\(made.stderr)")
        let scenario = try String(
            contentsOf: CLI.root.appendingPathComponent("Scenarios/baseline.toml"), encoding: .utf8
        )
        .replacingOccurrences(of: "data/", with: "")
        try Data(scenario.utf8).write(to: dir.appendingPathComponent("s.toml"))
        let applications = try Data(contentsOf: dir.appendingPathComponent("applications.csv"))
        #expect(
            applications.contains(0xF8)
                && applications.starts(with: Array("ID;Titel;Område".data(using: .windowsCP1252)!)),
            "Windows-1252 with Danish headers")
        let danish = try Self.json(["solve", "s.toml"], in: dir)
        let english = try Self.json(["solve", "Scenarios/baseline.toml"])
        #expect(danish == english)
        let validate = try CLI.run(["validate", "s.toml"], in: dir)
        #expect(validate.status == 0 && validate.stdout.contains("56 applications"), "\(validate.stderr)")
    }

    /// A Danish word that is nearly right gets a "did you mean" in Danish; a row with some cells
    /// filled is still checked.
    @Test func nearMissesAreNamed() throws {
        let areas = "id;navn;bydel;risiko\r\nMJP;Mjølnerparken;Nørrebro;udsatt\r\n;;;\r\n"
        let scenario =
            "name = \"D\"\napplications = \"apps.csv\"\nareas = \"areas.csv\"\nyears = [2009]\n[envelope]\n2009 = 100\n"
        let header =
            "id;titel;område;indsatsområder;formål;målgruppe;sof_i_styregruppe;klare_mål;forankring;koordinatorrolle;tværgående_samarbejde;regnskab_for_aktiviteter;forandringsteori;løn_2009;husleje_2009;aktiviteter_2009"
        let apps =
            header
            + "\r\nA1;T;MJP;sundhd;image;primær;ja;ja;nej;nej;nej;ja;ingen;1.000 kr.;;\r\n;;;;;;;;;;;;;;;\r\n;x;;;;;;;;;;;;;;\r\n"
        let dir = try CLI.temporaryDirectory(["areas.csv": areas, "apps.csv": apps, "s.toml": scenario])
        let r = try CLI.run(["validate", "s.toml"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr.contains("areas.csv:2:28: unknown risk class 'udsatt' (did you mean 'udsat'?)"), "\(r.stderr)")
        #expect(r.stderr.contains("unknown focus area 'sundhd' (did you mean 'sundhed'?)"), "\(r.stderr)")
        #expect(
            r.stderr.contains("apps.csv:4:1: the application id is empty"),
            "a partly filled row is checked: \(r.stderr)")
        #expect(
            !r.stderr.contains("apps.csv:3:") && !r.stderr.contains("areas.csv:3:"),
            "an empty row is skipped: \(r.stderr)")
    }

    /// `validate --lang da`: a round with a problem of most kinds, every message in Danish, against
    /// its golden file; a sound round's line and a missing file in Danish too.
    @Test func validateSpeaksDanish() throws {
        let round = CLI.root.appendingPathComponent("Tests/CLITests/Corpus/danish-problems")
        let r = try CLI.run(["validate", "s.toml", "--lang", "da"], in: round)
        #expect(r.status == 65 && r.stdout.isEmpty)
        let mismatch = try Golden.mismatch(r.stderr, against: "validate-da.txt", in: CLIGoldenTests.golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
        let sound = try CLI.run(["validate", "Scenarios/baseline.toml", "--lang", "da"])
        #expect(
            sound.status == 0
                && sound.stdout == "Scenarios/baseline.toml: i orden: scenariet 'Baseline 2009-2012', 18 boligområder, "
                    + "56 ansøgninger (5 opfylder ikke scenariets krav), årene 2009, 2010, 2011, 2012\n",
            "\(sound.stdout)")
        let missing = try CLI.run(["solve", "nowhere.toml", "--lang", "da"])
        #expect(
            missing.status == 66 && missing.stderr == "nowhere.toml: kan ikke åbnes: filen findes ikke\n",
            "\(missing.stderr)")
    }
}

/// `--format csv` as a Danish Excel opens it: with `--lang da` a byte-order mark, semicolons and
/// decimal commas; `--csv-dialect` overrides either way.
@Suite struct DanishCSVOutputTests {
    typealias CLI = CLITests

    @Test func danishCSVOpensInADanishExcel() throws {
        let da = try CLI.run(["solve", "--lang", "da", "--format", "csv"])
        // In Danish the headers and the status words are the report's own, for the officer's Excel.
        #expect(
            da.status == 0 && da.stdout.hasPrefix("\u{FEFF}ID;Titel;Boligområde;Status;Vægt;Andel;Ansøgt;Bevilget 2009")
        )
        let a01 = try #require(da.stdout.split(separator: "\r\n").first { $0.hasPrefix("A01;") })
        #expect(
            a01.hasPrefix("A01;Mødrenetværk Mjølnerparken;Mjølnerparken;fuldt støttet;0,84;1,0;4360000;1090000;"),
            "\(a01)")
        let plain = try CLI.run(["solve", "--lang", "da", "--format", "csv", "--csv-dialect", "plain"])
        #expect(
            plain.stdout.hasPrefix("ID,Titel,Boligområde,Status,Vægt,Andel")
                && plain.stdout.contains("A01,Mødrenetværk Mjølnerparken,Mjølnerparken,fuldt støttet,0.84,1.0,"))
        let english = try CLI.run(["solve", "--format", "csv"])
        #expect(english.stdout.hasPrefix("id,title,"))
        let forced = try CLI.run(["solve", "--format", "csv", "--csv-dialect", "excel-da"])
        #expect(forced.stdout.hasPrefix("\u{FEFF}id;title;"))
        #expect(try CLI.run(["solve", "--format", "csv", "--csv-dialect", "excel"]).status == 64)
    }
}

/// Every command's CSV header in a Danish report is Danish (one table, `CSVHeaders.swift`), and
/// the keys stay for scripts in English.
@Suite struct DanishCSVHeaderTests {
    typealias CLI = CLITests

    static let commands: [[String]] = [
        ["solve"], ["rank"], ["compare", "Scenarios/baseline.toml", "Scenarios/envelope-cut.toml"],
        ["sweep", "Scenarios/baseline.toml", "--scale", "0.8:1.2:3"], ["frontier", "Scenarios/baseline.toml"],
        ["explain", "Scenarios/baseline.toml", "A10"], ["wish", "Scenarios/baseline.toml"],
        ["sensitivity", "Scenarios/baseline.toml"],
    ]

    /// The first line of a CSV output, split into its cells (plain dialect: commas, no quotes needed).
    static func header(_ command: [String], lang: String) throws -> [String] {
        let r = try CLI.run(command + ["--format", "csv", "--lang", lang, "--csv-dialect", "plain"])
        #expect(r.status == 0, "\(command): \(r.stderr)")
        let line = r.stdout.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }

    /// The CSV names its columns with the words of the report's own table on screen.
    @Test func theCSVSaysWhatTheTableSays() throws {
        for command in [Self.commands[3], Self.commands[7]] {
            let table = try CLI.run(command + ["--lang", "da"])
            let header = try #require(
                table.stdout.split(separator: "\n").first { $0.hasPrefix("Trin") || $0.hasPrefix("Vægt") })
            for cell in try Self.header(command, lang: "da") {
                #expect(
                    header.contains(cell.split(separator: " ").first.map(String.init) ?? cell), "\(command): '\(cell)'")
            }
        }
    }

    @Test(arguments: commands) func headersAreDanishInDanishAndKeysInEnglish(_ command: [String]) throws {
        let danish = try Self.header(command, lang: "da")
        let english = try Self.header(command, lang: "en")
        #expect(danish.count == english.count && danish.count >= 4, "\(danish)")
        let key = /^[a-z][a-z0-9_]*$/
        for (cell, english) in zip(danish, english) {
            // A Danish header is a word, not the English key (a year stays a year).
            #expect(cell.wholeMatch(of: key) == nil && (Int(cell) != nil || cell != english), "\(command): '\(cell)'")
        }
        for cell in english { #expect(cell.wholeMatch(of: key) != nil || Int(cell) != nil, "\(command): '\(cell)'") }
    }
}
