import BoligsocialCore

/// `rank`: the priority list with its cut lines (see `Ranking`). Every format carries every
/// application with its reason; the text formats draw a line per year where its envelope runs out.
public struct RankReport: Report, Sendable {
    public let ranking: Ranking
    public let stamp: InputStamp?
    let labels: Labels
    let number: NumberFormat

    /// What the scenario's decisions cost, when it has any.
    public let decisions: DecisionPrice?

    public init(_ ranking: Ranking, stamp: InputStamp?, language: Language = .en, decisions: DecisionPrice? = nil) {
        self.ranking = ranking
        self.stamp = stamp
        self.decisions = decisions
        labels = Labels(language)
        number = NumberFormat(language)
    }

    var allocation: Allocation { ranking.allocation }
    var years: [Int] { allocation.years }
    public var stamps: [InputStamp] { stamp.map { [$0] } ?? [] }
    public var language: Language { labels.language }
    public var title: String { "\(labels.rankTitle): \(allocation.scenario.name)" }

    public var headline: [String] {
        var lines = [
            "\(labels.scenario): \(allocation.scenario.name)", labels.rankExplained,
            "\(labels.envelope): "
                + zip(years, allocation.envelope).map { "\($0) \(number.kr(Int($1.rounded(.down))))" }.joined(
                    separator: ", "),
        ]
        if let d = decisions {
            lines.append(
                labels.decisionPrice(
                    count: allocation.scenario.decisions.count, price: number.decimal(d.price, places: 3),
                    without: number.decimal(d.pointsWithout, places: 3), gaveWay: d.gaveWay.count))
        }
        return lines
    }

    /// The line drawn below an application, one per year whose envelope runs out there.
    func cutLine(_ year: Int) -> String {
        let y = years.firstIndex(of: year)!
        return labels.cutLine(
            year, envelope: number.kr(Int(allocation.envelope[y].rounded(.down))),
            allocated: number.kr(allocation.allocated[y]))
    }

    /// The list for reading: the request over all years and the running total per year (the
    /// CSV, the workbook and the JSON carry every year's request too).
    public var tables: [TextTable] {
        let reasons = OutcomeReasons(allocation.outcomes, labels: labels, number: number)
        var rows: [[String]] = []
        for (k, entry) in ranking.ranked.enumerated() {
            let o = entry.outcome
            rows.append(
                [
                    String(entry.place ?? 0), o.application.id, o.application.title,
                    number.decimal(o.prepared.weight.weight, places: 3),
                    number.kroner(entry.request.reduce(0, +)),
                ]
                    + entry.runningRequest.map(number.kroner)
                    + [number.kroner(o.grantedTotal), labels.status(o), reasons.joined(entry.index)])
            for year in ranking.linesBelow(k) { rows.append([cutLine(year)]) }
        }
        let header =
            [labels.place, labels.id, labels.title, labels.pointsPerThousand, labels.requested]
            + years.map(labels.runningIn) + [labels.granted, labels.status, labels.reason]
        let list = TextTable(
            title: labels.rankTitle, header: header,
            alignments: [.right, .left, .left, .right, .right] + Array(repeating: .right, count: years.count + 1) + [
                .left, .left,
            ],
            rows: rows)
        let excluded = TextTable(
            title: labels.ineligibleApplications, header: [labels.id, labels.title, labels.requested, labels.reason],
            alignments: [.left, .left, .right, .left],
            rows: ranking.ineligible.map { e in
                [
                    e.outcome.application.id, e.outcome.application.title,
                    number.kroner(e.outcome.requested.reduce(0, +)), reasons.joined(e.index),
                ]
            })
        return [list, excluded]
    }

    /// One row per application, the ranked first, then the ineligible; the years whose envelope
    /// runs out below a row in its own column.
    public var csvTable: TextTable {
        let reasons = OutcomeReasons(allocation.outcomes, labels: labels, number: number)
        let danish = labels.language == .da
        let labels = labels
        var entries: [(Ranking.Entry, [Int])] = ranking.ranked.enumerated().map { k, e in (e, ranking.linesBelow(k)) }
        entries += ranking.ineligible.map { ($0, [Int]()) }
        let rows = entries.map { e, lines -> [String] in
            let o = e.outcome
            let place: String = e.place.map(String.init) ?? ""
            let status: String = danish ? labels.status(o) : o.status.rawValue
            var row: [String] = [
                place, o.application.id, o.application.title, String(o.prepared.weight.weight.roundedForReport),
            ]
            row += e.request.map(String.init)
            row += e.runningRequest.map(String.init)
            row += o.grantedByYear.map(String.init)
            row += [status, lines.map(String.init).joined(separator: " "), reasons.joined(e.index)]
            return row
        }
        let header =
            danish
            ? [labels.place, labels.id, labels.title, labels.pointsPerThousand] + years.map(labels.askedIn)
                + years.map(labels.runningIn)
                + years.map { "\(labels.granted) \($0)" } + [labels.status, labels.envelopeRunsOut, labels.reason]
            : ["place", "id", "title", "weight"] + years.map { "request_\($0)" } + years.map { "running_request_\($0)" }
                + years.map { "granted_\($0)" } + ["status", "envelope_runs_out_below", "reason"]
        return TextTable(title: labels.rankTitle, header: header, alignments: header.map { _ in .left }, rows: rows)
    }

    public func json() -> JSON {
        let reasons = OutcomeReasons(allocation.outcomes, labels: labels, number: number)
        func perYear(_ values: [Int]) -> JSON { .object(zip(years, values).map { (String($0), .int($1)) }) }
        func entry(_ e: Ranking.Entry, lines: [Int]) -> JSON {
            let o = e.outcome
            var fields: [(String, JSON)] = [("id", .string(o.application.id)), ("title", .string(o.application.title))]
            if let place = e.place { fields.append(("place", .int(place))) }
            fields += [("weight", .double(o.prepared.weight.weight.roundedForReport)), ("request", perYear(e.request))]
            if e.place != nil {
                fields += [
                    ("running_request", perYear(e.runningRequest)), ("running_granted", perYear(e.runningGranted)),
                    ("envelope_runs_out_below", .array(lines.map { .int($0) })),
                ]
            }
            fields += [
                ("granted", perYear(o.grantedByYear)), ("status", .string(o.status.rawValue)),
                ("reasons", .array(reasons.text(e.index).map { .string($0) })),
            ]
            return .object(fields)
        }
        var fields: [(String, JSON)] = [
            ("scenario", .string(allocation.scenario.name)),
            ("years", .array(years.map { .int($0) })),
            ("envelope", .object(zip(years, allocation.envelope).map { (String($0), .double($1)) })),
            ("ranked", .array(ranking.ranked.enumerated().map { entry($1, lines: ranking.linesBelow($0)) })),
            ("ineligible", .array(ranking.ineligible.map { entry($0, lines: []) })),
            (
                "decisions",
                decisions.map { d in
                    .object([
                        ("price", .double(d.price.roundedForReport)),
                        ("priority_points_without", .double(d.pointsWithout.roundedForReport)),
                        ("gave_way", .array(d.gaveWay.map { .string($0.id) })),
                    ])
                } ?? .null
            ),
            (
                "last_funded",
                .object(
                    zip(years, ranking.lastFunded).map {
                        (String($0), $1.map { .string(ranking.ranked[$0].outcome.application.id) } ?? .null)
                    })
            ),
        ]
        if let stamp { fields.append(("inputs", inputsJSON(stamp))) }
        return .object(fields)
    }
}
