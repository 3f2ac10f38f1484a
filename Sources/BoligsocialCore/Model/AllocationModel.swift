import LinearProgramming

/// The LP/MIP of docs/model.md for one round and scenario, with the maps from columns and rows back to
/// the domain. Amounts enter the model in 1.000 kr., so the duals of the envelope rows are directly
/// priority points per 1.000 kr. and GLPK's numbers stay near 1.
public struct AllocationModel: Sendable {
    public let scenario: Scenario
    public let prepared: [PreparedApplication]
    public private(set) var program: LinearProgram
    /// Share columns per application: `[periodIndex][segment]`; one period under `proportional`,
    /// one per year under `per_year`. Empty for an application that cannot be funded.
    public private(set) var shareColumns: ShareColumns
    public private(set) var selectionColumns: [LinearProgram.ColumnID?]
    public private(set) var carryColumns: [LinearProgram.ColumnID]
    /// `e[y]`, each year's envelope in 1.000 kr. as a column: fixed at the scenario's amount, so a
    /// sweep changes one bound per year and the column's reduced cost is the value of one more
    /// 1.000 kr. in that year (area caps, which scale with the envelope, included).
    public private(set) var envelopeColumns: [LinearProgram.ColumnID] = []
    /// With `.scale`, the envelope scale `t`: `e[y] = t·E[y]`, and `t` is fixed (1 by default).
    public private(set) var scaleColumn: LinearProgram.ColumnID?
    public private(set) var envelopeRows: [LinearProgram.RowID] = []
    /// What each row is, in the memo's terms (kind, year, area, application), in row order.
    public private(set) var rowKinds: [ConstraintKind] = []
    /// Which applications each row holds money or a selection of, recorded as the row is made:
    /// row `r`'s are `rowApplications[rowApplicationStart[r]..<rowApplicationStart[r + 1]]`
    /// (application positions in `prepared`, each once).
    private var rowApplications: [Int32] = []
    private var rowApplicationStart: [Int] = [0]
    /// The application each column belongs to (its share segments and its selection), or -1.
    private var columnOwner: [Int32] = []
    /// Each column's value per unit of share (`periodScale` for a share column, 1 for the others).
    private(set) var columnScale: [Double] = []

    public static let unit = 1000.0

    /// What a share column's value is per unit of share: the period's largest yearly request in
    /// 1.000 kr. (the year's own under `per_year`), so the share is the value over this.
    static func periodScale(_ p: PreparedApplication, period: Int, perYear: Bool) -> Double {
        (perYear ? p.eligibleByYear[period] : (p.eligibleByYear.max() ?? 0)) / unit
    }

    /// The share a set of a period's share columns holds in `solution` (their values over their scale).
    public func share(_ columns: LinearProgram.ColumnRange, in solution: Solution) -> Double {
        columns.reduce(0) { $0 + solution.value($1) / columnScale[$1.index] }
    }

    /// A share column's value per unit of share (1 for every other column).
    public func scale(of column: LinearProgram.ColumnID) -> Double { columnScale[column.index] }

    /// The factor the selection rows of application `a` are multiplied by (its share over all years
    /// times this is money in 1.000 kr.), so a slack in them is in 1.000 kr. too.
    public func selectionScale(_ a: Int) -> Double {
        let p = prepared[a]
        return scenario.rules.commitment == .perYear
            ? p.eligibleTotal / Self.unit : Self.periodScale(p, period: 0, perYear: false)
    }

    /// The applications whose share or selection is in row `r` (positions in `prepared`).
    public func applications(inRow r: Int) -> ArraySlice<Int32> {
        rowApplications[rowApplicationStart[r]..<rowApplicationStart[r + 1]]
    }

    /// How the envelopes enter the model.
    public enum EnvelopeParameter: Sendable {
        /// Each year's envelope is a column fixed at the scenario's amount.
        case fixed
        /// All years move together with one scale column `t` (`e[y] = t·E[y]`): the parameter of
        /// the frontier, whose range of optimality GLPK can analyse.
        case scale
        /// The envelopes are for the model to choose (`e[y] ≥ 0`): the wish proposal.
        case chosen
    }
    public let parameter: EnvelopeParameter
    public let lean: Bool

