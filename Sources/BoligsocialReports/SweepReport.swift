import BoligsocialCore

/// `sweep`: one row per envelope step.
public struct SweepReport: Report, Sendable {
    public let scenario: Scenario
    public let steps: [SweepStep]
    public let parameter: SweepParameter
    public let stamp: InputStamp?
    let labels: Labels
    let number: NumberFormat

    public init(
        scenario: Scenario, steps: [SweepStep], parameter: SweepParameter, stamp: InputStamp?, language: Language = .en
    ) {
        self.scenario = scenario
        self.steps = steps
        self.parameter = parameter
        self.stamp = stamp
        labels = Labels(language)
        number = NumberFormat(language)
    }

    var sweptYear: Int? { if case .year(let y, _) = parameter { y } else { nil } }

    public var stamps: [InputStamp] { stamp.map { [$0] } ?? [] }
    public var language: Language { labels.language }

    public var title: String { "\(labels.sweep): \(scenario.name)" }
    public var headline: [String] {
        [
            "\(labels.scenario): \(scenario.name)", labels.sweepLine(year: sweptYear, steps: steps.count),
            labels.amountsIn,
        ]
    }

    func table(raw: Bool) -> TextTable {
        let years = scenario.years
        let parameterHeader = sweptYear.map { "\(labels.envelope) \($0)" } ?? labels.scale
        let header =
            [labels.step, parameterHeader, labels.priorityPoints] + years.map { "\(labels.allocated) \($0)" }
            + [labels.full, labels.partial, labels.unfunded, labels.marginal]
        let rows = steps.enumerated().map { i, s -> [String] in
            let parameterValue: String =
                if let year = sweptYear, let y = years.firstIndex(of: year) {
                    raw ? String(Int(s.envelope[y].rounded(.down))) : number.kroner(Int(s.envelope[y].rounded(.down)))
                } else {
                    raw ? String(s.scale ?? 0) : number.decimal(s.scale ?? 0, places: 4)
                }
            guard s.status.hasSolution else {
                return ["\(i + 1)", parameterValue, "infeasible"] + years.map { _ in "" } + ["", "", "", ""]
            }
            let points = raw ? String(s.priorityPoints) : number.decimal(s.priorityPoints, places: 3)
            let marginal =
                s.marginalPointsPer1000.map { raw ? String($0.roundedForReport) : number.decimal($0, places: 4) } ?? ""
            return ["\(i + 1)", parameterValue, points] + s.allocated.map { raw ? String($0) : number.kroner($0) }
                + [String(s.full), String(s.partial), String(s.unfunded), marginal]
        }
        return TextTable(
            title: labels.sweep, header: header,
            alignments: [.right] + Array(repeating: .right, count: header.count - 1), rows: rows)
    }

    public var tables: [TextTable] { [table(raw: false)] }

    public var csvTable: TextTable {
        var t = table(raw: true)
        t.header = labels.csvHeaders(
            ["step", sweptYear.map { "envelope_\($0)" } ?? "scale", "priority_points"]
                + scenario.years.map { "allocated_\($0)" }
                + ["full", "partial", "unfunded", "marginal_points_per_1000"])
        return t
    }

    public func json() -> JSON {
        let years = scenario.years
        let yearNames = years.map { JSONObjectWriter.Key.text(String($0)) }
        let steps = self.steps
        // Written straight into the output, a batch of steps per core (a 100,000-step sweep).
        @Sendable func step(_ i: Int, _ w: inout JSONObjectWriter) {
            let s = steps[i]
            if let scale = s.scale { w.field("scale", double: scale) }
            w.field("envelope") { w in for (key, value) in zip(yearNames, s.envelope) { w.field(key, double: value) } }
            w.field("status", string: SolveJSON.statusKey(s.status))
            w.field("priority_points", double: s.priorityPoints)
            w.field("allocated") { w in for (key, value) in zip(yearNames, s.allocated) { w.field(key, int: value) } }
            w.field("full", int: s.full)
            w.field("partial", int: s.partial)
            w.field("unfunded", int: s.unfunded)
            w.field("marginal_points_per_1000", s.marginalPointsPer1000.map { .double($0.roundedForReport) } ?? .null)
        }
        var fields: [(String, JSON)] = [
            ("scenario", .string(scenario.name)), ("years", .array(years.map { .int($0) })),
        ]
        if let year = sweptYear { fields.append(("year", .int(year))) }
        fields.append(("steps", .generated(count: steps.count) { step($0, &$1) }))
        if let stamp { fields.append(("inputs", inputsJSON(stamp))) }
        return .object(fields)
    }
}
