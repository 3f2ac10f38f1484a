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
    /// By the memo's objectives: an application's money split evenly over the objectives it names
    /// (whole kroner, the remainder to the first), so the table adds up; `nil` is "no objective".
    public var byObjective: [(objective: Objective?, amounts: [Int])]
    public var byTargetGroup: [(group: TargetGroup, amounts: [Int])]
    public var counts: [FundingStatus: Int]

    public init(_ allocation: Allocation, stamp: InputStamp? = nil) {
        self.allocation = allocation
        self.stamp = stamp
        let n = allocation.years.count
        let zeros = Array(repeating: 0, count: n)
        // One pass, each total in an array slot: areas numbered as first met, the vocabularies by
        // their position in `allCases`.
        var areaIndex: [String: Int] = [:]
        var areaList: [Area] = []
        var areaAmounts: [[Int]] = []
        let riskIndex = positions(RiskClass.self)
        let focusIndex = positions(FocusArea.self)
        let categories = CostCategory.allCases
        var risk = [[Int]](repeating: zeros, count: riskIndex.count)
        var focus = [[Int]](repeating: zeros, count: focusIndex.count + 1)
        var category = [[Int]](repeating: zeros, count: categories.count)
        let objectiveIndex = positions(Objective.self)
        let targetIndex = positions(TargetGroup.self)
        var objective = [[Int]](repeating: zeros, count: objectiveIndex.count + 1)
        var target = [[Int]](repeating: zeros, count: targetIndex.count)
        let statuses = positions(FundingStatus.self)
        var statusCounts = [Int](repeating: 0, count: statuses.count)
        let outcomes = allocation.outcomes
        for i in outcomes.indices {
            // Fields read in place (no copy of the outcome and its arrays per application).
            statusCounts[statuses[outcomes[i].status]!] += 1
            let area = outcomes[i].prepared.area
            let a: Int
            if let known = areaIndex[area.id] {
                a = known
            } else {
                a = areaList.count
                areaIndex[area.id] = a
                areaList.append(area)
                areaAmounts.append(zeros)
            }
            let r = riskIndex[area.risk]!
            let f = outcomes[i].prepared.application.primaryFocus.map { focusIndex[$0]! } ?? focusIndex.count
            for y in 0..<n {
                let line = outcomes[i].granted[y]
                let amount = line.total
                areaAmounts[a][y] += amount
                risk[r][y] += amount
                focus[f][y] += amount
                for (c, key) in categories.enumerated() { category[c][y] += line[key] ?? 0 }
                target[targetIndex[outcomes[i].application.targetGroup]!][y] += amount
                let named = outcomes[i].application.objectives
                if named.isEmpty {
                    objective[objectiveIndex.count][y] += amount
                } else {
                    let part = amount / named.count
                    let rest = amount - part * named.count
                    for (k, o) in named.enumerated() { objective[objectiveIndex[o]!][y] += part + (k < rest ? 1 : 0) }
                }
            }
        }
        var counts: [FundingStatus: Int] = [:]
        for (status, k) in statuses where statusCounts[k] > 0 { counts[status] = statusCounts[k] }
        byArea = areaList.indices.sorted { areaList[$0].id < areaList[$1].id }.map { (areaList[$0], areaAmounts[$0]) }
        byRisk = RiskClass.allCases.enumerated().map { ($1, risk[$0]) }
        byFocus = FocusArea.allCases.enumerated().map { (Optional($1), focus[$0]) } + [(nil, focus[focusIndex.count])]
        byCategory = categories.enumerated().map { ($1, category[$0]) }
        byObjective =
            Objective.allCases.enumerated().map { (Optional($1), objective[$0]) }
            + (objective[objectiveIndex.count].contains { $0 != 0 } ? [(nil, objective[objectiveIndex.count])] : [])
        byTargetGroup = TargetGroup.allCases.enumerated().map { ($1, target[$0]) }
        self.counts = counts
    }

    public var years: [Int] { allocation.years }
    public var totalAllocated: Int { allocation.allocated.reduce(0, +) }
}

/// Each case's position in `allCases`.
private func positions<K: CaseIterable & Hashable>(_: K.Type) -> [K: Int] {
    Dictionary(uniqueKeysWithValues: K.allCases.enumerated().map { ($1, $0) })
}
