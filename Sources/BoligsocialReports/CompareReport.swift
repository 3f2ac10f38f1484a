import BoligsocialCore

/// `compare`: scenarios side by side, and who gains or loses how much.
public struct CompareReport: Report, Sendable {
    public let comparison: Comparison
    public let summaries: [AllocationSummary]
    let labels: Labels
    let number: NumberFormat

    public init(_ comparison: Comparison, stamps: [InputStamp?], language: Language = .en) {
        self.comparison = comparison
        summaries = zip(comparison.allocations, stamps).map { AllocationSummary($0, stamp: $1) }
        labels = Labels(language)
        number = NumberFormat(language)
    }

    var allocations: [Allocation] { comparison.allocations }
    var names: [String] { allocations.map(\.scenario.name) }

    public var stamps: [InputStamp] { summaries.compactMap(\.stamp) }
    public var language: Language { labels.language }

    public var title: String { names.joined(separator: " / ") }
    public var headline: [String] {
        [
            "\(labels.scenarios): " + names.enumerated().map { "[\($0 + 1)] \($1)" }.joined(separator: ", "),
            labels.amountsIn,
        ]
    }

    /// Priority points earned in each year: each application's points spread over its years in
    /// proportion to its money (exact when `returns` is off).
    static func pointsByYear(_ a: Allocation) -> [Double] {
        var points = a.years.map { _ in 0.0 }
        for o in a.outcomes where o.grantedTotal > 0 {
            for y in a.years.indices { points[y] += o.prepared.weight.weight * Double(o.grantedByYear[y]) / 1000 }
        }
        let linear = points.reduce(0, +)
        return linear > 0 ? points.map { $0 * a.priorityPoints / linear } : points
    }

    func scenarioTable() -> TextTable {
        TextTable(
            title: labels.scenarios,
            header: [
                "#", labels.scenario, labels.solverStatus, labels.priorityPoints, labels.envelope, labels.allocated,
            ],
            alignments: [.left, .left, .left, .right, .right, .right],
            rows: allocations.enumerated().map { i, a in
                [
                    "\(i + 1)", a.scenario.name, labels.solveStatus(a.status),
                    number.decimal(a.priorityPoints, places: 3),
                    number.kroner(Int(a.envelope.reduce(0, +).rounded(.down))), number.kroner(a.allocated.reduce(0, +)),
                ]
            })
    }

    func yearTable() -> TextTable {
        // Every year of any scenario, in order; each scenario's columns are matched by the year, not by
        // position, and left blank in a year the scenario does not have.
        let years = Array(Set(allocations.flatMap(\.years))).sorted()
        let points = allocations.map(Self.pointsByYear)
        var header = [labels.year]
        for i in allocations.indices {
            header += [
                "\(labels.envelope) [\(i + 1)]", "\(labels.allocated) [\(i + 1)]", "\(labels.points) [\(i + 1)]",
            ]
        }
        let rows = years.map { year -> [String] in
            [String(year)]
                + allocations.indices.flatMap { i -> [String] in
                    let a = allocations[i]
                    guard let y = a.years.firstIndex(of: year) else { return ["–", "–", "–"] }
                    return [
                        number.kroner(Int(a.envelope[y].rounded(.down))), number.kroner(a.allocated[y]),
                        number.decimal(points[i][y], places: 3),
                    ]
                }
        }
        return TextTable(
            title: labels.perYear, header: header,
            alignments: [.left] + Array(repeating: .right, count: header.count - 1), rows: rows)
    }

    /// Money over all years per key in each scenario, and the change from the first.
    func keyedTable(_ title: String, key: String, _ rows: (AllocationSummary) -> [(String, Int)]) -> TextTable {
        var order: [String] = []
        var values: [String: [Int]] = [:]
        for (i, summary) in summaries.enumerated() {
            for (k, v) in rows(summary) {
                if values[k] == nil {
                    order.append(k)
                    values[k] = Array(repeating: 0, count: summaries.count)
                }
                values[k]![i] = v
            }
        }
        // One change column per scenario after the first, each against the first: [2]−[1], [3]−[1], …
        let header =
            [key] + summaries.indices.map { "[\($0 + 1)]" }
            + summaries.indices.dropFirst().map { labels.changeAgainstFirst($0 + 1) }
        return TextTable(
            title: title, header: header, alignments: [.left] + Array(repeating: .right, count: header.count - 1),
            rows: order.map { k in
                let v = values[k]!
                return [k] + v.map(number.kroner) + v.dropFirst().map { number.kroner($0 - v[0]) }
            })
    }

    func changesTable() -> TextTable {
        var header = [labels.id, labels.title]
        header +=
            allocations.indices.map { "\(labels.share) [\($0 + 1)]" }
            + allocations.indices.map { "\(labels.granted) [\($0 + 1)]" }
        header.append(allocations.count == 2 ? labels.changeAgainstFirst(2) : labels.largestChange)
        return TextTable(
            title: labels.changes, header: header,
            alignments: [.left, .left] + Array(repeating: .right, count: header.count - 2),
            rows: comparison.changes.map { c in
                [c.id, c.title] + c.shares.map { $0.map(number.percent) ?? "–" }
                    + c.granted.map { $0.map(number.kroner) ?? "–" }
                    + [number.kroner(c.largestChange)]
            })
    }

    public var tables: [TextTable] {
        [
            scenarioTable(), yearTable(),
            keyedTable(labels.byRisk, key: labels.riskClass) {
                $0.byRisk.map { (labels.risk($0.risk), $0.amounts.reduce(0, +)) }
            },
            keyedTable(labels.byFocus, key: labels.focusArea) {
                $0.byFocus.map { (labels.focus($0.focus), $0.amounts.reduce(0, +)) }
            },
            keyedTable(labels.byArea, key: labels.area) { $0.byArea.map { ($0.area.name, $0.amounts.reduce(0, +)) } },
            changesTable(),
        ]
    }

    public var csvTable: TextTable {
        var table = changesTable()
        table.header = labels.csvHeaders(
            ["id", "title"] + allocations.indices.map { "share_\($0 + 1)" }
                + allocations.indices.map { "granted_\($0 + 1)" } + ["change"])
        table.rows = comparison.changes.map { c in
            [c.id, c.title] + c.shares.map { $0.map { String($0.roundedForReport) } ?? "" }
                + c.granted.map { $0.map(String.init) ?? "" }
                + [String(c.largestChange)]
        }
        return table
    }

    public func json() -> JSON {
        let scenarios: [JSON] = summaries.map { summary in
            let full = SolveJSON.make(summary, labels: labels, applications: false)
            guard case .object(let fields) = full else { return full }
            return .object(fields.filter { $0.0 != "applications" })
        }
        let changes: [JSON] = comparison.changes.map { c in
            .object([
                ("id", .string(c.id)), ("title", .string(c.title)),
                ("shares", .array(c.shares.map { $0.map { .double($0.roundedForReport) } ?? .null })),
                ("granted", .array(c.granted.map { $0.map { .int($0) } ?? .null })),
                ("statuses", .array(c.statuses.map { $0.map { .string($0.rawValue) } ?? .null })),
                ("largest_change", .int(c.largestChange)),
            ])
        }
        return .object([("scenarios", .array(scenarios)), ("changes", .array(changes))])
    }
}
