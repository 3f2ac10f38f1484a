import Foundation
import Testing

@testable import BoligsocialCore

/// The round read straight from the officer's workbook (`runde.xlsx#Ansøgninger`), and workbooks
/// that must be refused with their place and a reason.
@Suite struct WorkbookInputTests {
    typealias CLI = CLITests
    static let tools = CLI.root.appendingPathComponent("Tests/CLITests/Tools")

    /// Built by openpyxl: Danish headers and values, amounts as numbers and as `1.040.000 kr.` text,
    /// a formula column, empty rows between blocks, a hidden row. `solve` on it gives the shipped
    /// CSV round's JSON, the input stamp aside.
    @Test func aDanishWorkbookGivesTheSameAllocation() throws {
        let dir = try CLI.temporaryDirectory()
        let made = try DocumentTests.shell(
            "/usr/bin/python3",
            [
                Self.tools.appendingPathComponent("danish_workbook.py").path,
                CLI.root.appendingPathComponent("Scenarios/data").path,
                dir.appendingPathComponent("runde.xlsx").path,
            ])
        #expect(made.status == 0, "\(made.stderr)")
        let scenario = try String(
            contentsOf: CLI.root.appendingPathComponent("Scenarios/baseline.toml"), encoding: .utf8
        )
        .replacingOccurrences(of: "data/applications.csv", with: "runde.xlsx#Ansøgninger")
        .replacingOccurrences(of: "data/areas.csv", with: "runde.xlsx#Områder")
        try Data(scenario.utf8).write(to: dir.appendingPathComponent("s.toml"))
        let workbook = try DanishInputTests.json(["solve", "s.toml"], in: dir)
        let csv = try DanishInputTests.json(["solve", "Scenarios/baseline.toml"])
        #expect(workbook == csv)
        // The workbook is an input: no report is written over it.
        let over = try CLI.run(["solve", "s.toml", "--output", "runde.xlsx"], in: dir)
        #expect(over.status == 73 && over.stderr.contains("refusing to write over an input file"))
    }

    @Test func malformedWorkbooksAreRefusedWithTheirPlace() throws {
        let dir = try CLI.temporaryDirectory()
        let made = try DocumentTests.shell(
            "/usr/bin/python3", [Self.tools.appendingPathComponent("bad_workbooks.py").path, dir.path])
        #expect(made.status == 0, "\(made.stderr)")
        try FileManager.default.copyItem(
            at: ReliabilityCLITests.corpus.appendingPathComponent("good-applications.csv"),
            to: dir.appendingPathComponent("apps.csv"))
        let cases: [(areas: String, status: Int32, message: String)] = [
            ("not-a-zip.xlsx", 65, "not-a-zip.xlsx:1:1: not an .xlsx workbook (not a zip archive)"),
            (
                "not-a-workbook.xlsx", 65,
                "not-a-workbook.xlsx:1:1: a zip archive, but not an .xlsx workbook (no xl/workbook.xml)"
            ),
            (
                "encrypted.xlsx", 65,
                "encrypted.xlsx:1:1: the workbook is encrypted (password-protected) or an old .xls file; save it as an .xlsx workbook without a password"
            ),
            (
                "good-areas.xlsx#Omrader", 65,
                "good-areas.xlsx:1:1: the workbook has no sheet named 'Omrader' (did you mean 'Områder'?); its sheets: Områder"
            ),
            ("formula-error.xlsx", 65, "formula-error.xlsx[Områder]:2:D (risiko): unknown risk class '#REF!'"),
            (
                "bomb.xlsx", 65,
                "bomb.xlsx:1:1: the workbook's xl/worksheets/sheet1.xml unpacks to 600 MB, more than any round needs"
            ),
            (
                "damaged.xlsx", 65,
                "damaged.xlsx:1:1: the workbook's xl/worksheets/sheet1.xml cannot be read: it is damaged or larger than it says"
            ),
            ("too-many-rows.xlsx", 65, "too-many-rows.xlsx:1:1: the sheet has more than 1048576 rows"),
            ("missing.xlsx", 66, "missing.xlsx: cannot open: No such file or directory"),
            ("good-areas.xlsx#Områder", 0, ""),
        ]
        for c in cases {
            let scenario =
                "name = \"W\"\napplications = \"apps.csv\"\nareas = \"\(c.areas)\"\nyears = [2009]\n[envelope]\n2009 = 80000\n"
            try Data(scenario.utf8).write(to: dir.appendingPathComponent("s.toml"))
            let r = try CLI.run(["validate", "s.toml"], in: dir)
            #expect(r.status == c.status, "\(c.areas): \(r.status) \(r.stderr)")
            #expect(c.message.isEmpty ? r.stderr.isEmpty : r.stderr.contains(c.message), "\(c.areas): \(r.stderr)")
        }
        // Excel's full 1,048,576 rows are read as a stream of rows, in memory of the order of the
        // sheet's text: the peak resident memory of the whole process, measured by the kernel.
        let scenario =
            "name = \"W\"\napplications = \"apps.csv\"\nareas = \"million-rows.xlsx\"\nyears = [2009]\n[envelope]\n2009 = 80000\n"
        try Data(scenario.utf8).write(to: dir.appendingPathComponent("s.toml"))
        let measure =
            "import resource, subprocess, sys\nr = subprocess.run(sys.argv[1:], capture_output=True)\n"
            + "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)"
        let peak = try DocumentTests.shell(
            "/usr/bin/python3", ["-c", measure, CLI.binary.path, "validate", dir.appendingPathComponent("s.toml").path])
        let figures = peak.stdout.split(separator: " ").compactMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(figures.count == 2 && figures[0] == 0, "\(peak.stdout)\(peak.stderr)")
        #expect(figures.count == 2 && figures[1] < 1024, "peak \(figures.last ?? -1) MB for a 1,048,576-row sheet")
    }
}

