import BoligsocialCore

/// `sensitivity`: for every weight, the interval over which the same applications are fully
/// funded, partly funded and unfunded, and what changes first just outside it.
public struct SensitivityReport: Report, Sendable {
    public let sensitivity: Sensitivity
    public let stamp: InputStamp?
    let labels: Labels
    let number: NumberFormat

    public init(_ sensitivity: Sensitivity, stamp: InputStamp?, language: Language = .en) {
        self.sensitivity = sensitivity
        self.stamp = stamp
        labels = Labels(language)
        number = NumberFormat(language)
    }

    public var stamps: [InputStamp] { stamp.map { [$0] } ?? [] }
    public var language: Language { labels.language }
    public var title: String { "\(labels.sensitivityTitle): \(sensitivity.scenario.name)" }

    public var headline: [String] {
        var lines = ["\(labels.scenario): \(sensitivity.scenario.name)", labels.sensitivityExplained]
        if !sensitivity.unused.isEmpty {
            lines.append(
                labels.sensitivityUnused(sensitivity.unused.map { labels.weightName($0) }.joined(separator: ", ")))
        }
        return lines
    }

    func changes(_ list: [Sensitivity.Change]) -> String {
        list.map { "\($0.id) \(labels.status($0.from)) → \(labels.status($0.to))" }.joined(separator: "; ")
    }

    public var tables: [TextTable] {
        let rows = sensitivity.intervals.map { i -> [String] in
            [
                labels.weightName(i.parameter), number.decimal(i.value, places: 4), number.decimal(i.lower, places: 4),
                i.upper.map { number.decimal($0, places: 4) } ?? labels.noUpperLimit, String(i.applications),
                i.lower > 0 ? changes(i.below) : labels.nothingDown, i.upper == nil ? "" : changes(i.above),
            ]
        }
        return [
            TextTable(
                title: labels.sensitivityTitle,
                header: [
                    labels.weight, labels.value, labels.lowerLimit, labels.upperLimit, labels.applicationsLine,
                    labels.justBelow, labels.justAbove,
                ],
                alignments: [.left, .right, .right, .right, .right, .left, .left], rows: rows,
                footer: [[labels.scenarioKeys(sensitivity.intervals.map(\.parameter.key))]])
        ]
    }

    public var csvTable: TextTable {
        let rows = sensitivity.intervals.map { i -> [String] in
            [
                i.parameter.key, String(i.value), String(i.lower), i.upper.map { String($0) } ?? "",
                String(i.applications),
                i.below.map { "\($0.id):\($0.from.rawValue)>\($0.to.rawValue)" }.joined(separator: " "),
                i.above.map { "\($0.id):\($0.from.rawValue)>\($0.to.rawValue)" }.joined(separator: " "),
            ]
        }
        return TextTable(
            title: labels.sensitivityTitle,
            header: labels.csvHeaders(["key", "value", "lower", "upper", "applications", "below", "above"]),
            alignments: [.left, .right, .right, .right, .right, .left, .left], rows: rows)
    }

    /// Each weight's interval as a bar, relative to the weight as set (1 = as set), up to 2.
    public var charts: [Chart] {
        let rows = sensitivity.intervals.filter { $0.value > 0 }.map { i in
            (name: labels.weightName(i.parameter), lower: i.lower / i.value, upper: i.upper.map { $0 / i.value })
        }
        return [.intervals(title: labels.sensitivityChart, xLabel: labels.sensitivityAxis, rows: rows, limit: 2)]
    }

    public func json() -> JSON {
        func list(_ changes: [Sensitivity.Change]) -> JSON {
            .array(
                changes.map {
                    .object([
                        ("id", .string($0.id)), ("from", .string($0.from.rawValue)), ("to", .string($0.to.rawValue)),
                    ])
                })
        }
        var fields: [(String, JSON)] = [
            ("scenario", .string(sensitivity.scenario.name)),
            (
                "intervals",
                .array(
                    sensitivity.intervals.map { i in
                        .object([
                            ("key", .string(i.parameter.key)), ("value", .double(i.value)),
                            ("lower", .double(i.lower.roundedForReport)),
                            ("upper", i.upper.map { .double($0.roundedForReport) } ?? .null),
                            ("applications", .int(i.applications)),
                            ("below", list(i.below)), ("above", list(i.above)),
                        ])
                    })
            ),
            ("unused", .array(sensitivity.unused.map { .string($0.key) })),
        ]
        if let stamp { fields.append(("inputs", inputsJSON(stamp))) }
        return .object(fields)
    }
}
