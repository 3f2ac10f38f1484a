import BoligsocialCore

/// The words of each policy rule (PolicyRule.swift), in one place: how its values read, how the
/// diagnosis says a row of it is missed, and its field on the what-if page.
extension Labels {
    /// A value of `rule` as a sentence gives it: kroner, a count of projects, a share to 0.0001.
    func ruleValue(_ rule: PolicyRule, _ v: Double, number: NumberFormat) -> String {
        switch rule.unit {
        case .kroner: number.kr(Int(v.rounded()))
        case .projects: String(Int(v))
        case .share: number.decimal(v, places: 4)
        }
    }

    /// "lower rules.primary_share_min from 0.6 to 0.5523", the way the rule loosens.
    func loosen(_ rule: PolicyRule, from: Double, to: Double, number: NumberFormat) -> String {
        let (now, needed) = (ruleValue(rule, from, number: number), ruleValue(rule, to, number: number))
        return rule.loosening == .lower ? lower(rule.key, now, needed) : raise(rule.key, now, needed)
    }

    /// How far a row of `rule` is missed (`shortfall` in kroner, or projects), as the diagnosis
    /// says it before the loosening; `nil` where the loosening says it all.
    func missed(_ rule: PolicyRule, by shortfall: Double, number: NumberFormat) -> String? {
        let kroner = number.kr(Int(shortfall.rounded(.up)))
        return switch rule {
        case .focusFloor: shortBy(kroner)
        case .primaryShareMin: shortByPrimary(kroner)
        case .areaShareMax, .sofShareMax: overBy(kroner)
        case .maxProjects: moreNeeded(Int(shortfall.rounded(.up)))
        case .minFraction, .yearToYearChangeMax: nil
        }
    }

    /// The label of a share rule's field on the what-if page (`nil`: the page has no field for it).
    func pageLabel(_ rule: PolicyRule) -> String? {
        switch rule {
        case .primaryShareMin: pick("Least share to primary areas", "Mindste andel til primære boligområder")
        case .areaShareMax: pick("Most of an envelope to one area", "Højeste andel af en ramme til ét område")
        case .focusFloor(let focus): pick("Floor a year", "Bundgrænse pr. år") + ": " + self.focus(focus)
        case .maxProjects, .minFraction, .yearToYearChangeMax, .sofShareMax: nil
        }
    }
}
