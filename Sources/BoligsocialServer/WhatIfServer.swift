import BoligsocialCore
import BoligsocialReports
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `boligsocial serve`: the scenario the server was started with, read once, and a small JSON API
/// of what-ifs on top of it (docs/commands.md). Every request states its changes as JSON; they are
/// checked exactly as a scenario file is, and answered from the browser session's kept model. The
/// server reads no file after it starts and writes none.
public struct WhatIfServer: Sendable {
    let base: ScenarioLoader.Base
    let loaded: LoadedScenario
    let language: Language
    let sessions = Sessions()

    public init(scenarioPath: String, language: Language) throws {
        base = try ScenarioLoader.base(scenarioPath)
        loaded = try LoadedScenario.load(scenarioPath)
        self.language = language
    }

    /// Runs until the process ends; `started` gets the address once the server listens.
    public func run(host: String, port: Int, started: @escaping @Sendable (String) -> Void) async throws {
        let router = Router()
        let server = self
        router.get("/") { _, _ in server.page() }
        router.post("/api/solve") { request, _ in
            await server.answer(request) { try await server.solve($0, session: $1) }
        }
        // What the page asks at each change: the numbers and the charts in one answer.
        router.post("/api/change") { request, _ in
            await server.answer(request) { try await server.change($0, session: $1) }
        }
        router.post("/api/frontier") { request, _ in
            await server.answer(request) { try await server.frontier($0, session: $1) }
        }
        // The loaded scenario's frontier, for a link or a plain `curl`.
        router.get("/api/frontier") { request, _ in
            await server.answer(request) { try await server.frontier($0, session: $1) }
        }
        router.post("/api/explain") { request, _ in
            await server.answer(request) { try await server.explain($0, session: $1) }
        }
        router.post("/api/charts") { request, _ in
            await server.answer(request) { try await server.view($0, session: $1, kind: .charts) }
        }
        router.post("/api/frontier-chart") { request, _ in
            await server.answer(request) { try await server.view($0, session: $1, kind: .frontier) }
        }
        router.post("/api/report") { request, _ in
            await server.answer(request) { try await server.view($0, session: $1, kind: .report) }
        }
        router.post("/api/workbook") { request, _ in
            await server.answer(request) { try await server.view($0, session: $1, kind: .workbook) }
        }
        router.post("/api/scenario") { request, _ in
            await server.answer(request) { whatIf, _ in server.savedScenario(whatIf) }
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "boligsocial"),
            onServerRunning: { channel in started("http://\(host):\(channel.localAddress?.port ?? port)/") })
        try await app.runService()
    }

    // MARK: Answers

    struct Answer: Sendable {
        var status: HTTPResponse.Status
        var contentType: String
        var body: [UInt8]
        var headers: [(HTTPField.Name, String)] = []

        init(
            status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8", body: String,
            headers: [(HTTPField.Name, String)] = []
        ) {
            self.init(status: status, contentType: contentType, bytes: Array(body.utf8), headers: headers)
        }

        init(
            status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8", bytes: [UInt8],
            headers: [(HTTPField.Name, String)] = []
        ) {
            self.status = status
            self.contentType = contentType
            self.body = bytes
            self.headers = headers
        }

        /// A JSON document, as its bytes (no string is built on the way), compact: the same
        /// document `solve --format json` writes, in half the bytes.
        init(json: JSON) { self.init(bytes: json.serializedBytes(compact: true)) }
    }

    static let sessionHeader = HTTPField.Name("X-Boligsocial-Session")!
    static let timingHeader = HTTPField.Name("Server-Timing")!

    /// Reads the body (at most `WhatIf.maximumBody` bytes), checks the changes and the session, and
    /// turns every refusal into a 400 with what is wrong and where. The answer's `Server-Timing`
    /// header says how long the server took, from the request's head to the answer's body
    /// (browsers show it beside the request; the benchmark reports it).
    func answer(_ request: Request, _ work: @Sendable (WhatIf, SolverThread) async throws -> Answer) async -> Response {
        let start = ContinuousClock.now
        let result: Answer
        do {
            let session = request.headers[Self.sessionHeader] ?? "default"
            guard Sessions.valid(session) else { throw BadRequest(key: "X-Boligsocial-Session", .badSession) }
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: WhatIf.maximumBody)
            } catch {
                throw BadRequest(key: "", .bodyTooLarge(kilobytes: WhatIf.maximumBody / 1024))
            }
            let whatIf = try WhatIf.parse(Array(buffer.readableBytesView), base: loaded.scenario)
            let thread = await sessions.thread(for: session)
            result = try await work(whatIf, thread)
        } catch let bad as BadRequest {
            let message = bad.worded ?? bad.problem.map(InputProblemWords(language).sentence) ?? ""
            result = Answer(
                status: .badRequest,
                body: JSON.object([("error", .string(message)), ("key", .string(bad.key))]).serialized())
        } catch {
            result = Answer(
                status: .internalServerError, body: JSON.object([("error", .string("\(error)"))]).serialized())
        }
        var headers = HTTPFields()
        headers[.contentType] = result.contentType
        headers[.cacheControl] = "no-store"
        for (name, value) in result.headers { headers[name] = value }
        let milliseconds = (ContinuousClock.now - start) / .milliseconds(1)
        headers[Self.timingHeader] = "answer;dur=" + String(format: "%.2f", milliseconds)
        return Response(
            status: result.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: result.body)))
    }

    /// The scenario the request states: the base with the changes, checked like a file; a problem
    /// is a 400 naming the request key that caused it.
    func scenario(_ whatIf: WhatIf) throws -> Scenario {
        guard !whatIf.patch.isEmpty else { return loaded.scenario }
        do {
            let scenario = try ScenarioLoader.whatIf(whatIf.patch, on: base)
            // A decision names an application of the round, as the loader checks it.
            let problems = scenario.decisionProblems(applicationIDs: loaded.round.applications.map(\.id))
            if !problems.isEmpty { throw InputError.badData(problems) }
            return scenario
        } catch let error as InputError {
            let words = InputProblemWords(language)
            switch error {
            case .badData(let diagnostics):
                let first = diagnostics.first
                func key(_ d: Diagnostic) -> String? {
                    if case .request(let key) = whatIf.patch.origin(of: d.location) { key } else { nil }
                }
                throw BadRequest(
                    key: first.flatMap(key) ?? "",
                    worded: diagnostics.map { d in
                        (key(d).map { "\($0): " } ?? "") + words.sentence(d.problem)
                    }.joined(separator: "; "))
            default:
                throw BadRequest(key: "", worded: words.message(error))
            }
        }
    }

    /// The scenario a request states, and the stamp its reports carry: the loaded inputs and the
    /// changes made on the page (as the lines "save as scenario" writes), so a report downloaded
    /// from the page says it is a what-if and which.
    struct Stated: Sendable {
        let scenario: Scenario
        let stamp: InputStamp
    }

    /// Runs `body` on the session's thread for the scenario the request states; an infeasible
    /// scenario answers `infeasible`, by default the diagnosis document of exit 2.
    func onSession(
        _ whatIf: WhatIf, _ session: SolverThread, infeasible: Answer? = nil,
        _ body: @escaping @Sendable (SolverThread, Stated) throws -> Answer
    ) async throws -> Answer {
        var stamp = loaded.stamp
        stamp.overrides = whatIf.patch.lines
        stamp.overridesOnPage = true
        let stated = Stated(scenario: try scenario(whatIf), stamp: stamp)
        let language = language
        return try await session.perform { thread in
            do {
                return try body(thread, stated)
            } catch let error as InfeasibleScenario {
                return infeasible ?? Answer(body: Self.diagnosis(error, stamp: stated.stamp, language: language))
            }
        }
    }

    /// The solve report of the stated scenario from the session's kept model, with the price of its decisions.
    func solveReport(_ thread: SolverThread, _ stated: Stated) throws -> SolveReport {
        var allocation = try thread.kept.allocation(round: loaded.round, scenario: stated.scenario)
        allocation.scenario = stated.scenario
        return SolveReport(
            AllocationSummary(allocation, stamp: stated.stamp), language: language,
            decisions: try DecisionPrice.compute(allocation, round: loaded.round))
    }

    func solve(_ whatIf: WhatIf, session: SolverThread) async throws -> Answer {
        try await onSession(whatIf, session) { thread, stated in Answer(json: try solveReport(thread, stated).json()) }
    }

    /// One change on the page, answered from one solve: `{"solve": …, "charts": "…"}`, the
    /// document of `/api/solve` and the figures of `/api/charts`, with the price of the decisions
    /// computed once; for an infeasible scenario the diagnosis document and no charts.
    func change(_ whatIf: WhatIf, session: SolverThread) async throws -> Answer {
        let language = language
        return try await onSession(whatIf, session) { thread, stated in
            do {
                let report = try solveReport(thread, stated)
                return Answer(
                    json: .object([("solve", report.json()), ("charts", .string(WhatIfFigures.charts(report)))]))
            } catch let infeasible as InfeasibleScenario {
                let diagnosis = DiagnosisReport(diagnosing: infeasible, stamp: stated.stamp, language: language)
                return Answer(json: .object([("solve", diagnosis.json()), ("charts", .string(""))]))
            }
        }
    }

    enum View: Sendable { case charts, frontier, report, workbook }

    /// HTML for the page: the money charts of the changed scenario, its frontier with the scenario
    /// marked, or the whole solve report as a page or a workbook to download (made in memory, the
    /// server writes no file); nothing for an infeasible scenario (the page shows its diagnosis
    /// from `solve`).
    func view(_ whatIf: WhatIf, session: SolverThread, kind: View) async throws -> Answer {
        let html = "text/html; charset=utf-8"
        return try await onSession(whatIf, session, infeasible: Answer(contentType: html, body: "")) { thread, stated in
            let report = try solveReport(thread, stated)
            switch kind {
            case .charts: return Answer(contentType: html, body: WhatIfFigures.charts(report))
            case .report:
                return Answer(
                    contentType: html, body: HTML.page(report),
                    headers: [(.contentDisposition, "attachment; filename=\"what-if-report.html\"")])
            case .workbook:
                return Answer(
                    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    bytes: try workbookBytes(report),
                    headers: [(.contentDisposition, "attachment; filename=\"what-if-report.xlsx\"")])
            case .frontier:
                let frontier = try Frontier.compute(round: loaded.round, scenario: stated.scenario)
                return Answer(
                    contentType: html,
                    body: WhatIfFigures.frontier(
                        FrontierReport(
                            scenario: stated.scenario, frontier: frontier, stamp: stated.stamp, language: language),
                        points: report.summary.allocation.priorityPoints))
            }
        }
    }

    static func diagnosis(_ infeasible: InfeasibleScenario, stamp: InputStamp, language: Language) -> String {
        DiagnosisReport(diagnosing: infeasible, stamp: stamp, language: language).json().serialized()
    }

    func frontier(_ whatIf: WhatIf, session: SolverThread) async throws -> Answer {
        try await onSession(whatIf, session) { _, stated in
            let frontier = try Frontier.compute(round: loaded.round, scenario: stated.scenario)
            return Answer(
                json: FrontierReport(
                    scenario: stated.scenario, frontier: frontier, stamp: stated.stamp, language: language
                ).json())
        }
    }

    func explain(_ whatIf: WhatIf, session: SolverThread) async throws -> Answer {
        guard let id = whatIf.id else { throw BadRequest(key: "id", .idMissing) }
        return try await onSession(whatIf, session) { _, stated in
            guard let explanation = try Explanation.explain(id: id, round: loaded.round, scenario: stated.scenario)
            else {
                throw BadRequest(key: "id", .unknownApplication(id))
            }
            return Answer(
                json: ExplainReport(explanation, scenario: stated.scenario, stamp: stated.stamp, language: language)
                    .json())
        }
    }

    /// "Save as scenario": the changes as a TOML file that extends the loaded one (a download; the
    /// server writes nothing).
    func savedScenario(_ whatIf: WhatIf) -> Answer {
        let parent = URL(fileURLWithPath: base.files.first ?? "scenario.toml").lastPathComponent
        let text = whatIf.patch.file(
            extending: parent,
            heading: "What-ifs made on the boligsocial page, on top of the scenario this file extends.")
        return Answer(
            contentType: "application/toml; charset=utf-8", body: text,
            headers: [(.contentDisposition, "attachment; filename=\"what-if.toml\"")])
    }
}
