import Foundation
import Testing

/// `boligsocial serve` as a process on 127.0.0.1: its JSON API against `solve` with the same
/// changes written in a scenario, every malformed request a 400 that leaves the server up, 1,000
/// requests from 8 clients at once, and the page worked in headless Chromium through Selenium.
@Suite(.serialized) struct ServeTests {
    typealias CLI = CLITests

    /// A running server on a free port; stopped when the test ends.
    final class Server {
        let process = Process()
        let url: String

        init(_ scenario: String = "Scenarios/baseline.toml", language: String = "da") throws {
            process.executableURL = CLI.binary
            process.arguments = ["serve", scenario, "--port", "0", "--lang", language]
            process.currentDirectoryURL = CLI.root
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first line names the address once the server listens.
            var text = ""
            let deadline = Date().addingTimeInterval(60)
            while !text.contains("\n"), Date() < deadline {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            guard let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) else {
                process.terminate()
                throw CocoaError(.fileReadUnknown)
            }
            url = String(text[range])
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// POSTs `body` to `path` (through Python's urllib, no proxy): the status and the body.
    static func post(_ server: Server, _ path: String, _ body: String, session: String = "test") throws -> (
        status: Int, body: String
    ) {
        let script = """
            import sys, urllib.request, urllib.error
            opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
            r = urllib.request.Request(sys.argv[1], data=sys.stdin.buffer.read(), method="POST", headers={"X-Boligsocial-Session": sys.argv[2]})
            try:
                with opener.open(r, timeout=60) as answer:
                    status, text = answer.status, answer.read()
            except urllib.error.HTTPError as e:
                status, text = e.code, e.read()
            sys.stdout.write(str(status) + "\\n" + text.decode())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, server.url + path.dropFirst(), session]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(body.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let newline = text.firstIndex(of: "\n") ?? text.endIndex
        return (Int(text[..<newline]) ?? 0, newline < text.endIndex ? String(text[text.index(after: newline)...]) : "")
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    /// Per application, granted kroner over all years.
    static func granted(_ report: [String: Any]) -> [String: Int] {
        Dictionary(
            uniqueKeysWithValues: (report["applications"] as! [[String: Any]]).map { a in
                (a["id"] as! String, (a["granted"] as! [String: Int]).values.reduce(0, +))
            })
    }

    @Test func apiAnswersLikeSolveAndTheSavedScenario() throws {
        let server = try Server()
        let changes =
            #"{"envelope": {"2010": 27000000}, "rules": {"primary_share_min": 0.6}, "decisions": {"A11": {"fund": "full", "reason": "Videreførelse"}, "A04": {"fund": "none", "reason": "Anden pulje"}}}"#
        let answer = try Self.post(server, "/api/solve", changes)
        #expect(answer.status == 200, "\(answer.body)")
        let page = try Self.json(answer.body)
        let cli = try AnalysisCLITests.json([
            "solve", "Scenarios/baseline.toml", "--envelope", "2010=27000000", "--set", "rules.primary_share_min=0.6",
            "--decide", "A11=full:Videreførelse", "--decide", "A04=none:Anden pulje",
        ])
        let points = cli["priority_points"] as! Double
        #expect(abs((page["priority_points"] as! Double) - points) <= 1e-6 * points)
        #expect(Self.granted(page) == Self.granted(cli))
        // Moving only an envelope re-solves the kept model; every krone as `solve` gives it.
        for amount in [25_000_000, 31_000_000, 27_000_000] {
            let again = try Self.json(
                try Self.post(server, "/api/solve", changes.replacingOccurrences(of: "27000000", with: "\(amount)"))
                    .body)
            let fresh = try AnalysisCLITests.json([
                "solve", "Scenarios/baseline.toml", "--envelope", "2010=\(amount)", "--set",
                "rules.primary_share_min=0.6",
                "--decide", "A11=full:Videreførelse", "--decide", "A04=none:Anden pulje",
            ])
            #expect(abs((again["priority_points"] as! Double) - (fresh["priority_points"] as! Double)) <= 1e-6 * points)
            #expect(Self.granted(again) == Self.granted(fresh), "2010 = \(amount)")
        }
        // "Save as scenario" gives a file that extends the loaded one and solves the same.
        let saved = try Self.post(server, "/api/scenario", changes)
        #expect(saved.status == 200 && saved.body.contains("extends = \"baseline.toml\""))
        let dir = try CLI.temporaryDirectory([
            "what-if.toml": saved.body.replacingOccurrences(
                of: "extends = \"baseline.toml\"", with: "extends = \"\(CLI.root.path)/Scenarios/baseline.toml\"")
        ])
        let solved = try AnalysisCLITests.json(["solve", dir.appendingPathComponent("what-if.toml").path])
        #expect(abs((solved["priority_points"] as! Double) - points) <= 1e-6 * points)
        // The frontier and explain of the same changes; an infeasible change answers the diagnosis.
        let frontier = try Self.json(try Self.post(server, "/api/frontier", changes).body)
        #expect(frontier["exact"] as? Bool == true && (frontier["breakpoints"] as! [Any]).count > 10)
        // GET /api/frontier: the loaded scenario's frontier, as `frontier` gives it.
        let got = try DocumentTests.shell(
            "/usr/bin/python3",
            [
                "-c",
                """
                import sys, urllib.request
                print(urllib.request.build_opener(urllib.request.ProxyHandler({})).open(sys.argv[1] + "api/frontier", timeout=60).read().decode())
                """, server.url,
            ])
        let loadedFrontier = try AnalysisCLITests.json(["frontier", "Scenarios/baseline.toml"])
        #expect(
            (try Self.json(got.stdout)["breakpoints"] as? [Any])?.count
                == (loadedFrontier["breakpoints"] as? [Any])?.count, "\(got.stderr)")
        let explained = try Self.json(
            try Self.post(server, "/api/explain", #"{"id": "A10", "envelope": {"2010": 27000000}}"#).body)
        #expect(explained["id"] as? String == "A10" && explained["status"] != nil)
        // The report to download is the solve report's page of the same changes.
        let report = try Self.post(server, "/api/report", changes)
        #expect(
            report.status == 200 && report.body.hasPrefix("<!DOCTYPE html>") && report.body.contains("<svg")
                && !report.body.contains("<script"))
        let infeasible = try Self.json(
            try Self.post(server, "/api/solve", #"{"rules": {"focus_floor": {"health": 50000000}}}"#).body)
        #expect(infeasible["status"] as? String == "infeasible" && !(infeasible["relaxations"] as! [Any]).isEmpty)
        // What the page asks at each change: the same document as /api/solve and the same charts
        // as /api/charts, in one answer; for an infeasible scenario the diagnosis and no charts.
        let change = try Self.json(try Self.post(server, "/api/change", changes).body)
        let asked = try Self.json(try Self.post(server, "/api/solve", changes).body)
        let charts = try Self.post(server, "/api/charts", changes).body
        #expect(Self.granted(change["solve"] as! [String: Any]) == Self.granted(asked))
        #expect(
            (change["solve"] as! [String: Any])["priority_points"] as? Double == asked["priority_points"] as? Double)
        #expect((change["charts"] as? String) == charts && charts.contains("<svg"))
        let stuck = try Self.json(
            try Self.post(server, "/api/change", #"{"rules": {"focus_floor": {"health": 50000000}}}"#).body)
        #expect(
            (stuck["solve"] as? [String: Any])?["status"] as? String == "infeasible" && stuck["charts"] as? String == ""
        )
    }

    /// "Download the report (Excel)": the workbook of the changed scenario, made in memory, holds
    /// the same sheets and cells as `solve --format xlsx` with the same changes (both read back by
    /// openpyxl), and the server leaves no file behind in its directory.
    @Test func workbookDownloadIsTheSolveWorkbook() throws {
        let server = try Server()
        let changes =
            #"{"envelope": {"2010": 27000000}, "decisions": {"A11": {"fund": "full", "reason": "Videreførelse"}}}"#
        let dir = try CLI.temporaryDirectory(["changes.json": changes])
        let before = try FileManager.default.contentsOfDirectory(atPath: CLI.root.path).sorted()
        let cli = dir.appendingPathComponent("cli.xlsx").path
        let solved = try CLI.run([
            "solve", "Scenarios/baseline.toml", "--envelope", "2010=27000000", "--decide", "A11=full:Videreførelse",
            "--lang", "da", "--format", "xlsx", "--output", cli,
        ])
        #expect(solved.status == 0, "\(solved.stderr)")
        let script = """
            import io, json, sys, urllib.request, openpyxl
            opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
            body = open(sys.argv[2], "rb").read()
            r = urllib.request.Request(sys.argv[1] + "api/workbook", data=body, method="POST", headers={"X-Boligsocial-Session": "xlsx"})
            with opener.open(r, timeout=60) as answer:
                kind, data = answer.headers["Content-Type"], answer.read()
            def cells(book):
                return {ws.title: [[c for c in row] for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}
            page, cli = cells(openpyxl.load_workbook(io.BytesIO(data))), cells(openpyxl.load_workbook(sys.argv[3]))
            # What the numbers came from differs by design: the page names its changes as the lines
            # of the saved scenario, the command line its options.
            inputs = [row[1] for row in page["Oversigt"] if row[0] == "Inddata"]
            for book in (page, cli):
                book.pop("Inddata", None)
                book["Oversigt"] = [row for row in book["Oversigt"] if row[0] != "Inddata"]
            print(json.dumps({"kind": kind, "same": page == cli, "sheets": list(page), "inputs": inputs,
                              "a11": [row for rows in page.values() for row in rows if row and row[0] == "A11"][:1]}, default=str))
            """
        let run = try DocumentTests.shell(
            "/usr/bin/python3", ["-c", script, server.url, dir.appendingPathComponent("changes.json").path, cli])
        #expect(run.status == 0, "\(run.stderr)")
        let answer = try Self.json(run.stdout)
        #expect(
            (answer["kind"] as? String)?.hasPrefix("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                == true)
        #expect(answer["same"] as? Bool == true, "\(run.stdout)")
        #expect((answer["sheets"] as? [String])?.contains("Pr. ansøgning") == true, "\(run.stdout)")
        #expect("\(answer["a11"] ?? "")".contains("Videreførelse"), "\(run.stdout)")
        let inputs = (answer["inputs"] as? [String])?.first ?? ""
        #expect(
            inputs.contains("ændret på hvad-nu-hvis-siden: ") && inputs.contains(#"envelope."2010" = 27000000"#)
                && inputs.contains(#"decisions."A11""#), "\(inputs)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: CLI.root.path).sorted() == before)
    }

    /// Every kind of malformed request is a 400 naming what is wrong and where, and the server
    /// answers the next request as before.
    @Test func malformedRequestsAre400() throws {
        let server = try Server()
        let cases: [(String, String, String)] = [
            ("/api/solve", "{\"envelope\":", ""),
            ("/api/solve", "[1, 2]", ""),
            ("/api/solve", "\"text\"", ""),
            ("/api/solve", #"{"budget": 1}"#, "budget"),
            ("/api/solve", #"{"envelope": 5}"#, "envelope"),
            ("/api/solve", #"{"envelope": {"2010": -1}}"#, "envelope.2010"),
            ("/api/solve", #"{"envelope": {"2010": "many"}}"#, "envelope.2010"),
            ("/api/solve", #"{"envelope": {"2031": 1000}}"#, "envelope.2031"),
            ("/api/solve", #"{"scale": 0}"#, "scale"),
            ("/api/solve", #"{"rules": {"primary_shar_min": 0.6}}"#, "rules.primary_shar_min"),
            ("/api/solve", #"{"rules": {"primary_share_min": 1.5}}"#, "rules.primary_share_min"),
            ("/api/solve", #"{"rules": {"commitment": "sometimes"}}"#, "rules.commitment"),
            ("/api/solve", #"{"rules": {"returns": [1, "x"]}}"#, "rules.returns"),
            ("/api/solve", #"{"rules": {"a": {"b": {"c": {"d": {"e": 1}}}}}}"#, "rules.a.b.c.d"),
            ("/api/solve", #"{"decisions": {"A12": {"fund": "full"}}}"#, "decisions.A12"),
            ("/api/solve", #"{"decisions": {"X99": {"fund": "full", "reason": "r"}}}"#, "decisions.X99"),
            ("/api/solve", #"{"decisions": {"A12": "full"}}"#, "decisions.A12"),
            ("/api/solve", #"{"weights": {"focus": {"health": -1}}}"#, "weights.focus.health"),
            ("/api/explain", #"{}"#, "id"),
            ("/api/explain", #"{"id": "A999"}"#, "id"),
            ("/api/solve", "{\"envelope\": {\"2010\": " + String(repeating: "1", count: 300_000) + "}}", ""),
        ]
        for (path, body, key) in cases {
            let r = try Self.post(server, path, body)
            #expect(r.status == 400, "\(body.prefix(80)): \(r.status) \(r.body)")
            let error = try? Self.json(r.body)
            #expect(
                error?["key"] as? String == key && !((error?["error"] as? String) ?? "").isEmpty,
                "\(body.prefix(80)): \(r.body)")
        }
        #expect(try Self.post(server, "/api/solve", "{}", session: "bad session!").status == 400)
        // In the page's language (the server runs in Danish here), the loader's words and its own.
        let unknown = try Self.json(try Self.post(server, "/api/solve", #"{"budget": 1}"#).body)["error"] as? String
        #expect(unknown?.hasPrefix("ukendt nøgle 'budget'") == true, "\(unknown ?? "")")
        let rule =
            try Self.json(try Self.post(server, "/api/solve", #"{"rules": {"primary_shar_min": 0.6}}"#).body)["error"]
            as? String
        #expect(rule?.contains("mente du 'primary_share_min'") == true, "\(rule ?? "")")
        // Still up, and right.
        let ok = try Self.post(server, "/api/solve", "{}")
        let points = try Self.json(ok.body)["priority_points"] as? Double
        #expect(ok.status == 200 && points.map { abs($0 - 109_339.446) < 1e-3 } == true)
    }

    /// 1,000 requests from 8 clients at once, each its own session, all with the right numbers.
    @Test func thousandRequestsFromEightClients() throws {
        let server = try Server()
        var cases: [(String, Double)] = []
        for amount in [24_000_000, 27_000_000, 30_000_000, 33_000_000] {
            let points =
                try AnalysisCLITests.json(["solve", "Scenarios/baseline.toml", "--envelope", "2010=\(amount)"])[
                    "priority_points"] as! Double
            cases.append(("{\"envelope\": {\"2010\": \(amount)}}", points))
        }
        let expected = "[" + cases.map { "[\($0.0), \($0.1)]" }.joined(separator: ", ") + "]"
        let dir = try CLI.temporaryDirectory(["cases.json": expected])
        let load = try DocumentTests.shell(
            "/usr/bin/python3",
            [
                CLI.root.appendingPathComponent("Tests/CLITests/Tools/serve_load.py").path, server.url, "8", "1000",
                dir.appendingPathComponent("cases.json").path,
            ])
        #expect(load.stdout.hasPrefix("requests 1000 failures 0 "), "\(load.stdout)\(load.stderr)")
    }

    /// The page in headless Chromium: the 2010 envelope moved, one application funded fully and one
    /// excluded show the priority points and amounts of `solve` with the same changes; the
    /// decision that cannot hold at a 2010 envelope of 0 shows the diagnosis, and its button works;
    /// the workbook downloads, and a floor set too high is mended by its button.
    @Test func thePageInTheBrowser() throws {
        guard FileManager.default.fileExists(atPath: "/usr/bin/chromedriver") else {
            Issue.record("chromium-driver is missing: `make test` installs it")
            return
        }
        let server = try Server()
        let shot = CLI.root.appendingPathComponent("docs/serve-page-da.png").path
        let record = ProcessInfo.processInfo.environment["RECORD_SCREENSHOT"] != nil
        let run = try DocumentTests.shell(
            "/usr/bin/python3",
            [
                CLI.root.appendingPathComponent("Tests/CLITests/Tools/serve_browser.py").path, server.url,
                "27000000", "A11", "A04",
            ] + (record ? [shot] : []))
        #expect(run.status == 0, "\(run.stderr)")
        let page = try Self.json(run.stdout)
        let cli = try AnalysisCLITests.json([
            "solve", "Scenarios/baseline.toml", "--envelope", "2010=27000000", "--lang", "da",
            "--decide", "A11=full:Videreførelse af projekt fra 2004-2008", "--decide",
            "A04=none:Finansieret af anden pulje",
        ])
        let points = cli["priority_points"] as! Double
        let shownPoints =
            (page["points"] as! String).split(separator: " ").last.map {
                Double($0.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
            } ?? nil
        #expect(shownPoints.map { abs($0 - points) < 0.001 } == true, "\(page["points"] ?? "")")
        let shown = page["applications"] as! [String: [String: String]]
        let granted = Self.granted(cli)
        for (id, row) in shown {
            let kroner = Int(row["granted", default: ""].filter(\.isWholeNumber))
            #expect(kroner == granted[id], "\(id): \(row) against \(granted[id] ?? -1)")
        }
        #expect(shown["A11"]?["reason"]?.contains("Videreførelse af projekt fra 2004-2008") == true)
        #expect(shown["A04"]?["status"] == "ikke støttet")
        #expect((page["diagnosis"] as! String).contains("udvalgets beslutning om A11"))
        #expect(
            (page["buttons"] as! [String]).contains("Anvend: fjern beslutningen om A11") && page["after_button"] != nil)
        #expect((page["console"] as! [Any]).isEmpty, "\(page["console"] ?? "")")
        // The workbook the page downloads carries the decisions and their reasons.
        let workbook = page["workbook"] as? [String: Any]
        let rows = workbook?["rows"] as? [String: [String]]
        #expect((workbook?["sheets"] as? [String])?.contains("Pr. ansøgning") == true, "\(page["workbook"] ?? "")")
        #expect(
            rows?["A11"]?.contains { $0.contains("Videreførelse af projekt fra 2004-2008") } == true,
            "\(page["workbook"] ?? "")")
        #expect(
            rows?["A04"]?.contains { $0.contains("Finansieret af anden pulje") } == true, "\(page["workbook"] ?? "")")
        // A floor no envelope carries is diagnosed; its button sets the floor that can be carried.
        let floorButtons = page["floor_buttons"] as? [String] ?? []
        #expect(!floorButtons.isEmpty, "\(page["diagnosis"] ?? "")")
        let after = page["floor_after_button"] as? [String: String]
        #expect(
            after.map {
                Int($0["floor"] ?? "") ?? 0 > 0 && Int($0["floor"] ?? "") ?? 0 < 900_000_000
                    && !($0["points"] ?? "").isEmpty
            } == true,
            "\(page["floor_after_button"] ?? "")")
        // The money charts drawn for the answer, and the frontier with the scenario ringed.
        #expect((page["charts"] as? Int ?? 0) >= 8 && (page["frontier"] as? String)?.contains("ringen") == true)
    }
}
