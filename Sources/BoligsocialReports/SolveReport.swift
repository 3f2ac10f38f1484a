import BoligsocialCore

/// The report of `solve`: a pure function from a summary to text.
public struct SolveReport: Report, Sendable {
    public let summary: AllocationSummary
    public let labels: Labels
    let number: NumberFormat
    /// What the scenario's decisions cost, when it has any.
    public let decisions: DecisionPrice?

    public init(_ summary: AllocationSummary, language: Language = .en, decisions: DecisionPrice? = nil) {
        self.summary = summary
        labels = Labels(language)
        number = NumberFormat(language)
        self.decisions = decisions
    }

    var allocation: Allocation { summary.allocation }
    var yearHeaders: [String] { summary.years.map(String.init) }

    // MARK: Tables

    public func yearTable() -> TextTable {
        let a = allocation
        // Under carry_over, what each year takes over from the year before and passes on.
        let carry = a.scenario.rules.carryOver && !a.carried.isEmpty
        let carried = a.years.indices.map { y in y < a.carried.count ? Int(a.carried[y].rounded()) : 0 }
        let rows = a.years.indices.map { y -> [String] in
            let envelope = Int(a.envelope[y].rounded(.down))
            var row = [String(a.years[y]), number.kroner(envelope)]
            let carriedIn = carry && y > 0 ? carried[y - 1] : 0
            let carriedOn = carry ? carried[y] : 0
            if carry { row += [number.kroner(carriedIn), number.kroner(carriedOn)] }
            // What the year leaves unused: its envelope with what it takes over, less what it passes on.
            return row + [
                number.kroner(a.allocated[y]), number.kroner(envelope + carriedIn - carriedOn - a.allocated[y]),
                a.marginalPointsPer1000.map { number.decimal($0[y], places: 3) } ?? "–",
            ]
        }
        let envelopeTotal = a.envelope.reduce(0) { $0 + Int($1.rounded(.down)) }
        let carryHeader = carry ? [labels.carriedIn, labels.carriedOn] : []
        return TextTable(
            title: labels.byYear,
            header: [labels.year, labels.envelope] + carryHeader + [labels.allocated, labels.unspent, labels.marginal],
            alignments: [.left, .right] + carryHeader.map { _ in .right } + [.right, .right, .right], rows: rows,
            footer: [
                [labels.total, number.kroner(envelopeTotal)] + carryHeader.map { _ in "" }
                    + [
                        number.kroner(summary.totalAllocated), number.kroner(envelopeTotal - summary.totalAllocated),
                        "",
                    ]
            ])
    }

    /// One row per application, its reason last (in the report's language).
    public func applicationTable() -> TextTable {
        applicationTable(reasons: OutcomeReasons(allocation.outcomes, labels: labels, number: number))
    }

    func applicationTable(reasons: OutcomeReasons) -> TextTable {
        applicationRows(reasons: reasons).textTable(title: labels.byApplication)
    }

    /// The table of applications as typed values, rendered by the text, CSV and workbook forms.
    func applicationRows(reasons: OutcomeReasons) -> ApplicationRows {
        ApplicationRows(allocation, years: summary.years, reasons: reasons, labels: labels, number: number)
    }

    /// Money per group and year. In Danish these are the budget document's tables, in whole 1.000 kr.
    /// that add up to their printed totals (`ThousandsRounding`); the per-year and per-application
    /// tables stay in whole kroner, the amounts granted.
    func amountTable(title: String, key: String, rows: [(String, [Int])]) -> TextTable {
        let n = summary.years.count
        let number = number
        let amounts: (cells: [[Int]], years: [Int], total: Int)
        if labels.language == .da {
            amounts = ThousandsRounding.table(rows.map(\.1), years: n)
        } else {
            let years = (0..<n).map { y in rows.reduce(0) { $0 + $1.1[y] } }
            amounts = (rows.map(\.1), years, years.reduce(0, +))
        }
        return TextTable(
            title: labels.inThousandsTitle(title), header: [key] + yearHeaders + [labels.total],
            alignments: [.left] + Array(repeating: .right, count: n + 1),
            rows: zip(rows, amounts.cells).map { row, cells in
                [row.0] + cells.map(number.kroner) + [number.kroner(cells.reduce(0, +))]
            },
            footer: [[labels.total] + amounts.years.map(number.kroner) + [number.kroner(amounts.total)]])
    }

