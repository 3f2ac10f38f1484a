import BoligsocialCore

/// The reasons of an application's outcome in words, English and Danish side by side.
extension Labels {
    /// What an eligibility rule that fails means for the application.
    public func ineligibility(_ reason: IneligibilityReason) -> String {
        switch reason {
        case .sofNotInSteeringGroup:
            pick(
                "Socialforvaltningen is not represented in the project's steering group",
                "Socialforvaltningen er ikke repræsenteret i projektets styregruppe")
        case .noObjective:
            pick(
                "the application names none of the memo's overall objectives",
                "ansøgningen peger ikke på nogen af notatets overordnede målsætninger")
        case .activitiesWithoutAccounting:
            pick(
                "activity money is requested without a commitment to account for it afterwards",
                "der søges aktivitetsmidler uden tilsagn om efterfølgende regnskab for dem")
        case .needNotDocumented:
            pick(
                "the application does not document why the project is relevant and which need it meets",
                "ansøgningen dokumenterer ikke, hvorfor indsatsen er relevant, og hvilket behov den dækker")
        }
    }

    /// A row that holds an application back, as a reason.
    func holdingBack(_ kind: ConstraintKind) -> String {
        switch kind {
        case .envelope(let year):
            pick(
                "the \(year) envelope is used up by applications with more priority points per krone",
                "rammen for \(year) er brugt op af ansøgninger med flere prioritetspoint pr. krone")
        case .fundedOnlyIfSelected:
            pick("it was not among the selected projects", "den er ikke blandt de udvalgte projekter")
        default: constraint(kind)
        }
    }

    func weightFactor(_ factor: WeightFactor) -> String {
        switch factor {
        case .focus(let f): pick("the focus area (\(focus(f)))", "indsatsområdet (\(focus(f)))")
        case .risk(let r): pick("the risk class (\(risk(r)))", "risikoklassen (\(risk(r)))")
        case .targetGroup(let t):
            t == .primary
                ? pick("the target group (primary)", "målgruppen (primær)")
                : pick("the target group (secondary)", "målgruppen (sekundær)")
        case .quality: pick("the quality bonus", "kvalitetstillægget")
        case .objective: pick("the weight of its objectives", "vægten af dens målsætninger")
        case .assessment(let score):
            score.map { pick("the caseworker's assessment (\($0))", "sagsbehandlerens vurdering (\($0))") }
                ?? pick("the caseworker's assessment (not assessed)", "sagsbehandlerens vurdering (ikke vurderet)")
        }
    }

