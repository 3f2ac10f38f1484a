import BoligsocialCore

/// The report of an infeasible scenario (exit 2): each conflicting rule, its year, and how far
/// to relax it, in the scenario file's own keys. As text on standard error, or as a JSON document
/// on the output with `--format json`, so a script gets it too.
public struct DiagnosisReport: Sendable {
    public let infeasible: InfeasibleScenario
    /// `nil` when the elastic model finds no rule to relax (the scenario's rules hold at its own
    /// envelopes, as for a wish no envelope can satisfy) or could not be solved (`failure`).
    public let diagnosis: Diagnosis?
    public let failure: String?
    public let stamp: InputStamp?
    let labels: Labels
    let number: NumberFormat

    public init(
        _ infeasible: InfeasibleScenario, diagnosis: Diagnosis?, failure: String? = nil, stamp: InputStamp? = nil,
        language: Language = .en
    ) {
        self.infeasible = infeasible
        self.diagnosis = diagnosis
        self.failure = failure
        self.stamp = stamp
        labels = Labels(language)
        number = NumberFormat(language)
    }

    /// The report of `infeasible` with its diagnosis made (`Diagnosis.of`): what the command line
    /// and the server both give.
    public init(diagnosing infeasible: InfeasibleScenario, stamp: InputStamp?, language: Language) {
        let (diagnosis, failure) = Diagnosis.of(infeasible)
        self.init(infeasible, diagnosis: diagnosis, failure: failure, stamp: stamp, language: language)
    }

    var scenario: Scenario { infeasible.scenario }

    /// The first line: what has no solution.
    var lead: String {
        switch infeasible.question {
        case .allocation: labels.infeasible(scenario.name)
        case .wish(let threshold, let share):
            labels.wishInfeasible(scenario.name, number.decimal(threshold, places: 3), number.percent(share))
        }
    }

