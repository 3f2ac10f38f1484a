import BoligsocialCore

/// `wish`: the ønskeforslag table, in 1.000 kr. at fixed 2009 prices.
public struct WishReport: Report, Sendable {
    public let proposal: WishProposal
    public let summary: AllocationSummary
    let labels: Labels
    let number: NumberFormat

    public init(_ proposal: WishProposal, stamp: InputStamp?, language: Language = .en) {
        self.proposal = proposal
        summary = AllocationSummary(proposal.allocation, stamp: stamp)
        labels = Labels(language)
        number = NumberFormat(language)
    }

    var years: [Int] { proposal.allocation.years }
    var askKroner: [Int] { proposal.envelope.map { Int($0) } }

    public var stamps: [InputStamp] { summary.stamp.map { [$0] } ?? [] }
    public var language: Language { labels.language }

    public var title: String { "\(labels.wish): \(proposal.allocation.scenario.name)" }

    public var headline: [String] {
        var lines = ["\(labels.scenario): \(proposal.allocation.scenario.name)",
                     "\(labels.threshold) ≥ \(number.decimal(proposal.threshold, places: 3)) \(labels.atShare) "
                        + "\(number.percent(proposal.share))" + (proposal.flat ? "; \(labels.flatYears)" : "")
                        + " (\(proposal.targets.count) \(labels.applicationsLine.lowercased()))",
                     "\(labels.priorityPoints): \(number.decimal(proposal.allocation.priorityPoints, places: 3))",
                     "\(labels.minimumNote): " + zip(years, proposal.minimum).map { "\($0) \(number.kr(Int($1.rounded())))" }
                        .joined(separator: ", ")]
        if let k = proposal.raisedBy {
            lines.append(labels.wishRaised(number.decimal(k, places: 4)))
        }
        lines.append(labels.inThousands)
        return lines
    }

    /// The ønskeforslag: money per focus area and per risk class, and the envelope to ask for.
    func wishTable(raw: Bool) -> TextTable {
        let show = { (v: Int) in raw ? String(v) : number.thousands(v) }
        var rows: [[String]] = []
        for (focus, amounts) in summary.byFocus where amounts.contains(where: { $0 != 0 }) {
            rows.append(["\(labels.focusArea): \(labels.focus(focus))"] + amounts.map(show) + [show(amounts.reduce(0, +))])
        }
        for (risk, amounts) in summary.byRisk where amounts.contains(where: { $0 != 0 }) {
            rows.append(["\(labels.riskClass): \(labels.risk(risk))"] + amounts.map(show) + [show(amounts.reduce(0, +))])
        }
        // What is asked but not granted: the rounding up to whole 1.000 kr., and money that the
        // share rules (area caps, primary share) need in the envelope without granting it.
        let margin = zip(askKroner, proposal.allocation.allocated).map { $0 - $1 }
        rows.append([labels.notAllocated] + margin.map(show) + [show(margin.reduce(0, +))])
        let span = years.count > 1 ? "\(years[0])-\(years[years.count - 1])" : years.map(String.init).joined()
        return TextTable(
            title: labels.wishTable(span, prices: years.first ?? 2009), header: [""] + years.map(String.init) + [labels.total],
            alignments: [.left] + Array(repeating: .right, count: years.count + 1), rows: rows,
            footer: [[labels.askTotal] + askKroner.map(show) + [show(askKroner.reduce(0, +))]])
    }

    func fundedTable() -> TextTable {
        let outcomes = proposal.allocation.outcomes
        let reasons = OutcomeReasons(outcomes, labels: labels, number: number)
        let rows = outcomes.indices.filter { outcomes[$0].grantedTotal > 0 }.map { i -> [String] in
            let o = outcomes[i]
            return [o.application.id, o.application.title, number.decimal(o.prepared.weight.weight, places: 3), number.percent(o.share),
                    number.thousands(o.grantedTotal), reasons.joined(i)]
        }
        return TextTable(title: labels.fundedApplications,
                         header: [labels.id, labels.title, labels.weight, labels.share, labels.granted, labels.reason],
                         alignments: [.left, .left, .right, .right, .right, .left], rows: rows)
    }

    public var tables: [TextTable] { [wishTable(raw: false), fundedTable()] }

    public var csvTable: TextTable {
        var t = wishTable(raw: true)
        t.header = ["row"] + years.map(String.init) + ["total"]
        return t
    }

    public func json() -> JSON {
        func perYear(_ values: [Int]) -> JSON { .object(zip(years, values).map { (String($0), .int($1)) }) }
        var fields: [(String, JSON)] = [
            ("scenario", .string(proposal.allocation.scenario.name)),
            ("years", .array(years.map { .int($0) })),
            ("threshold", .double(proposal.threshold)),
            ("share", .double(proposal.share)),
            ("flat", .bool(proposal.flat)),
            ("envelope", perYear(askKroner)),
            ("minimum", .object(zip(years, proposal.minimum).map { (String($0), .double($1.roundedForReport)) })),
            ("raised_by", proposal.raisedBy.map { .double($0.roundedForReport) } ?? .null),
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


