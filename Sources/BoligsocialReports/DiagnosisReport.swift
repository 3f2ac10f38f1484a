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
        var lines = ["\(scenario.name): the scenario is infeasible: its rules cannot all hold within its envelopes.",
                     "Conflicting rules, and the smallest relaxation of each that makes the scenario feasible:"]
        for r in diagnosis.relaxations {
            lines.append("- " + sentence(r))
        }
        lines.append("Relaxed [rules] that make it feasible: " + relaxedKeys().joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }

    func sentence(_ r: Diagnosis.Relaxation) -> String {
        let what = labels.constraint(r.kind)
        switch r.kind {
        case .focusFloor(let focus, _):
            return "\(what): short by \(number.kr(Int(r.shortfall.rounded(.up)))); lower rules.focus_floor.\(focus.rawValue) from "
                + "\(number.kr(Int(r.current))) to \(number.kr(Int(r.needed)))"
        case .primaryShare:
            return "\(what): short by \(number.kr(Int(r.shortfall.rounded(.up)))) of primary-area money; lower rules.primary_share_min from "
                + "\(number.decimal(r.current, places: 4)) to \(number.decimal(r.needed, places: 4))"
        case .areaShare:
            return "\(what): over by \(number.kr(Int(r.shortfall.rounded(.up)))); raise rules.area_share_max from "
                + "\(number.decimal(r.current, places: 4)) to \(number.decimal(r.needed, places: 4))"
        case .maxProjects:
            return "\(what): \(Int(r.shortfall.rounded(.up))) more needed; raise rules.max_projects from \(Int(r.current)) to \(Int(r.needed))"
        case .minimumFraction:
            return "\(what): lower its minimum share from \(number.decimal(r.current, places: 4)) to \(number.decimal(r.needed, places: 4))"
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