    /// `lean` leaves out area-cap rows that cannot bind at the scenario's own envelopes: right for
    /// one solve, wrong for a kept problem whose envelopes a sweep or a frontier will move.
    public init(round: Round, scenario: Scenario, parameter: EnvelopeParameter = .fixed, lean: Bool = false)
        throws(LPError)
    {
        self.scenario = scenario
        self.parameter = parameter
        self.lean = lean && parameter == .fixed
        self.prepared = Self.prepare(round: round, scenario: scenario)
        program = LinearProgram(name: "boligsocial", sense: .maximize)
        shareColumns = ShareColumns()
        selectionColumns = []
        carryColumns = []
        try build()
    }

    static func prepare(round: Round, scenario: Scenario) -> [PreparedApplication] {
        let rules = scenario.rules
        return round.applications.map { application in
            let area =
                round.area(application.areaID)
                ?? Area(id: application.areaID, name: application.areaID, district: "", risk: .other)
            let eligibility = Eligibility(application, rules: rules)
            let decision = scenario.decisions[application.id]
            // Nearly every application may have all its lines: then its requests are shared, not copied.
            // A decision that overrides eligibility opens every line.
            let request =
                decision?.overrideEligibility == true || CostCategory.allCases.allSatisfy(eligibility.allows)
                ? application.requests
                : application.requests.map { byCategory in byCategory.filter { eligibility.allows($0.key) } }
            let byYear = request.map(\.total)
            return PreparedApplication(
                application: application, area: area, eligibility: eligibility,
                weight: WeightBreakdown(application, risk: area.risk, weights: scenario.weights),
                eligibleRequest: request, eligibleByYear: byYear, eligibleTotal: byYear.reduce(0, +),
                minFraction: application.minFraction ?? rules.minFraction, decision: decision)
        }
    }

