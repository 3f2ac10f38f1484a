import BoligsocialCore

/// `wish`: the ønskeforslag table, in 1.000 kr. at fixed 2009 prices.
public struct WishReport: Report, Sendable {
    public let proposal: WishProposal
    public let summary: AllocationSummary
    let labels: Labels
    let number: NumberFormat

    /// `currentPrices`: every year's amounts in that year's prices (times the scenario's `[index]`);
    /// otherwise in the first year's fixed prices, as the model computes them.
    public let currentPrices: Bool

    public init(_ proposal: WishProposal, stamp: InputStamp?, language: Language = .en, currentPrices: Bool = false) {
        self.proposal = proposal
        self.currentPrices = currentPrices
        summary = AllocationSummary(proposal.allocation, stamp: stamp)
        labels = Labels(language)
        number = NumberFormat(language)
    }

    var years: [Int] { proposal.allocation.years }
    var askKroner: [Int] { proposal.envelope.map { Int($0) } }
    var indices: [Double] { proposal.allocation.scenario.indices }

    /// Kroner per year in the prices the report states: as computed, or times each year's index.
    func inPrices(_ values: [Int]) -> [Int] {
        currentPrices ? zip(values, indices).map { Int((Double($0) * $1).rounded()) } : values
    }

    public var stamps: [InputStamp] { summary.stamp.map { [$0] } ?? [] }
    public var language: Language { labels.language }

    public var title: String { "\(labels.wish): \(proposal.allocation.scenario.name)" }

    public var headline: [String] {
        var lines = [
            "\(labels.scenario): \(proposal.allocation.scenario.name)",
            "\(labels.threshold) ≥ \(number.decimal(proposal.threshold, places: 3)) \(labels.atShare) "
                + "\(number.percent(proposal.share))" + (proposal.flat ? "; \(labels.flatYears)" : "")
                + " (\(proposal.targets.count) \(labels.applicationsLine.lowercased()))",
            "\(labels.priorityPoints): \(number.decimal(proposal.allocation.priorityPoints, places: 3))",
            "\(labels.minimumNote): "
                + zip(years, proposal.minimum).map { "\($0) \(number.kr(Int($1.rounded())))" }
                .joined(separator: ", "),
        ]
        let sel = proposal.selection
        if !sel.isEmpty {
            var parts: [String] = []
            if let ids = sel.ids { parts.append(ids.sorted().joined(separator: ", ")) }
            if let focus = sel.focus {
                parts.append(
                    "\(labels.focusArea.lowercased()): "
                        + focus.map { labels.focus($0) }.sorted().joined(separator: ", "))
            }
            if let risk = sel.risk {
                parts.append(
                    "\(labels.riskClass.lowercased()): " + risk.map { labels.risk($0) }.sorted().joined(separator: ", ")
                )
            }
            if let areas = sel.areas {
                parts.append("\(labels.area.lowercased()): " + areas.sorted().joined(separator: ", "))
            }
            lines.append("\(labels.selectedTargets): " + parts.joined(separator: "; "))
        }
        if let k = proposal.raisedBy {
            lines.append(labels.wishRaised(number.decimal(k, places: 4)))
            let bound = Int(proposal.minimum.reduce(0, +).rounded(.up))
            lines.append(labels.wishSearched(number.kr(bound), number.kr(askKroner.reduce(0, +) - bound)))
        } else {
            lines.append(labels.wishProven)
        }
        if let without = proposal.withoutDecisions {
            let with = askKroner.reduce(0, +)
            let other = Int(without.reduce(0, +))
            lines.append(
                labels.wishDecisionPrice(
                    count: proposal.allocation.scenario.decisions.count, change: with - other,
                    amount: number.kr(abs(with - other)), without: number.kr(other)))
        }
        if currentPrices {
            lines.append(
                "\(labels.priceIndex): "
                    + zip(years, indices).map { "\($0) \(number.decimal($1, places: 3))" }.joined(separator: ", "))
        }
        lines.append(labels.inThousands)
        return lines
    }