    public func text() -> String {
        var lines = [lead]
        if let diagnosis, !diagnosis.relaxations.isEmpty {
            lines.append(labels.conflicting)
            for r in diagnosis.relaxations { lines.append("- " + sentence(r)) }
            lines.append(labels.relaxedRules(relaxedKeys().map { "\($0.key) = \($0.text)" }.joined(separator: ", ")))
            lines.append(oneChange(diagnosis))
        } else if let failure {
            lines.append(labels.noDiagnosis(failure))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() -> JSON {
        var fields: [(String, JSON)] = [
            ("scenario", .string(scenario.name)),
            ("status", .string("infeasible")),
        ]
        switch infeasible.question {
        case .allocation: fields.append(("question", .string("allocation")))
        case .wish(let threshold, let share):
            fields.append(("question", .string("wish")))
            fields.append(("threshold", .double(threshold.roundedForReport)))
            fields.append(("share", .double(share.roundedForReport)))
        }
        fields.append(("message", .string(lead)))
        let relaxations = diagnosis?.relaxations ?? []
        fields.append(
            (
                "relaxations",
                .array(
                    relaxations.map { r in
                        .object(
                            ConstraintJSON.fields(r.kind) + [
                                ("shortfall", shortfallJSON(r)),
                                ("current", .double(r.current.roundedForReport)),
                                ("needed", .double(r.needed.roundedForReport)),
                                ("text", .string(sentence(r))),
                            ])
                    })
            ))
        fields.append(("relaxed_rules", .object(relaxedKeys().map { ($0.key, .double($0.value.roundedForReport)) })))
        fields.append(("one_rule_alone", .array((diagnosis?.singleRule ?? []).map(RuleChangeJSON.object))))
        fields.append(("one_decision_dropped", .array((diagnosis?.singleDecision ?? []).map { .string($0) })))
        if let failure { fields.append(("diagnosis_failed", .string(failure))) }
        if let stamp { fields.append(("inputs", SolveJSON.inputs(stamp))) }
        return .object(fields)
    }

    /// The single changes that make the scenario feasible on their own: a rule loosened, or a
    /// decision dropped.
    func oneChange(_ d: Diagnosis) -> String {
        let changes =
            d.singleRule.map { labels.change($0, number: number) } + d.singleDecision.map(labels.withoutDecision)
        return changes.isEmpty
            ? labels.noOneRuleFeasible : labels.oneRuleFeasible(changes.joined(separator: "; \(labels.or) "))
    }

    /// The shortfall as the sentence states it: whole kroner or projects rounded up, a share as it is.
    func shortfallJSON(_ r: Diagnosis.Relaxation) -> JSON {
        if case .minimumFraction = r.kind { return .double(r.shortfall.roundedForReport) }
        return .int(Int(r.shortfall.rounded(.up)))
    }

    func sentence(_ r: Diagnosis.Relaxation) -> String {
        let what = labels.constraint(r.kind)
        switch r.kind {
        case .minimumFraction:
            return "\(what): "
                + labels.lowerMinimumShare(number.decimal(r.current, places: 4), number.decimal(r.needed, places: 4))
        case .decision(let id):
            let reason = scenario.decisions[id]?.reason ?? ""
            return "\(what) (\(reason)): "
                + labels.decisionCannotHold(number.kr(Int(r.current.rounded())), number.kr(Int(r.needed.rounded())))
        default:
            guard let rule = r.kind.rule else { return what }
            let missed = labels.missed(rule, by: r.shortfall, number: number).map { $0 + "; " } ?? ""
            return "\(what): \(missed)" + labels.loosen(rule, from: r.current, to: r.needed, number: number)
        }
    }

    /// The `[rules]` keys the relaxations change, with their relaxed values (as a number, and as
    /// written in a scenario file).
    func relaxedKeys() -> [(key: String, value: Double, text: String)] {
        guard let after = diagnosis?.relaxedRules else { return [] }
        return PolicyRule.all.compactMap { rule in
            guard rule.value(in: after) != rule.value(in: scenario.rules) else { return nil }
            let v = rule.value(in: after) ?? 0
            return rule.unit == .share
                ? (rule.name, v, "\(v.roundedForReport)") : (rule.name, Double(Int(v)), "\(Int(v))")
        }
    }
}

/// A row of the model as JSON fields: its rule (a code) and what it belongs to.
enum ConstraintJSON {
    static func fields(_ kind: ConstraintKind) -> [(String, JSON)] {
        let code: String
        let scope: [(String, JSON)]
        switch kind {
        case .envelope(let year): (code, scope) = ("envelope", [("year", .int(year))])
        case .envelopeScale(let year): (code, scope) = ("envelope_scale", [("year", .int(year))])
        case .fundedOnlyIfSelected(let id): (code, scope) = ("selection", [("application", .string(id))])
        case .decision(let id): (code, scope) = ("decision", [("application", .string(id))])
        case .primaryShare(let year): (code, scope) = (kind.rule!.code, [("year", .int(year))])
        case .areaShare(let area, let year):
            (code, scope) = (kind.rule!.code, [("year", .int(year)), ("area", .string(area))])
        case .floor(let focus, let year):
            (code, scope) = (kind.rule!.code, [("year", .int(year)), ("focus", .string(focus.rawValue))])
        case .minimumFraction(let id): (code, scope) = (kind.rule!.code, [("application", .string(id))])
        case .maxProjects: (code, scope) = (kind.rule!.code, [])
        case .yearToYear(let id, let year), .sofShare(let id, let year):
            (code, scope) = (kind.rule!.code, [("application", .string(id)), ("year", .int(year))])
        }
        return [("rule", .string(code))] + scope
    }
}

/// One rule changed alone: its scenario key, the value now and the value that makes it hold.
enum RuleChangeJSON {
    static func object(_ r: RuleChange) -> JSON {
        .object([
            ("key", .string(r.rule.key)), ("current", .double(r.current.roundedForReport)),
            ("needed", .double(r.needed.roundedForReport)),
        ])
    }
}