    public func focusTable() -> TextTable {
        amountTable(
            title: labels.byFocus, key: labels.focusArea,
            rows: summary.byFocus.map { (labels.focus($0.focus), $0.amounts) })
    }
    public func riskTable() -> TextTable {
        amountTable(
            title: labels.byRisk, key: labels.riskClass, rows: summary.byRisk.map { (labels.risk($0.risk), $0.amounts) }
        )
    }
    public func areaTable() -> TextTable {
        amountTable(title: labels.byArea, key: labels.area, rows: summary.byArea.map { ($0.area.name, $0.amounts) })
    }
    public func objectiveTable() -> TextTable {
        amountTable(
            title: labels.byObjective, key: labels.objectiveWord,
            rows: summary.byObjective.map {
                ($0.objective.map(labels.objective) ?? labels.noObjectiveNamed, $0.amounts)
            })
    }
    public func targetGroupTable() -> TextTable {
        amountTable(
            title: labels.byTargetGroup, key: labels.targetGroupWord,
            rows: summary.byTargetGroup.map { (labels.targetGroup($0.group), $0.amounts) })
    }
    public func categoryTable() -> TextTable {
        amountTable(
            title: labels.byCategory, key: labels.category,
            rows: summary.byCategory.map { (labels.category($0.category), $0.amounts) })
    }

    /// The priority list of `rank` (the eligible applications best first, the line where each
    /// year's envelope runs out), as the solve report's last section.
    var priorityList: RankReport { RankReport(Ranking(allocation), stamp: nil, language: labels.language) }

    /// The applications that gave way to the decisions: granted without them, with them, the change.
    public func gaveWayTable() -> TextTable? {
        guard let decisions, !decisions.gaveWay.isEmpty else { return nil }
        return TextTable(
            title: labels.gaveWay,
            header: [labels.id, labels.title, labels.withoutDecisions, labels.withDecisions, labels.changeWord],
            alignments: [.left, .left, .right, .right, .right],
            rows: decisions.gaveWay.map {
                [
                    $0.id, $0.title, number.kroner($0.without), number.kroner($0.with),
                    number.kroner($0.with - $0.without),
                ]
            })
    }

    /// Co-funding ("medfinansiering"), for the applications that give the main project's budget:
    /// over the years with a budget, the budget, what other funders give, what SOF grants, SOF's
    /// share of the budget and what is left uncovered; a total line. `nil` when no application has one.
    public func coFundingTable() -> TextTable? {
        let rows = CoFunding.rows(allocation)
        guard !rows.isEmpty else { return nil }
        func line(_ r: CoFunding) -> [String] {
            [
                number.kroner(r.budget), number.kroner(r.other), number.kroner(r.granted),
                r.budget > 0 ? number.percent(Double(r.granted) / Double(r.budget)) : "–",
                number.kroner(r.budget - r.other - r.granted),
            ]
        }
        let total = CoFunding.total(rows)
        return TextTable(
            title: labels.coFundingTitle,
            header: [
                labels.id, labels.title, labels.totalBudget, labels.otherFunding, labels.grantedBySOF,
                labels.sofShareOfBudget, labels.uncovered,
            ],
            alignments: [.left, .left, .right, .right, .right, .right, .right],
            rows: rows.map { [$0.id, $0.title] + line($0) }, footer: [[labels.total, ""] + line(total)])
    }

    public var tables: [TextTable] {
        [yearTable(), applicationTable()] + (coFundingTable().map { [$0] } ?? []) + (gaveWayTable().map { [$0] } ?? [])
            + [
                focusTable(), riskTable(), objectiveTable(), targetGroupTable(), areaTable(), categoryTable(),
                priorityList.tables[0],
            ]
    }

    public var stamps: [InputStamp] { summary.stamp.map { [$0] } ?? [] }
    public var language: Language { labels.language }

    public var title: String { allocation.scenario.name }