    private mutating func build() throws(LPError) {
        let years = scenario.years
        let rules = scenario.rules
        let returns = rules.returns ?? [1]
        let segments = returns.count
        let perYear = rules.commitment == .perYear
        let periods = perYear ? years.count : 1
        program.reserve(
            columns: prepared.count * periods * segments, rows: years.count * 4,
            nonzeros: prepared.count * years.count * segments * 3)

        // Columns: the share segments, each carrying its period's money rather than a bare share, so
        // every money row has coefficients of at most 1 and the magnitudes sit in the bounds (a
        // request of 10^12 kr. beside an envelope of 10^6 kr. stays exact): v_s = φ_s·k with k the
        // period's largest yearly request in 1.000 kr., v_s ∈ [0, k/S], earning w·d_s·U/(1000·k).
        shareColumns.reserve(applications: prepared.count, periods: periods)
        // A column's name is its application's part and a period-and-segment part, kept apart
        // (LinearProgram.Column): each short enough to need no allocation.
        let suffixes = (0..<periods).map { period in
            returns.indices.map { s in (perYear ? "_\(years[period])" : "") + (segments > 1 ? "_s\(s + 1)" : "") }
        }
        var byPeriod: [Range<Int>] = []
        for (a, p) in prepared.enumerated() {
            guard p.isFundable, p.eligibleTotal > 0, p.weight.weight.isFinite else {
                shareColumns.append([])
                continue
            }
            byPeriod.removeAll(keepingCapacity: true)
            let base = "phi_" + Self.sanitized(p.application.id)
            for period in 0..<periods {
                let request = perYear ? p.eligibleByYear[period] : p.eligibleTotal
                let scale = Self.periodScale(p, period: period, perYear: perYear)
                let first = program.columns.count
                if request > 0 {
                    for (s, d) in returns.enumerated() {
                        try addColumn(
                            base, suffix: suffixes[period][s], bounds: .between(0, scale / Double(segments)),
                            objective: Self.objective(
                                weight: p.weight.weight, return: d, request: request, scale: scale),
                            owner: a, scale: scale)
                    }
                }
                byPeriod.append(first..<program.columns.count)
            }
            shareColumns.append(byPeriod)
        }

        // Rows 1: envelopes, with optional carry-over of unspent money to the next year:
        // Σ x[y] + c[y] − c[y−1] − e[y] ≤ 0.
        for (y, year) in years.enumerated() {
            let amount = scenario.envelopes[y] / Self.unit
            let bounds: LinearProgram.Bounds = parameter == .fixed ? .equal(amount) : .atLeast(0) // .scale and .chosen
            envelopeColumns.append(try addColumn("E_\(year)", bounds: bounds))
        }
        if parameter == .scale {
            let t = try addColumn("scale", bounds: .equal(1))
            scaleColumn = t
            for (y, year) in years.enumerated() {
                try addRow(
                    "scaled_envelope_\(year)", .equal(0),
                    [(envelopeColumns[y], 1), (t, -scenario.envelopes[y] / Self.unit)],
                    .envelopeScale(year: year))
            }
        }
        if rules.carryOver {
            for y in years.indices.dropLast() {
                carryColumns.append(try addColumn("carry_\(years[y])", bounds: .atLeast(0)))
            }
        }
        for (y, year) in years.enumerated() {
            var terms = moneyTerms(year: y) { _ in 1 }
            if rules.carryOver {
                if y < years.count - 1 { terms.append((carryColumns[y], 1)) }
                if y > 0 { terms.append((carryColumns[y - 1], -1)) }
            }
            terms.append((envelopeColumns[y], -1))
            envelopeRows.append(try addRow("envelope_\(year)", .atMost(0), terms, .envelope(year: year)))
        }
        // 2: primary areas' share of each year's money: Σ (primary − s)·x ≥ 0.
        if let s = rules.primaryShareMin {
            for (y, year) in years.enumerated() {
                let terms = moneyTerms(year: y) { p in (p.area.risk.isPrimary ? 1 : 0) - s }
                try addRow("primary_share_\(year)", .atLeast(0), terms, .primaryShare(year: year))
            }
        }
        // 3: each area's money ≤ m·E[y].
        if let m = rules.areaShareMax {
            // Applications grouped by area in one pass (areas in order of first appearance), so the
            // rows cost O(applications), not O(areas × applications).
            var areaOrder: [String] = []
            var members: [String: [Int]] = [:]
            for (a, p) in prepared.enumerated() {
                if members[p.area.id] == nil { areaOrder.append(p.area.id) }
                members[p.area.id, default: []].append(a)
            }
            for area in areaOrder {
                for (y, year) in years.enumerated() {
                    let terms = moneyTerms(year: y, among: members[area] ?? []) { _ in 1 }
                    if terms.isEmpty { continue }
                    // In a lean model (one solve at fixed envelopes), an area whose whole request fits
                    // under its cap can never bind: no row (fewer rows, a faster GLPK on large rounds).
                    let mostMoney = terms.reduce(0) { $0 + $1.1 * columnScale[$1.0.index] } / Double(segments)
                    if lean, mostMoney <= m * scenario.envelopes[y] / Self.unit * (1 - 1e-9) { continue }
                    try addRow(
                        "area_share_\(Self.sanitized(area))_\(year)", .atMost(0),
                        terms + [(envelopeColumns[y], -m)], .areaShare(area: area, year: year))
                }
            }
        }
        // 4: focus floors on the primary focus.
        for focus in FocusArea.allCases {
            guard let floor = rules.focusFloor[focus], floor > 0 else { continue }
            for (y, year) in years.enumerated() {
                let terms = moneyTerms(year: y) { p in p.application.primaryFocus == focus ? 1 : 0 }
                try addRow(
                    "focus_floor_\(focus.rawValue)_\(year)", .atLeast(floor / Self.unit), terms,
                    .floor(focus, year: year))
            }
        }
        try addSelectionRules()
        try addDecisions()
        try addYearToYearRule()
        try addSofShareRule()
    }

