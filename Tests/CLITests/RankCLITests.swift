import Foundation
import Testing

/// `rank`: the priority list. On the shipped round and on generated ones the order is by priority
/// points per krone (the weight), the running totals add up, and each year's line sits below the
/// last application the allocation funds that year; every format writes it.
@Suite struct RankCLITests {
    typealias CLI = CLITests

    static func checkList(_ json: [String: Any], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let years = (json["years"] as! [Int]).map(String.init)
        let ranked = json["ranked"] as! [[String: Any]]
        let lastFunded = json["last_funded"] as! [String: Any]
        var running = Dictionary(uniqueKeysWithValues: years.map { ($0, (request: 0, granted: 0)) })
        var previous = Double.infinity
        for (k, entry) in ranked.enumerated() {
            #expect(entry["place"] as? Int == k + 1, sourceLocation: sourceLocation)
            let weight = entry["weight"] as! Double
            #expect(weight <= previous + 1e-12, "out of order at \(entry["id"]!)", sourceLocation: sourceLocation)
            previous = weight
            let request = entry["request"] as! [String: Int]
            let granted = entry["granted"] as! [String: Int]
            let runningRequest = entry["running_request"] as! [String: Int]
            let runningGranted = entry["running_granted"] as! [String: Int]
            for y in years {
                running[y]!.request += request[y]!
                running[y]!.granted += granted[y]!
                #expect(
                    runningRequest[y] == running[y]!.request && runningGranted[y] == running[y]!.granted,
                    sourceLocation: sourceLocation)
            }
            #expect(!(entry["reasons"] as! [String]).isEmpty, sourceLocation: sourceLocation)
        }
        for y in years {
            let funded = ranked.indices.filter { ((ranked[$0]["granted"] as! [String: Int])[y] ?? 0) > 0 }
            let below = ranked.indices.filter {
                (ranked[$0]["envelope_runs_out_below"] as! [Int]).map(String.init).contains(y)
            }
            if let last = funded.last {
                #expect(
                    lastFunded[y] as? String == ranked[last]["id"] as? String, "\(y)", sourceLocation: sourceLocation)
                #expect(below == [last], "the \(y) line: \(below) against \(last)", sourceLocation: sourceLocation)
            } else {
                #expect(lastFunded[y] is NSNull && below.isEmpty, sourceLocation: sourceLocation)
            }
        }
        for entry in json["ineligible"] as! [[String: Any]] {
            #expect(
                entry["status"] as? String == "ineligible" && !(entry["reasons"] as! [String]).isEmpty,
                sourceLocation: sourceLocation)
        }
    }

    static func json(_ arguments: [String], in directory: URL = CLI.root) throws -> [String: Any] {
        let r = try CLI.run(arguments + ["--format", "json"], in: directory)
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    }

    @Test func theShippedRound() throws {
        let list = try Self.json(["rank", "Scenarios/baseline.toml"])
        Self.checkList(list)
        #expect((list["ranked"] as! [[String: Any]]).count + (list["ineligible"] as! [[String: Any]]).count == 56)
        // The text forms draw the lines; every format is written.
        let danish = try CLI.run(["rank", "--lang", "da"])
        #expect(
            danish.status == 0 && danish.stdout.contains("Prioriteringsliste")
                && danish.stdout.contains("2012: støtten stopper her (ramme 28.000.000 kr., fordelt 27.999.999 kr.)"))
        let english = try CLI.run(["rank"])
        #expect(english.stdout.contains("2012: funding stops here (envelope 28,000,000 kr., allocated 27,999,999 kr.)"))
        let dir = try CLI.temporaryDirectory()
        for format in ["markdown", "csv", "html"] {
            let r = try CLI.run(["rank", "--lang", "da", "--format", format])
            #expect(r.status == 0 && r.stdout.contains("Akkumuleret 2012"), "\(format)")
        }
        let xlsx = dir.appendingPathComponent("rank.xlsx").path
        #expect(try CLI.run(["rank", "--lang", "da", "--format", "xlsx", "--output", xlsx]).status == 0)
        let read = try DocumentTests.shell(
            "/usr/bin/python3",
            [
                "-c",
                """
                import sys, openpyxl
                ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
                header = [c.value for c in ws[1]]
                rows = list(ws.iter_rows(min_row=2, values_only=True))
                assert header[0] == "Nr." and "Begrundelse" in header, header
                assert len(rows) == 56 and all(r[header.index("Begrundelse")] for r in rows), len(rows)
                print("rank ok")
                """, xlsx,
            ])
        #expect(read.status == 0 && read.stdout.contains("rank ok"), "\(read.stdout)\(read.stderr)")
    }

    @Test(arguments: [3, 11, 29])
    func generatedRounds(_ seed: Int) throws {
        let dir = try CLI.temporaryDirectory()
        let made = try CLI.run(["generate", "--applications", "120", "--seed", String(seed), "--output", dir.path])
        #expect(made.status == 0, "\(made.stderr)")
        Self.checkList(try Self.json(["rank", dir.appendingPathComponent("scenario.toml").path]))
    }
}