    /// The ønskeforslag's money in whole 1.000 kr. that add up (`ThousandsRounding`): the granted
    /// money by focus area, by risk class and by cost category (three blocks, each adding to the
    /// money granted per year), and the envelope to ask for: the money granted and what is asked
    /// but not granted (the rounding up to whole 1.000 kr., and money the share rules need in the
    /// envelope without granting it). The envelope is whole 1.000 kr. already.
    struct Budget {
        var granted: [Int]
        var blocks: [(title: String, key: String, rows: [(String, [Int])])]
        var margin: [Int]
        var ask: [Int]
    }

    func budget(inThousands: Bool) -> Budget {
        let allocated = inPrices(proposal.allocation.allocated)
        let granted = inThousands ? allocated.map(ThousandsRounding.nearest) : allocated
        // The envelope asked is whole 1.000 kr. in fixed prices; in current prices to the nearest thousand.
        let askedKroner = inPrices(askKroner)
        let ask =
            inThousands
            ? (currentPrices ? askedKroner.map(ThousandsRounding.nearest) : askKroner.map { $0 / 1000 }) : askedKroner
        func block(_ title: String, _ key: String, _ rows: [(String, [Int])]) -> (
            title: String, key: String, rows: [(String, [Int])]
        ) {
            let kept = rows.filter { $0.1.contains { $0 != 0 } }.map { ($0.0, inPrices($0.1)) }
            guard inThousands else { return (title, key, kept) }
            let cells = ThousandsRounding.table(kept.map(\.1), yearTotals: granted).cells
            return (title, key, zip(kept, cells).map { ($0.0, $1) })
        }
        return Budget(
            granted: granted,
            blocks: [
                block(labels.byFocus, labels.focusArea, summary.byFocus.map { (labels.focus($0.focus), $0.amounts) }),
                block(labels.byRisk, labels.riskClass, summary.byRisk.map { (labels.risk($0.risk), $0.amounts) }),
                block(
                    labels.byCategory, labels.category,
                    summary.byCategory.map { (labels.category($0.category), $0.amounts) }),
            ],
            margin: zip(ask, granted).map { $0 - $1 }, ask: ask)
    }

    var span: String { years.count > 1 ? "\(years[0])-\(years[years.count - 1])" : years.map(String.init).joined() }

    /// The ønskeforslag as a budget document: a table per block, then the envelope to ask for.
    func wishTables() -> [TextTable] {
        let b = budget(inThousands: true)
        let n = number
        let money = { (values: [Int]) in values.map(n.kroner) + [n.kroner(values.reduce(0, +))] }
        let alignments = [TextTable.Alignment.left] + Array(repeating: .right, count: years.count + 1)
        let heading =
            currentPrices
            ? labels.wishTableCurrent(span, base: years.first ?? 2009)
            : labels.wishTable(span, prices: years.first ?? 2009)
        var tables = b.blocks.map { block in
            TextTable(
                title: "\(heading): \(block.title.lowercased())",
                header: [block.key] + years.map(String.init) + [labels.total],
                alignments: alignments, rows: block.rows.map { [$0.0] + money($0.1) },
                footer: [[labels.grantedTotal] + money(b.granted)])
        }
        tables.append(
            TextTable(
                title: "\(heading): \(labels.envelopeToAsk)", header: [""] + years.map(String.init) + [labels.total],
                alignments: alignments,
                rows: [[labels.grantedTotal] + money(b.granted), [labels.notAllocated] + money(b.margin)],
                footer: [[labels.askTotal] + money(b.ask)]))
        return tables
    }

    func fundedTable() -> TextTable {
        let outcomes = proposal.allocation.outcomes
        let reasons = OutcomeReasons(outcomes, labels: labels, number: number)
        let rows = outcomes.indices.filter { outcomes[$0].grantedTotal > 0 }.map { i -> [String] in
            let o = outcomes[i]
            return [
                o.application.id, o.application.title, number.decimal(o.prepared.weight.weight, places: 3),
                number.percent(o.share),
                number.thousands(inPrices(o.grantedByYear).reduce(0, +)), reasons.joined(i),
            ]
        }
        return TextTable(
            title: labels.fundedApplications,
            header: [labels.id, labels.title, labels.weight, labels.share, labels.granted, labels.reason],
            alignments: [.left, .left, .right, .right, .right, .left], rows: rows)
    }