/// `boligsocial template`: the workbook to hand out, read back by openpyxl, filled in with the
/// shipped round and solved as it is.
@Suite struct TemplateTests {
    typealias CLI = CLITests

    @Test func theTemplateHasItsListsAndFormatsAndSolvesOnceFilled() throws {
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("runde.xlsx").path
        let r = try CLI.run(["template", "--lang", "da", "--output", path])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            assert wb.sheetnames == ["Områder", "Ansøgninger"], wb.sheetnames
            areas, apps = wb["Områder"], wb["Ansøgninger"]
            header = [c.value for c in apps[1]]
            assert header[:6] == ["id", "titel", "område", "indsatsområder", "formål", "målgruppe"], header
            assert "løn_2009" in header and "aktiviteter_2012" in header and header[-1] == "vurdering", header
            assert header[-7:-1] == ["mindste_andel", "behov_dokumenteret", "inddragelse", "helhedsorientering", "fælles_mål", "indikatorer"], header
            lists = {str(d.sqref).split(":")[0][0]: (d.formula1, d.errorStyle) for d in apps.data_validations.dataValidation}
            assert lists["F"][0] == '"primær,sekundær"' and lists["G"][0] == '"ja,nej"' and lists["M"][0] == '"eksplicit,implicit,ingen"', lists
            assert lists["D"][1] == "information" and "sundhed" in lists["D"][0], lists["D"]
            assert any('"udsat,i risiko' in d.formula1 for d in areas.data_validations.dataValidation)
            assert apps["N2"].number_format == '#,##0 "kr."' and apps["N2"].value == 450000
            assert apps.freeze_panes == "A2" and apps["A1"].comment is not None and "entydige" in apps["A1"].comment.text
            print("template ok")
            """
        let check = try DocumentTests.shell("/usr/bin/python3", ["-c", script, path])
        #expect(check.status == 0 && check.stdout.contains("template ok"), "\(check.stdout)\(check.stderr)")
        let fill = try DocumentTests.shell(
            "/usr/bin/python3",
            [
                WorkbookInputTests.tools.appendingPathComponent("fill_template.py").path,
                CLI.root.appendingPathComponent("Scenarios/data").path, path,
            ])
        #expect(fill.status == 0, "\(fill.stderr)")
        let scenario = try String(
            contentsOf: CLI.root.appendingPathComponent("Scenarios/baseline.toml"), encoding: .utf8
        )
        .replacingOccurrences(of: "data/applications.csv", with: "runde.xlsx#Ansøgninger")
        .replacingOccurrences(of: "data/areas.csv", with: "runde.xlsx#Områder")
        try Data(scenario.utf8).write(to: dir.appendingPathComponent("s.toml"))
        #expect(
            try DanishInputTests.json(["solve", "s.toml"], in: dir)
                == DanishInputTests.json(["solve", "Scenarios/baseline.toml"]))
        // The CSV form: two files a Danish Excel opens, which read back as an example round.
        let csv = try CLI.run([
            "template", "--lang", "da", "--format", "csv", "--output", dir.appendingPathComponent("csv").path,
        ])
        #expect(csv.status == 0)
        let apps = try String(contentsOf: dir.appendingPathComponent("csv/applications.csv"), encoding: .utf8)
        #expect(
            apps.hasPrefix("\u{FEFF}id;titel;område;indsatsområder")
                || apps.hasPrefix("id;titel;område;indsatsområder"), "\(apps.prefix(80))")
        #expect(try CLI.run(["template", "--years", "2009,x", "--output", path]).status == 64)
    }
}

@Suite struct WorkbookPathTests {
    /// The sheet is what follows the last `#` after a name ending in `.xlsx`, in any case.
    @Test func pathsAndSheets() throws {
        let dir = try CLITests.temporaryDirectory()
        let odd = dir.appendingPathComponent("İ#x.XLSX#dir")
        try FileManager.default.createDirectory(at: odd, withIntermediateDirectories: true)
        let areas = "id,name,district,risk\nMJP,M,N,vulnerable\n"
        try Data(areas.utf8).write(to: odd.appendingPathComponent("areas.csv"))
        try FileManager.default.copyItem(
            at: ReliabilityCLITests.corpus.appendingPathComponent("good-applications.csv"),
            to: odd.appendingPathComponent("apps.csv"))
        let scenario =
            "name = \"P\"\napplications = \"apps.csv\"\nareas = \"areas.csv\"\nyears = [2009]\n[envelope]\n2009 = 80000\n"
        try Data(scenario.utf8).write(to: odd.appendingPathComponent("s.toml"))
        let r = try CLITests.run(["validate", "s.toml"], in: odd)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            TableInput.split("a/İ#x.XLSX#dir/runde.xlsx#Ansøgninger") == ("a/İ#x.XLSX#dir/runde.xlsx", "Ansøgninger"))
        #expect(TableInput.split("a/İ#x.XLSX#dir/areas.csv") == ("a/İ#x.XLSX#dir/areas.csv", nil))
        #expect(TableInput.split("runde.XLSX#") == ("runde.XLSX", ""))
    }
}