    /// Rule 8, under `per_year`: `−c ≤ φ[a,y] − φ[a,y−1] ≤ c` for years that both ask for money,
    /// each share the sum of its period's columns over their scale.
    private mutating func addYearToYearRule() throws(LPError) {
        guard let c = scenario.rules.yearToYearChangeMax, scenario.rules.commitment == .perYear else { return }
        let years = scenario.years
        for (a, p) in prepared.enumerated() where shareColumns[a].count == years.count {
            for y in years.indices.dropFirst() where !shareColumns[a][y].isEmpty && !shareColumns[a][y - 1].isEmpty {
                let now = shareColumns[a][y].map { ($0, 1 / columnScale[$0.index]) }
                let before = shareColumns[a][y - 1].map { ($0, -1 / columnScale[$0.index]) }
                try addRow(
                    "year_to_year_\(Self.sanitized(p.application.id))_\(years[y])", .between(-c, c), now + before,
                    .yearToYear(application: p.application.id, year: years[y]))
            }
        }
    }

    /// Co-funding: in each year SOF grants at most `sof_share_max` of a project's total budget,
    /// `x[a,y] ≤ s·B[a,y]`; a year without a budget, or one the share cannot bind in, has no row.
    private mutating func addSofShareRule() throws(LPError) {
        guard let s = scenario.rules.sofShareMax else { return }
        for (a, p) in prepared.enumerated() where !shareColumns[a].isEmpty {
            for (y, year) in scenario.years.enumerated() {
                guard let budget = p.application.totalBudget(year: y), p.eligibleByYear[y] > s * budget else {
                    continue
                }
                try addRow(
                    "sof_share_\(Self.sanitized(p.application.id))_\(year)", .atMost(s * budget / Self.unit),
                    moneyTerms(year: y, among: [a]) { _ in 1 }, .sofShare(application: p.application.id, year: year))
            }
        }
    }

    /// Rule 7: the committee's decisions. The share over all years, times the selection scale K (so
    /// the row is in 1.000 kr.), lies in the decided range: `lo·K ≤ Σ v ≤ hi·K`.
    private mutating func addDecisions() throws(LPError) {
        for (a, p) in prepared.enumerated() {
            guard let decision = p.decision, !shareColumns[a].isEmpty else { continue }
            if case .perYear(let low, let high) = decision.kind {
                // Under per_year a period's columns carry that year's money in 1.000 kr.
                guard shareColumns[a].count == scenario.years.count else { continue }
                for (y, year) in scenario.years.enumerated()
                where (low[year] != nil || high[year] != nil) && !shareColumns[a][y].isEmpty {
                    let money = shareColumns[a][y].map { ($0, 1.0) }
                    let lower = min(low[year] ?? 0, p.eligibleByYear[y]) / Self.unit
                    let upper = min(high[year] ?? .infinity, p.eligibleByYear[y]) / Self.unit
                    try addRow(
                        "decision_\(Self.sanitized(p.application.id))_\(year)", .between(lower, max(lower, upper)),
                        money,
                        .decision(application: p.application.id))
                }
                continue
            }
            let range = decision.shareRange(eligibleTotal: p.eligibleTotal)
            let k = selectionScale(a)
            let money = shareColumns[a].flatMap { $0 }.map { ($0, 1.0) }
            let bounds: LinearProgram.Bounds =
                range.lowerBound == range.upperBound
                ? .equal(range.lowerBound * k) : .between(range.lowerBound * k, range.upperBound * k)
            try addRow(
                "decision_\(Self.sanitized(p.application.id))", bounds, money, .decision(application: p.application.id))
        }
    }

