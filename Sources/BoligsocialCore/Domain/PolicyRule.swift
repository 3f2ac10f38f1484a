/// The policy rules of `[rules]` that hold money or projects back, each described once: its key
/// in a scenario file, how its value is read and kept in `Rules`, which way it loosens, the grid a
/// loosening is given on, and how its rows are relaxed in the infeasibility diagnosis. Its rows
/// are built by `AllocationModel`; its words are in the reports module (`Labels.words(for:)`).
/// Adding a rule means a case here, its rows, and its words.
public enum PolicyRule: Sendable, Hashable {
    /// Memo 3.1: a least share of each year's money to the primary areas.
    case primaryShareMin
    /// Spreading the money: at most this share of an envelope to one area.
    case areaShareMax
    /// Memo 3.3: kroner a year that must go to applications of a focus area.
    case focusFloor(FocusArea)
    /// At most this many projects funded.
    case maxProjects
    /// A funded application gets at least this share of what it applied for.
    case minFraction
    /// Under `per_year`: how much an application's share may change from one year to the next.
    case yearToYearChangeMax
    /// Co-funding: SOF grants at most this share of a project's total budget in a year.
    case sofShareMax

    /// What a value counts.
    public enum Unit: Sendable { case share, kroner, projects }
    /// Which way the rule loosens: a least value is lowered, a most value raised.
    public enum Loosening: Sendable { case lower, raise }

    /// The rules with one value each, in the order of a scenario file's `[rules]` table, then the
    /// focus floors in the order of the focus areas.
    public static let all: [PolicyRule] =
        [.primaryShareMin, .areaShareMax, .maxProjects, .minFraction, .yearToYearChangeMax, .sofShareMax]
        + FocusArea.allCases.map { .focusFloor($0) }

    /// The key's path under `[rules]`: `["primary_share_min"]`, `["focus_floor", "health"]`.
    public var path: [String] {
        switch self {
        case .primaryShareMin: ["primary_share_min"]
        case .areaShareMax: ["area_share_max"]
        case .focusFloor(let focus): ["focus_floor", focus.rawValue]
        case .maxProjects: ["max_projects"]
        case .minFraction: ["min_fraction"]
        case .yearToYearChangeMax: ["year_to_year_change_max"]
        case .sofShareMax: ["sof_share_max"]
        }
    }

    /// The rule's code in JSON (`rule`): the first key of its path.
    public var code: String { path[0] }
    /// The key under `[rules]` as a scenario file writes it dotted (`focus_floor.health`).
    public var name: String { path.joined(separator: ".") }
    /// The whole key (`rules.primary_share_min`).
    public var key: String { "rules." + name }

    public var unit: Unit {
        switch self {
        case .focusFloor: .kroner
        case .maxProjects: .projects
        case .primaryShareMin, .areaShareMax, .minFraction, .yearToYearChangeMax, .sofShareMax: .share
        }
    }

    public var loosening: Loosening {
        switch self {
        case .primaryShareMin, .focusFloor, .minFraction: .lower
        case .areaShareMax, .maxProjects, .yearToYearChangeMax, .sofShareMax: .raise
        }
    }

    /// The rule's value in `rules` (`nil` when it is off).
    public func value(in rules: Rules) -> Double? {
        switch self {
        case .primaryShareMin: rules.primaryShareMin
        case .areaShareMax: rules.areaShareMax
        case .focusFloor(let focus): rules.focusFloor[focus]
        case .maxProjects: rules.maxProjects.map(Double.init)
        case .minFraction: rules.minFraction
        case .yearToYearChangeMax: rules.yearToYearChangeMax
        case .sofShareMax: rules.sofShareMax
        }
    }

    /// Sets the rule's value (a count of projects is whole).
    public func set(_ value: Double, in rules: inout Rules) {
        switch self {
        case .primaryShareMin: rules.primaryShareMin = value
        case .areaShareMax: rules.areaShareMax = value
        case .focusFloor(let focus): rules.focusFloor[focus] = value
        case .maxProjects: rules.maxProjects = Int(value)
        case .minFraction: rules.minFraction = value
        case .yearToYearChangeMax: rules.yearToYearChangeMax = value
        case .sofShareMax: rules.sofShareMax = value
        }
    }

    /// Loosens the rule in `rules` so that a row needing `needed` holds (the loosest need over the
    /// years wins).
    func relax(_ rules: inout Rules, to needed: Double) {
        let now = value(in: rules) ?? needed
        set(loosening == .lower ? min(now, needed) : max(now, needed), in: &rules)
    }

    /// The loosest value the rule can take in `round` (where it holds nothing back), and the grid a
    /// loosening is given on, `n · numerator / denominator` for a whole `n`: a share to 0.0001,
    /// money to 1.000 kr., projects one by one (so a share reads as it would be typed).
    func loosest(in round: Round) -> (value: Double, numerator: Double, denominator: Double) {
        switch (unit, loosening) {
        case (.share, .lower): (0, 1, 10_000)
        case (.share, .raise): (1, 1, 10_000)
        case (.kroner, _): (0, 1000, 1)
        case (.projects, _): (Double(round.applications.count), 1, 1)
        }
    }

    /// The signs of the elastic slack a row of the rule gets in the diagnosis: a least value may
    /// be missed from below, a most value from above; a year-to-year change either way.
    var elasticSigns: [Double] {
        switch self {
        case .yearToYearChangeMax: [1, -1]
        default: loosening == .lower ? [1] : [-1]
        }
    }

    /// The rules of `rules` that are on and can be loosened, in the order of a scenario file's
    /// `[rules]` table (the year-to-year change only under `per_year`).
    public static func on(in rules: Rules) -> [PolicyRule] {
        let single: [PolicyRule] = [
            .primaryShareMin, .areaShareMax, .minFraction, .maxProjects, .yearToYearChangeMax, .sofShareMax,
        ]
        return single.filter {
            $0.value(in: rules) != nil && ($0 != .yearToYearChangeMax || rules.commitment == .perYear)
        }
            + rules.focusFloor.keys.sorted { $0.rawValue < $1.rawValue }.map { .focusFloor($0) }
    }

    /// The rules that can keep an application from any funding at all (named when `wish` finds
    /// no envelopes that fund every target).
    public static let limitsOnFunding: [PolicyRule] = [.maxProjects, .minFraction, .focusFloor(.health), .areaShareMax]
}

extension ConstraintKind {
    /// The policy rule a row of the model belongs to (`nil` for the envelopes, a selection's
    /// switch and a committee decision).
    public var rule: PolicyRule? {
        switch self {
        case .primaryShare: .primaryShareMin
        case .areaShare: .areaShareMax
        case .floor(let focus, _): .focusFloor(focus)
        case .minimumFraction: .minFraction
        case .maxProjects: .maxProjects
        case .yearToYear: .yearToYearChangeMax
        case .sofShare: .sofShareMax
        case .envelope, .envelopeScale, .fundedOnlyIfSelected, .decision: nil
        }
    }
}