    /// One reason as a sentence; `number` formats its numbers in the report's language.
    public func reason(_ reason: OutcomeReason, number: NumberFormat) -> String {
        func rows(_ binding: [ConstraintKind], _ fallback: String) -> String {
            binding.isEmpty ? fallback : binding.map(holdingBack).joined(separator: "; ")
        }
        switch reason {
        case .ineligible(let why):
            let sentence = ineligibility(why)
            return why.isWholeApplication
                ? pick(
                    "ineligible: \(sentence) (\(why.principle))",
                    "ikke støtteberettiget: \(sentence) (\(why.principle))")
                : pick(
                    "activity lines not eligible: \(sentence) (\(why.principle))",
                    "aktivitetsposterne kan ikke støttes: \(sentence) (\(why.principle))")
        case .onlyIneligibleLines:
            return pick(
                "ineligible: it asks only for money that may not be granted",
                "ikke støtteberettiget: ansøgningen søger kun midler, der ikke kan støttes")
        case .nothingEligibleRequested:
            return pick("no eligible money is requested", "der søges ikke om midler, der kan støttes")
        case .fullyFunded(let cut) where cut > 0:
            return pick(
                "fully funded (the eligible part): every eligible line is granted in full; \(number.kr(cut)) on lines that may not be funded is cut",
                "fuldt støttet (den støtteberettigede del): alle støtteberettigede poster er bevilget fuldt ud; \(number.kr(cut)) på poster, der ikke kan støttes, er trukket fra"
            )
        case .fullyFunded:
            return pick(
                "fully funded: every eligible line is granted in full",
                "fuldt støttet: alle støtteberettigede poster er bevilget fuldt ud")
        case .partlyFunded(let share, let binding):
            let held = rows(binding, pick("a rule limits it", "en regel begrænser den"))
            return pick(
                "partly funded (\(number.percent(share))): \(held)",
                "delvist støttet (\(number.percent(share))): \(held)")
        case .unfunded(let binding):
            let held = rows(
                binding,
                pick(
                    "applications with more priority points per krone used the money",
                    "ansøgninger med flere prioritetspoint pr. krone har fået pengene"))
            return pick("not funded: \(held)", "ikke støttet: \(held)")
        case .lowWeight(let factor, let value, let best):
            let v = number.decimal(value, places: 2)
            let b = number.decimal(best, places: 2)
            return pick(
                "its weight is held down by \(weightFactor(factor)): \(v) against at most \(b)",
                "vægten trækkes ned af \(weightFactor(factor)): \(v) mod højst \(b)")
        case .decided(let kind, let reason, _):
            return pick(
                "decided by the committee: \(decided(kind, number: number)) (\(reason))",
                "udvalgets beslutning: \(decided(kind, number: number)) (\(reason))")
        case .criterionOverridden(let why):
            return pick(
                "criterion not met, set aside by the committee's decision: \(ineligibility(why)) (\(why.principle))",
                "kriteriet er ikke opfyldt, men udvalget har besluttet støtte: \(ineligibility(why)) (\(why.principle))"
            )
        case .belowLastFunded(let weight, let lastWeight, let lastID):
            let w = number.decimal(weight, places: 3)
            let l = number.decimal(lastWeight, places: 3)
            return pick(
                "weight \(w) against \(l) for the last application in priority order that gets money (\(lastID))",
                "vægt \(w) mod \(l) for den sidste ansøgning i prioriteringsrækkefølgen, der får midler (\(lastID))")
        }
    }

    /// What a decision decides, in words.
    func decided(_ kind: Decision.Kind, number: NumberFormat) -> String {
        switch kind {
        case .full: return pick("funded in full", "fuld støtte")
        case .none: return pick("not funded", "ingen støtte")
        case .share(let s): return pick("funded at \(number.percent(s))", "støtte med \(number.percent(s))")
        case .bounds(let low, let high):
            let parts = [
                low.map { pick("at least \(number.kr(Int($0)))", "mindst \(number.kr(Int($0)))") },
                high.map { pick("at most \(number.kr(Int($0)))", "højst \(number.kr(Int($0)))") },
            ].compactMap { $0 }
            return parts.joined(separator: pick(" and ", " og "))
        case .perYear(let low, let high):
            let years = Set(low.keys).union(high.keys).sorted()
            return years.map { year in
                let parts = [
                    low[year].map { pick("at least \(number.kr(Int($0)))", "mindst \(number.kr(Int($0)))") },
                    high[year].map { pick("at most \(number.kr(Int($0)))", "højst \(number.kr(Int($0)))") },
                ].compactMap { $0 }
                return "\(year) " + parts.joined(separator: pick(" and ", " og "))
            }.joined(separator: ", ")
        }
    }

    /// All of an outcome's reasons, joined as the tables show them.
    public func reasons(_ reasons: [OutcomeReason], number: NumberFormat) -> String {
        reasons.map { reason($0, number: number) }.joined(separator: "; ")
    }
}

