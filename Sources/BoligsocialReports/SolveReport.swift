import BoligsocialCore

/// The report of `solve`: a pure function from a summary to text.
public struct SolveReport: Report, Sendable {
    public let summary: AllocationSummary
    public let labels: Labels
    let number: NumberFormat

    public init(_ summary: AllocationSummary, language: Language = .en) {
        self.summary = summary
        labels = Labels(language)
        number = NumberFormat(language)
    }

    var allocation: Allocation { summary.allocation }
    var yearHeaders: [String] { summary.years.map(String.init) }

    // MARK: Tables

    public func yearTable() -> TextTable {
        let a = allocation
        let rows = a.years.indices.map { y -> [String] in
            let envelope = Int(a.envelope[y].rounded(.down))
            return [String(a.years[y]), number.kroner(envelope), number.kroner(a.allocated[y]),
                    number.kroner(envelope - a.allocated[y]),
                    a.marginalPointsPer1000.map { number.decimal($0[y], places: 3) } ?? "–"]
        }
        let envelopeTotal = a.envelope.reduce(0) { $0 + Int($1.rounded(.down)) }
        return TextTable(
            title: labels.byYear, header: [labels.year, labels.envelope, labels.allocated, labels.unspent, labels.marginal],
            alignments: [.left, .right, .right, .right, .right], rows: rows,
            footer: [[labels.total, number.kroner(envelopeTotal), number.kroner(summary.totalAllocated),
                      number.kroner(envelopeTotal - summary.totalAllocated), ""]])
    }

    /// One row per application, its reason last (in the report's language).
    public func applicationTable() -> TextTable {
        applicationTable(reasons: OutcomeReasons(allocation.outcomes, labels: labels, number: number))
    }

    func applicationTable(reasons: OutcomeReasons) -> TextTable {
        let rows = allocation.outcomes.enumerated().map { i, o -> [String] in
            [o.application.id, o.application.title, o.prepared.area.name, labels.status(o.status),
             number.decimal(o.prepared.weight.weight, places: 3), number.percent(o.share),
             number.kroner(o.requested.reduce(0, +))] + o.grantedByYear.map(number.kroner) + [number.kroner(o.grantedTotal), reasons.joined(i)]
        }
        return TextTable(
            title: labels.byApplication,
            header: [labels.id, labels.title, labels.area, labels.status, labels.weight, labels.share, labels.requested]
                + yearHeaders + [labels.granted, labels.reason],
            alignments: [.left, .left, .left, .left, .right, .right, .right] + yearHeaders.map { _ in .right } + [.right, .left],
            rows: rows)
    }

    /// Money per group and year. In Danish these are the budget document's tables, in 1.000 kr.
    /// (each cell rounded on its own, as budget documents do); the per-year and per-application
    /// tables stay in whole kroner, the amounts granted.
    func amountTable(title: String, key: String, rows: [(String, [Int])]) -> TextTable {
        let n = summary.years.count
        let totals = (0..<n).map { y in rows.reduce(0) { $0 + $1.1[y] } }
        let inThousands = labels.language == .da, number = number
        let money = { (v: Int) -> String in inThousands ? number.thousands(v) : number.kroner(v) }
        return TextTable(
            title: labels.inThousandsTitle(title), header: [key] + yearHeaders + [labels.total],
            alignments: [.left] + Array(repeating: .right, count: n + 1),
            rows: rows.map { [$0.0] + $0.1.map(money) + [money($0.1.reduce(0, +))] },
            footer: [[labels.total] + totals.map(money) + [money(totals.reduce(0, +))]])
    }

    public func focusTable() -> TextTable {
        amountTable(title: labels.byFocus, key: labels.focusArea, rows: summary.byFocus.map { (labels.focus($0.focus), $0.amounts) })
    }
    public func riskTable() -> TextTable {
        amountTable(title: labels.byRisk, key: labels.riskClass, rows: summary.byRisk.map { (labels.risk($0.risk), $0.amounts) })
    }
    public func areaTable() -> TextTable {
        amountTable(title: labels.byArea, key: labels.area, rows: summary.byArea.map { ($0.area.name, $0.amounts) })
    }
    public func categoryTable() -> TextTable {
        amountTable(title: labels.byCategory, key: labels.category, rows: summary.byCategory.map { (labels.category($0.category), $0.amounts) })
    }

    public var tables: [TextTable] { [yearTable(), applicationTable(), focusTable(), riskTable(), areaTable(), categoryTable()] }

    public var stamps: [InputStamp] { summary.stamp.map { [$0] } ?? [] }
    public var language: Language { labels.language }

    public var title: String { allocation.scenario.name }

    public var headline: [String] {
        let a = allocation
        let counts = FundingStatus.allCases.map { "\(summary.counts[$0] ?? 0) \(labels.status($0))" }.joined(separator: ", ")
        var lines = ["\(labels.scenario): \(a.scenario.name)",
                     "\(labels.solverStatus): \(labels.solveStatus(a.status))",
                     "\(labels.priorityPoints): \(number.decimal(a.priorityPoints, places: 3))",
                     "\(labels.applicationsLine): \(counts)",
                     labels.amountsInBudgetUnits]
        if a.isMixedInteger { lines.append(labels.mipNote) }
        return lines
    }

    // MARK: Formats

    /// The application table, one row per application, as the officer pastes it into a spreadsheet.
    public var csvTable: TextTable {
        let reasons = OutcomeReasons(allocation.outcomes, labels: labels, number: number)
        var table = applicationTable(reasons: reasons)
        table.rows = allocation.outcomes.enumerated().map { i, o in
            [o.application.id, o.application.title, o.prepared.area.name, o.status.rawValue,
             String(o.prepared.weight.weight.roundedForReport), String(o.share.roundedForReport), String(o.requested.reduce(0, +))]
                + o.grantedByYear.map(String.init) + [String(o.grantedTotal), reasons.joined(i)]
        }
        table.header = ["id", "title", "area", "status", "weight", "share", "requested"]
            + summary.years.map { "granted_\($0)" } + ["granted_total", "reason"]
        return table
    }

    public func json() -> JSON { SolveJSON.make(summary, labels: labels) }
}
