import BoligsocialCore

/// The one aggregation of an allocation that every renderer uses, so table, CSV, Markdown and JSON
/// can never disagree. Amounts are whole kroner per year, in the scenario's year order.
public struct AllocationSummary: Sendable {
    public var allocation: Allocation
    public var stamp: InputStamp?
    public var byArea: [(area: Area, amounts: [Int])]
    public var byRisk: [(risk: RiskClass, amounts: [Int])]
    /// Keyed by primary focus; `nil` is "outside the focus areas".
    public var byFocus: [(focus: FocusArea?, amounts: [Int])]
    public var byCategory: [(category: CostCategory, amounts: [Int])]
    public var counts: [FundingStatus: Int]

    public init(_ allocation: Allocation, stamp: InputStamp? = nil) {
        self.allocation = allocation
        self.stamp = stamp
        let n = allocation.years.count
        var areaOrder: [String] = [], areas: [String: Area] = [:], areaAmounts: [String: [Int]] = [:]
        var risk: [RiskClass: [Int]] = [:], focus: [FocusArea?: [Int]] = [:], category: [CostCategory: [Int]] = [:]
        var counts: [FundingStatus: Int] = [:]
        for outcome in allocation.outcomes {
            counts[outcome.status, default: 0] += 1
            let area = outcome.prepared.area
            if areas[area.id] == nil {
                areas[area.id] = area
                areaOrder.append(area.id)
            }
            for y in 0..<n {
                let amount = outcome.granted[y].total
                areaAmounts[area.id, default: Array(repeating: 0, count: n)][y] += amount
                risk[area.risk, default: Array(repeating: 0, count: n)][y] += amount
                focus[outcome.application.primaryFocus, default: Array(repeating: 0, count: n)][y] += amount
                for (c, v) in outcome.granted[y] { category[c, default: Array(repeating: 0, count: n)][y] += v }
            }
        }
        let zeros = Array(repeating: 0, count: n)
        byArea = areaOrder.sorted().map { (areas[$0]!, areaAmounts[$0] ?? zeros) }
        byRisk = RiskClass.allCases.map { ($0, risk[$0] ?? zeros) }
        byFocus = (FocusArea.allCases.map { Optional($0) } + [nil]).map { ($0, focus[$0] ?? zeros) }
        byCategory = CostCategory.allCases.map { ($0, category[$0] ?? zeros) }
        self.counts = counts
    }

    public var years: [Int] { allocation.years }
    public var totalAllocated: Int { allocation.allocated.reduce(0, +) }
}