/// An outcome's reasons as typed JSON: a code and its parameters for each.
enum ReasonJSON {
    static func make(_ reason: OutcomeReason) -> JSON {
        switch reason {
        case .ineligible(let why): .object([("code", .string("ineligible")), ("rule", .string(why.rawValue))])
        case .onlyIneligibleLines: .object([("code", .string("only_ineligible_lines"))])
        case .nothingEligibleRequested: .object([("code", .string("nothing_eligible_requested"))])
        case .fullyFunded(let cut): .object([("code", .string("fully_funded")), ("cut", .int(cut))])
        case .partlyFunded(let share, let binding):
            .object([
                ("code", .string("partly_funded")), ("share", .double(share.roundedForReport)),
                ("binding", .array(binding.map { .object(ConstraintJSON.fields($0)) })),
            ])
        case .unfunded(let binding):
            .object([
                ("code", .string("unfunded")), ("binding", .array(binding.map { .object(ConstraintJSON.fields($0)) })),
            ])
        case .lowWeight(let factor, let value, let best):
            .object(
                [("code", .string("low_weight"))] + factorFields(factor)
                    + [("value", .double(value.roundedForReport)), ("best", .double(best.roundedForReport))])
        case .criterionOverridden(let why):
            .object([("code", .string("criterion_overridden")), ("rule", .string(why.rawValue))])
        case .decided(let kind, let reason, let overrides):
            .object(
                [("code", .string("decided"))] + decisionFields(kind) + [
                    ("reason", .string(reason)), ("overrides_eligibility", .bool(overrides)),
                ])
        case .belowLastFunded(let weight, let lastWeight, let lastID):
            .object([
                ("code", .string("below_last_funded")), ("weight", .double(weight.roundedForReport)),
                ("last_weight", .double(lastWeight.roundedForReport)), ("last_funded", .string(lastID)),
            ])
        }
    }

    static func decisionFields(_ kind: Decision.Kind) -> [(String, JSON)] {
        switch kind {
        case .full: [("fund", .string("full"))]
        case .none: [("fund", .string("none"))]
        case .share(let s): [("share", .double(s))]
        case .bounds(let low, let high):
            [("min", low.map { .double($0) } ?? .null), ("max", high.map { .double($0) } ?? .null)]
        case .perYear(let low, let high):
            [
                ("min", .object(low.sorted { $0.key < $1.key }.map { (String($0.key), .double($0.value)) })),
                ("max", .object(high.sorted { $0.key < $1.key }.map { (String($0.key), .double($0.value)) })),
            ]
        }
    }

    static func factorFields(_ factor: WeightFactor) -> [(String, JSON)] {
        switch factor {
        case .focus(let f): [("factor", .string("focus")), ("focus", .string(f?.rawValue ?? "outside"))]
        case .risk(let r): [("factor", .string("risk")), ("risk", .string(r.rawValue))]
        case .targetGroup(let t): [("factor", .string("target_group")), ("target_group", .string(t.rawValue))]
        case .quality: [("factor", .string("quality"))]
        case .objective: [("factor", .string("objective"))]
        case .assessment(let score): [("factor", .string("assessment")), ("score", score.map { .int($0) } ?? .null)]
        }
    }
}

/// Every outcome's reasons in words and as JSON, each distinct list of reasons worded once (a
/// large round has thousands of applications held back by the same rows).
struct OutcomeReasons: Sendable {
    /// Per outcome, a position in `texts` and `data`.
    let slot: [Int]
    let texts: [[String]]
    let data: [JSON]

    init(_ outcomes: [ApplicationOutcome], labels: Labels, number: NumberFormat) {
        var seen: [[OutcomeReason]: Int] = [:]
        var slot: [Int] = []
        var texts: [[String]] = []
        var data: [JSON] = []
        slot.reserveCapacity(outcomes.count)
        for o in outcomes {
            if let known = seen[o.reasons] {
                slot.append(known)
                continue
            }
            seen[o.reasons] = texts.count
            slot.append(texts.count)
            texts.append(o.reasons.map { labels.reason($0, number: number) })
            data.append(.array(o.reasons.map(ReasonJSON.make)))
        }
        self.slot = slot
        self.texts = texts
        self.data = data
    }

    func text(_ i: Int) -> [String] { texts[slot[i]] }
    func joined(_ i: Int) -> String { texts[slot[i]].joined(separator: "; ") }
    func json(_ i: Int) -> JSON { data[slot[i]] }
}
