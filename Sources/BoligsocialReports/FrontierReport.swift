import BoligsocialCore

/// `frontier`: the breakpoints of priority points against the envelope scale.
public struct FrontierReport: Report, Sendable {
    public let scenario: Scenario
    public let frontier: Frontier
    public let stamp: InputStamp?
    let labels: Labels
    let number: NumberFormat

    public init(scenario: Scenario, frontier: Frontier, stamp: InputStamp?, language: Language = .en) {
        self.scenario = scenario
        self.frontier = frontier
        self.stamp = stamp
        labels = Labels(language)
        number = NumberFormat(language)
    }

    public var stamps: [InputStamp] { stamp.map { [$0] } ?? [] }
    public var language: Language { labels.language }

    public var title: String { "\(labels.frontier): \(scenario.name)" }
    public var headline: [String] {
        var lines = ["\(labels.scenario): \(scenario.name)"]
        if frontier.isExact {
            lines.append(labels.frontierExact(frontier.breakpoints.count))
            if let last = frontier.breakpoints.last {
                lines.append(labels.frontierSaturated(number.decimal(last.scale, places: 6)))
            }
        } else {
            lines.append(labels.frontierSampled(frontier.breakpoints.count))
        }
        lines.append(labels.frontierScaleOne(number.kr(Int(frontier.totalEnvelope.rounded(.down)))))
        return lines
    }

    func table(raw: Bool) -> TextTable {
        let rows = frontier.breakpoints.map { b -> [String] in
            let envelope = Int((b.scale * frontier.totalEnvelope).rounded(.down))
            return raw
                ? [
                    String(b.scale), String(envelope), String(b.priorityPoints),
                    String(b.marginalPointsPer1000.roundedForReport),
                ]
                : [
                    number.decimal(b.scale, places: 6), number.kroner(envelope),
                    number.decimal(b.priorityPoints, places: 3),
                    number.decimal(b.marginalPointsPer1000, places: 4),
                ]
        }
        return TextTable(
            title: labels.frontier,
            header: [labels.scale, labels.totalEnvelope, labels.priorityPoints, labels.marginalPiece],
            alignments: [.right, .right, .right, .right], rows: rows)
    }

    public var tables: [TextTable] { [table(raw: false)] }

    public var csvTable: TextTable {
        var t = table(raw: true)
        t.header = labels.csvHeaders(["scale", "total_envelope", "priority_points", "marginal_points_per_1000"])
        return t
    }

    public func json() -> JSON {
        var fields: [(String, JSON)] = [
            ("scenario", .string(scenario.name)),
            ("exact", .bool(frontier.isExact)),
            ("total_envelope", .double(frontier.totalEnvelope)),
            (
                "breakpoints",
                .array(
                    frontier.breakpoints.map { b in
                        .object([
                            ("scale", .double(b.scale)), ("priority_points", .double(b.priorityPoints)),
                            ("marginal_points_per_1000", .double(b.marginalPointsPer1000.roundedForReport)),
                        ])
                    })
            ),
        ]
        if let stamp { fields.append(("inputs", inputsJSON(stamp))) }
        return .object(fields)
    }
}
