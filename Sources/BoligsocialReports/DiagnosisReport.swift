import BoligsocialCore

/// The message of an infeasible scenario (exit 2): each conflicting rule, its year, and how far
/// to relax it, in the scenario file's own keys.
public struct DiagnosisReport: Sendable {
    public let scenario: Scenario
    public let diagnosis: Diagnosis
    let labels: Labels
    let number: NumberFormat

    public init(scenario: Scenario, diagnosis: Diagnosis, language: Language = .en) {
        self.scenario = scenario
        self.diagnosis = diagnosis
        labels = Labels(language)
        number = NumberFormat(language)
    }

    public func text() -> String {
        var lines = [labels.infeasible(scenario.name), labels.conflicting]
        for r in diagnosis.relaxations {
            lines.append("- " + sentence(r))
        }
        lines.append(labels.relaxedRules(relaxedKeys().joined(separator: ", ")))
        return lines.joined(separator: "\n") + "\n"
    }

    func sentence(_ r: Diagnosis.Relaxation) -> String {
        let what = labels.constraint(r.kind)
        switch r.kind {
        case .focusFloor(let focus, _):
            return "\(what): \(labels.shortBy(number.kr(Int(r.shortfall.rounded(.up))))); "
                + labels.lower("rules.focus_floor.\(focus.rawValue)", number.kr(Int(r.current)), number.kr(Int(r.needed)))
        case .primaryShare:
            return "\(what): \(labels.shortByPrimary(number.kr(Int(r.shortfall.rounded(.up))))); "
                + labels.lower("rules.primary_share_min", number.decimal(r.current, places: 4), number.decimal(r.needed, places: 4))
        case .areaShare:
            return "\(what): \(labels.overBy(number.kr(Int(r.shortfall.rounded(.up))))); "
                + labels.raise("rules.area_share_max", number.decimal(r.current, places: 4), number.decimal(r.needed, places: 4))
        case .maxProjects:
            return "\(what): \(labels.moreNeeded(Int(r.shortfall.rounded(.up)))); "
                + labels.raise("rules.max_projects", String(Int(r.current)), String(Int(r.needed)))
        case .minimumFraction:
            return "\(what): " + labels.lowerMinimumShare(number.decimal(r.current, places: 4), number.decimal(r.needed, places: 4))
        case .envelope, .envelopeScale, .fundedOnlyIfSelected:
            return what
        }
    }

    func relaxedKeys() -> [String] {
        let before = scenario.rules, after = diagnosis.relaxedRules
        var keys: [String] = []
        if after.primaryShareMin != before.primaryShareMin, let v = after.primaryShareMin { keys.append("primary_share_min = \(v)") }
        if after.areaShareMax != before.areaShareMax, let v = after.areaShareMax { keys.append("area_share_max = \(v)") }
        if after.maxProjects != before.maxProjects, let v = after.maxProjects { keys.append("max_projects = \(v)") }
        if after.minFraction != before.minFraction, let v = after.minFraction { keys.append("min_fraction = \(v)") }
        for focus in FocusArea.allCases where after.focusFloor[focus] != before.focusFloor[focus] {
            keys.append("focus_floor.\(focus.rawValue) = \(Int(after.focusFloor[focus] ?? 0))")
        }
        return keys
    }
}