    public var headline: [String] {
        let a = allocation
        let counts = FundingStatus.allCases.map { "\(summary.counts[$0] ?? 0) \(labels.status($0))" }.joined(
            separator: ", ")
        var lines = [
            "\(labels.scenario): \(a.scenario.name)",
            "\(labels.solverStatus): \(labels.solveStatus(a.status))",
            "\(labels.priorityPoints): \(number.decimal(a.priorityPoints, places: 3))",
            "\(labels.applicationsLine): \(counts)",
            labels.amountsInBudgetUnits,
        ]
        if a.isMixedInteger { lines.append(a.marginalsForChosenProjects ? labels.mipChosenNote : labels.mipNote) }
        if let d = decisions {
            lines.append(
                labels.decisionPrice(
                    count: a.scenario.decisions.count, price: number.decimal(d.price, places: 3),
                    without: number.decimal(d.pointsWithout, places: 3), gaveWay: d.gaveWay.count))
        }
        return lines
    }

    // MARK: Formats

    /// The application table, one row per application, as the officer pastes it into a spreadsheet.
    public var csvTable: TextTable {
        let reasons = OutcomeReasons(allocation.outcomes, labels: labels, number: number)
        return applicationRows(reasons: reasons).csvTable(title: labels.byApplication)
    }

    public func json() -> JSON {
        var json = SolveJSON.make(summary, labels: labels)
        let coFunding = CoFunding.rows(allocation)
        if !coFunding.isEmpty, case .object(var fields) = json {
            func object(_ r: CoFunding) -> JSON {
                .object([
                    ("id", .string(r.id)), ("total_budget", .int(r.budget)), ("other_funding", .int(r.other)),
                    ("granted", .int(r.granted)),
                    (
                        "sof_share_of_budget",
                        r.budget > 0 ? .double((Double(r.granted) / Double(r.budget)).roundedForReport) : .null
                    ),
                    ("uncovered", .int(r.budget - r.other - r.granted)),
                ])
            }
            let at = fields.firstIndex { $0.0 == "inputs" } ?? fields.count
            fields.insert(
                (
                    "co_funding",
                    .object([
                        ("applications", .array(coFunding.map(object))), ("total", object(CoFunding.total(coFunding))),
                    ])
                ), at: at)
            json = .object(fields)
        }
        guard let d = decisions, case .object(var fields) = json else { return json }
        let decisionsJSON: JSON = .object([
            ("count", .int(allocation.scenario.decisions.count)),
            ("priority_points_without", .double(d.pointsWithout.roundedForReport)),
            ("price", .double(d.price.roundedForReport)),
            (
                "gave_way",
                .array(
                    d.gaveWay.map {
                        .object([
                            ("id", .string($0.id)), ("granted_without", .int($0.without)),
                            ("granted_with", .int($0.with)),
                        ])
                    })
            ),
        ])
        let at = fields.firstIndex { $0.0 == "inputs" } ?? fields.count
        fields.insert(("decisions", decisionsJSON), at: at)
        return .object(fields)
    }
}

/// One application's co-funding over the years it gives a total budget for (whole kroner).
struct CoFunding {
    var id: String
    var title: String
    var budget: Int
    var other: Int
    var granted: Int

    static func rows(_ allocation: Allocation) -> [CoFunding] {
        allocation.outcomes.compactMap { o in
            let years = o.application.totalBudget.indices.filter { o.application.totalBudget(year: $0) != nil }
            guard !years.isEmpty else { return nil }
            return CoFunding(
                id: o.application.id, title: o.application.title,
                budget: years.reduce(0) { $0 + Int((o.application.totalBudget(year: $1) ?? 0).rounded()) },
                other: years.reduce(0) { $0 + Int(o.application.otherFunding(year: $1).rounded()) },
                granted: years.reduce(0) { $0 + o.grantedByYear[$1] })
        }
    }

    static func total(_ rows: [CoFunding]) -> CoFunding {
        CoFunding(
            id: "", title: "", budget: rows.reduce(0) { $0 + $1.budget }, other: rows.reduce(0) { $0 + $1.other },
            granted: rows.reduce(0) { $0 + $1.granted })
    }
}