    /// Rules 5 and 6: a binary `z[a]` per application that needs one; `m·z ≤ share ≤ z`, `Σ z ≤ K`.
    private mutating func addSelectionRules() throws(LPError) {
        let rules = scenario.rules
        selectionColumns = Array(repeating: nil, count: prepared.count)
        for (a, p) in prepared.enumerated() where !shareColumns[a].isEmpty {
            let m = p.minFraction ?? 0
            guard m > 0 || rules.maxProjects != nil else { continue }
            let z = try addColumn(
                "z_\(Self.sanitized(p.application.id))", bounds: .between(0, 1), kind: .binary, owner: a)
            selectionColumns[a] = z
            // The share over all years, σ = Σ_y (U_y / U) φ_y under per_year and φ under proportional,
            // times K = selectionScale(a): Σ of the share columns' values (money in 1.000 kr.), so
            // `m·z ≤ σ ≤ z` reads `Σ v − m·K·z ≥ 0` and `Σ v − K·z ≤ 0`.
            let money = shareColumns[a].flatMap { $0 }.map { ($0, 1.0) }
            let k = selectionScale(a)
            let id = p.application.id
            if m > 0 {
                try addRow(
                    "min_fraction_\(Self.sanitized(id))", .atLeast(0), money + [(z, -m * k)],
                    .minimumFraction(application: id))
            }
            try addRow(
                "selected_\(Self.sanitized(id))", .atMost(0), money + [(z, -k)], .fundedOnlyIfSelected(application: id))
            // With more than one share column (a segment of diminishing returns, a year of its
            // own), each column is switched on by `z` by itself too: `v ≤ u·z` with `u` its upper
            // bound. The sum row above follows from these; they cut off the fractional `z` of the
            // LP relaxation (a first segment funded in full with `z` a third), which is what made
            // branch-and-cut slow on such rounds.
            let columns = shareColumns[a].flatMap { $0 }
            if columns.count > 1 {
                for (n, column) in columns.enumerated() {
                    guard let u = program.columns[column.index].bounds.upper, u > 0 else { continue }
                    try addRow(
                        "selected_\(Self.sanitized(id))_\(n + 1)", .atMost(0), [(column, 1), (z, -u)],
                        .fundedOnlyIfSelected(application: id))
                }
            }
        }
        if let k = rules.maxProjects {
            let terms = selectionColumns.compactMap { $0.map { ($0, 1.0) } }
            if !terms.isEmpty { try addRow("max_projects", .atMost(Double(k)), terms, .maxProjects) }
        }
    }

    /// Points per extra 1.000 kr. of each year's envelope: `−Σ_i π_i·a[i, e_y]`, the envelope row's
    /// dual plus `m` times the duals of that year's area caps, which grow with the envelope. Taken
    /// from the row duals rather than the reduced cost of the fixed column `e[y]`, which GLPK may
    /// report as 0 when the column sits in a degenerate basis.
    public func envelopeMarginals(_ solution: Solution) -> [Double] {
        scenario.years.indices.map { y in
            var value = solution.dual(envelopeRows[y]) ?? 0
            if let m = scenario.rules.areaShareMax {
                for (r, kind) in rowKinds.enumerated() {
                    if case .areaShare(_, let year) = kind, year == scenario.years[y] {
                        value += m * solution.rowDuals[r]
                    }
                }
            }
            return value
        }
    }

    @discardableResult
    private mutating func addRow(
        _ name: String, _ bounds: LinearProgram.Bounds, _ terms: [(LinearProgram.ColumnID, Double)],
        _ kind: ConstraintKind
    ) throws(LPError) -> LinearProgram.RowID {
        let row = try program.addRow(name, bounds: bounds, terms: terms)
        rowKinds.append(kind)
        // An application's columns come one after another in a row's terms: one entry each.
        var last: Int32 = -1
        for (column, _) in terms {
            let owner = columnOwner[column.index]
            if owner >= 0, owner != last { rowApplications.append(owner) }
            last = owner
        }
        rowApplicationStart.append(rowApplications.count)
        return row
    }

    @discardableResult
    private mutating func addColumn(
        _ name: String, suffix: String = "", bounds: LinearProgram.Bounds, kind: LinearProgram.Kind = .continuous,
        objective: Double = 0,
        owner: Int = -1, scale: Double = 1
    ) throws(LPError) -> LinearProgram.ColumnID {
        let column = try program.addColumn(name, suffix: suffix, bounds: bounds, kind: kind, objective: objective)
        columnOwner.append(Int32(owner))
        columnScale.append(scale)
        return column
    }
}