    /// The committee's decisions: what each decides, why, and what the asked envelopes grant it.
    func decisionsTable() -> TextTable? {
        let outcomes = proposal.allocation.outcomes.filter { $0.prepared.decision != nil }
        guard !outcomes.isEmpty else { return nil }
        return TextTable(
            title: labels.committeeDecisions,
            header: [labels.id, labels.title, labels.decisionWord, labels.reason, labels.granted],
            alignments: [.left, .left, .left, .left, .right],
            rows: outcomes.map { o in
                let d = o.prepared.decision!
                return [
                    o.application.id, o.application.title, labels.decided(d.kind, number: number), d.reason,
                    number.thousands(inPrices(o.grantedByYear).reduce(0, +)),
                ]
            })
    }

    public var tables: [TextTable] { wishTables() + [fundedTable()] + [decisionsTable()].compactMap { $0 } }

    /// One table in kroner for a spreadsheet: each block's rows (`focus: …`, `risk: …`, `category: …`),
    /// what is not granted, and the envelope.
    public var csvTable: TextTable {
        let b = budget(inThousands: false)
        let keys = ["focus", "risk", "category"]
        var rows: [[String]] = []
        for (key, block) in zip(keys, b.blocks) {
            rows += block.rows.map { ["\(key): \($0.0)"] + $0.1.map(String.init) + [String($0.1.reduce(0, +))] }
        }
        rows.append(["granted"] + b.granted.map(String.init) + [String(b.granted.reduce(0, +))])
        rows.append(["not_allocated"] + b.margin.map(String.init) + [String(b.margin.reduce(0, +))])
        return TextTable(
            title: labels.wish, header: labels.csvHeaders(["row"] + years.map(String.init) + ["total"]),
            alignments: [.left] + Array(repeating: .right, count: years.count + 1), rows: rows,
            footer: [["envelope"] + b.ask.map(String.init) + [String(b.ask.reduce(0, +))]])
    }

    public func json() -> JSON {
        func perYear(_ values: [Int]) -> JSON { .object(zip(years, values).map { (String($0), .int($1)) }) }
        var fields: [(String, JSON)] = [
            ("scenario", .string(proposal.allocation.scenario.name)),
            ("years", .array(years.map { .int($0) })),
            ("threshold", .double(proposal.threshold)),
            (
                "selection",
                .object([
                    ("ids", proposal.selection.ids.map { .array($0.sorted().map { .string($0) }) } ?? .null),
                    (
                        "focus",
                        proposal.selection.focus.map { .array($0.map(\.rawValue).sorted().map { .string($0) }) }
                            ?? .null
                    ),
                    (
                        "risk",
                        proposal.selection.risk.map { .array($0.map(\.rawValue).sorted().map { .string($0) }) } ?? .null
                    ),
                    ("areas", proposal.selection.areas.map { .array($0.sorted().map { .string($0) }) } ?? .null),
                ])
            ),
            ("share", .double(proposal.share)),
            ("flat", .bool(proposal.flat)),
            ("envelope", perYear(askKroner)),
            ("prices", .string(currentPrices ? "current" : "fixed")),
            ("index", .object(zip(years, indices).map { (String($0), .double($1)) })),
            ("envelope_in_stated_prices", perYear(inPrices(askKroner))),
            ("minimum", .object(zip(years, proposal.minimum).map { (String($0), .double($1.roundedForReport)) })),
            ("raised_by", proposal.raisedBy.map { .double($0.roundedForReport) } ?? .null),
            ("minimum_proven", .bool(proposal.isProvenMinimum)),
            ("envelope_without_decisions", proposal.withoutDecisions.map { perYear($0.map { Int($0) }) } ?? .null),
            ("priority_points", .double(proposal.allocation.priorityPoints.roundedForReport)),
            ("allocated", perYear(proposal.allocation.allocated)),
            ("targets", .array(proposal.targets.map { .string($0) })),
            ("funded", .array(proposal.funded.map { .string($0) })),
            ("by_focus", .object(summary.byFocus.map { ($0.focus?.rawValue ?? "outside", perYear($0.amounts)) })),
            ("by_risk", .object(summary.byRisk.map { ($0.risk.rawValue, perYear($0.amounts)) })),
        ]
        if let stamp = summary.stamp { fields.append(("inputs", inputsJSON(stamp))) }
        return .object(fields)
    }
}
