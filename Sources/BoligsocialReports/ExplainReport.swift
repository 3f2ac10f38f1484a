import BoligsocialCore

/// `explain`: one application's weight, eligibility, allocation, binding rules and what would fund it.
public struct ExplainReport: Report, Sendable {
    public let explanation: Explanation
    public let scenario: Scenario
    public let stamp: InputStamp?
    let labels: Labels
    let number: NumberFormat

    public init(_ explanation: Explanation, scenario: Scenario, stamp: InputStamp?, language: Language = .en) {
        self.explanation = explanation
        self.scenario = scenario
        self.stamp = stamp
        labels = Labels(language)
        number = NumberFormat(language)
    }

    var outcome: ApplicationOutcome { explanation.outcome }
    var application: Application { outcome.application }
    var weight: WeightBreakdown { outcome.prepared.weight }

    public var stamps: [InputStamp] { stamp.map { [$0] } ?? [] }
    public var language: Language { labels.language }

    public var title: String { "\(application.id): \(application.title)" }

    public var headline: [String] {
        let area = outcome.prepared.area
        var lines = [
            "\(labels.scenario): \(scenario.name)",
            "\(application.id): \(application.title), \(area.name) (\(area.district), \(labels.risk(area.risk)))",
            "\(labels.status): \(labels.status(outcome.status)), \(labels.share.lowercased()) \(number.percent(outcome.share)), "
                + labels.grantedOf(number.kr(outcome.grantedTotal), number.kr(outcome.requested.reduce(0, +))),
        ]
        lines += why()
        return lines
    }

    /// The reasons in words: binding rules, the reduced cost, and what would fund it fully.
    func why() -> [String] {
        var lines: [String] = []
        if outcome.status == .ineligible {
            lines.append(labels.whyIneligible)
            return lines
        }
        // A rule limits only what is not funded in full.
        if outcome.status != .full {
            lines.append(
                outcome.binding.isEmpty
                    ? labels.bindingNone
                    : labels.binding(outcome.binding.map { labels.constraint($0) }.joined(separator: "; ")))
        }
        let w = number.decimal(weight.weight, places: 4)
        if let d = explanation.reducedCostPer1000 {
            switch outcome.status {
            case .full:
                lines.append(labels.reducedCostFull(number.decimal(d, places: 4), w))
            case .unfunded:
                lines.append(labels.reducedCostUnfunded(number.decimal(d, places: 4), w))
            default:
                lines.append(labels.reducedCostMarginal(w))
            }
        }
        switch explanation.envelopeNeed {
        case .factor(let t):
            let extra = zip(explanation.years, explanation.envelope).map {
                "\($0) +\(number.kr(Int((($1 * t) - $1).rounded(.up))))"
            }
            lines.append(labels.moreEnvelope(number.decimal(t, places: 4), extra.joined(separator: ", ")))
            if let byYear = explanation.extraByYear {
                let years = zip(explanation.years, byYear).filter { $0.1 > 0 }.map {
                    "\($0.0) +\(number.kr(Int($0.1)))"
                }
                lines.append(
                    labels.cheapestExtra(years.joined(separator: ", "), total: number.kr(Int(byYear.reduce(0, +)))))
            }
        case .unreachable(let limit):
            lines.append(labels.moreEnvelopeUnreachable(number.decimal(limit, places: 0)))
        case .none, .notApplicable: break
        }
        if outcome.status != .full, !PolicyRule.on(in: scenario.rules).isEmpty {
            lines.append(
                explanation.ruleChanges.isEmpty
                    ? labels.noRuleAloneFunds
                    : labels.oneRuleFunds(
                        explanation.ruleChanges.map { labels.change($0, number: number) }.joined(
                            separator: "; \(labels.or) ")))
        }
        switch explanation.weightNeed {
        case .factor(let k):
            lines.append(
                labels.moreWeight(number.decimal(weight.weight * k, places: 4), w, number.decimal(k, places: 4)))
        case .unreachable:
            lines.append(labels.moreWeightUnreachable)
        case .none, .notApplicable: break
        }
        return lines
    }

    /// The weight and its factors, each with where it comes from in the memo's words; the scenario
    /// keys that set them in a note under the table (the committee reads the words).
    func weightTable() -> TextTable {
        let q = weight.qualityCriteria.map {
            "\(labels.quality($0)) +\(number.decimal(scenario.weights.quality[$0] ?? 0, places: 2))"
        }
        let listed = application.focus.map { labels.focus($0) }.joined(separator: ", ")
        let focusSource =
            weight.focusSource.map { source -> String in
                guard application.focus.count > 1 else { return labels.focus(source) }
                switch weight.focusMode {
                case .primary: return "\(labels.focus(source)) (\(labels.firstOf(listed)))"
                case .max: return "\(labels.focus(source)) (\(labels.largestOf(listed)))"
                case .mean: return labels.meanOf(listed)
                }
            } ?? labels.focus(nil)
        let objectives =
            application.objectives.isEmpty
            ? labels.noObjectiveNamed
            : labels.meanOf(
                application.objectives.map {
                    "\(labels.objective($0)) \(number.decimal(scenario.weights.objective[$0] ?? 1, places: 2))"
                }.joined(separator: ", "))
        let rows: [[String]] = [
            ["F (\(labels.focusArea.lowercased()))", number.decimal(weight.focus, places: 4), focusSource],
            [
                "R (\(labels.riskClass.lowercased()))", number.decimal(weight.risk, places: 4),
                labels.risk(weight.riskClass),
            ],
            [
                labels.targetGroupFactor, number.decimal(weight.target, places: 4),
                labels.targetGroup(weight.targetGroup),
            ],
            [
                labels.qualityFactor, number.decimal(weight.quality, places: 4),
                "1" + (q.isEmpty ? " (\(labels.noQualityBonus))" : " + " + q.joined(separator: " + ")),
            ],
            [labels.objectiveFactor, number.decimal(weight.objective, places: 4), objectives],
            [
                labels.assessmentFactor, number.decimal(weight.assessment, places: 4),
                weight.assessmentScore.map(labels.assessedAs) ?? labels.notAssessed,
            ],
        ]
        let keys =
            [
                "weights.focus.\(weight.focusSource?.rawValue ?? "outside")",
                "weights.risk.\(weight.riskClass.rawValue)",
                "weights.target_group.\(weight.targetGroup.rawValue)",
            ] + weight.qualityCriteria.map { "weights.quality.\($0.rawValue)" }
            + (scenario.weights.focusMode == .primary ? [] : ["weights.focus_mode"])
            + application.objectives.filter { scenario.weights.objective[$0] != 1 }.map {
                "weights.objective.\($0.rawValue)"
            }
            + (weight.assessmentScore.flatMap {
                scenario.weights.assessment[$0] != nil ? "weights.assessment.\"\($0)\"" : nil
            }.map { [$0] } ?? [])
        return TextTable(
            title: labels.weightFactors, header: [labels.factor, labels.value, labels.source],
            alignments: [.left, .right, .left], rows: rows,
            footer: [
                ["w = F·R·T·Q·O·V", number.decimal(weight.weight, places: 4), labels.pointsPer1000],
                [labels.scenarioKeys(keys)],
            ])
    }

    func eligibilityTable() -> TextTable {
        func key(_ reason: IneligibilityReason) -> String {
            switch reason {
            case .sofNotInSteeringGroup: "require_sof_in_steering_group"
            case .noObjective: "require_objective"
            case .activitiesWithoutAccounting: "require_activity_accounting"
            case .needNotDocumented: "require_need_documented"
            }
        }
        return TextTable(
            title: labels.eligibility, header: [labels.check, labels.rule, labels.result, labels.principle],
            alignments: [.left, .left, .left, .left],
            rows: explanation.checks.map { c in
                [
                    labels.check(c.reason), c.ruleIsOn ? labels.on : labels.off,
                    c.passes ? labels.passes : labels.fails, c.reason.principle,
                ]
            },
            footer: [[labels.scenarioKeys(explanation.checks.map { "rules.\(key($0.reason))" })]])
    }

    func allocationTable(raw: Bool) -> TextTable {
        let years = explanation.years
        var rows: [[String]] = []
        for (y, year) in years.enumerated() {
            for c in CostCategory.allCases {
                let requested = Int(application.request(c, year: y).rounded(.down))
                let granted = outcome.granted[y][c] ?? 0
                guard requested > 0 || granted > 0 else { continue }
                rows.append(
                    raw
                        ? [String(year), c.rawValue, String(requested), String(granted)]
                        : [String(year), labels.category(c), number.kroner(requested), number.kroner(granted)])
            }
        }
        return TextTable(
            title: labels.allocation, header: [labels.year, labels.category, labels.requested, labels.granted],
            alignments: [.left, .left, .right, .right], rows: rows,
            footer: raw
                ? []
                : [
                    [
                        labels.total, "", number.kroner(outcome.requested.reduce(0, +)),
                        number.kroner(outcome.grantedTotal),
                    ]
                ])
    }

    public var tables: [TextTable] { [weightTable(), eligibilityTable(), allocationTable(raw: false)] }

    public var csvTable: TextTable {
        var t = allocationTable(raw: true)
        t.header = labels.csvHeaders(["year", "category", "requested", "granted"])
        return t
    }

    public func json() -> JSON {
        let years = explanation.years
        func need(_ n: Explanation.Need) -> JSON {
            switch n {
            case .none: .double(1)
            case .factor(let f): .double(f.roundedForReport)
            case .unreachable, .notApplicable: .null
            }
        }
        var fields: [(String, JSON)] = [
            ("scenario", .string(scenario.name)),
            ("id", .string(application.id)),
            ("title", .string(application.title)),
            ("area", .string(outcome.prepared.area.id)),
            ("status", .string(outcome.status.rawValue)),
            ("share", .double(outcome.share.roundedForReport)),
            (
                "weight",
                .object([
                    ("value", .double(weight.weight.roundedForReport)),
                    (
                        "focus",
                        .object([
                            ("key", weight.focusSource.map { .string($0.rawValue) } ?? .string("outside")),
                            ("factor", .double(weight.focus)),
                        ])
                    ),
                    ("risk", .object([("key", .string(weight.riskClass.rawValue)), ("factor", .double(weight.risk))])),
                    (
                        "target_group",
                        .object([("key", .string(weight.targetGroup.rawValue)), ("factor", .double(weight.target))])
                    ),
                    (
                        "quality",
                        .object([
                            ("criteria", .array(weight.qualityCriteria.map { .string($0.rawValue) })),
                            ("factor", .double(weight.quality.roundedForReport)),
                        ])
                    ),
                    (
                        "objective",
                        .object([
                            ("objectives", .array(application.objectives.map { .string($0.rawValue) })),
                            ("factor", .double(weight.objective.roundedForReport)),
                        ])
                    ),
                    (
                        "assessment",
                        .object([
                            ("score", weight.assessmentScore.map { .int($0) } ?? .null),
                            ("factor", .double(weight.assessment.roundedForReport)),
                        ])
                    ),
                    ("focus_mode", .string(weight.focusMode.rawValue)),
                ])
            ),
            (
                "eligibility",
                .array(
                    explanation.checks.map { c in
                        .object([
                            ("check", .string(c.reason.rawValue)), ("rule_on", .bool(c.ruleIsOn)),
                            ("passes", .bool(c.passes)),
                            ("principle", .string(c.reason.principle)),
                        ])
                    })
            ),
            ("requested", .object(zip(years, outcome.requested).map { (String($0), .int($1)) })),
            ("granted", .object(zip(years, outcome.grantedByYear).map { (String($0), .int($1)) })),
            (
                "granted_by_category",
                .object(
                    years.indices.map { y in
                        (
                            String(years[y]),
                            .object(CostCategory.allCases.map { ($0.rawValue, .int(outcome.granted[y][$0] ?? 0)) })
                        )
                    })
            ),
            ("binding", .array(outcome.binding.map { .string(labels.constraint($0)) })),
            ("reduced_cost_per_1000", explanation.reducedCostPer1000.map { .double($0.roundedForReport) } ?? .null),
            ("envelope_scale_to_fund_fully", need(explanation.envelopeNeed)),
            (
                "extra_by_year_to_fund_fully",
                explanation.extraByYear.map { extra in
                    .object(zip(explanation.years, extra).map { (String($0), .int(Int($1))) })
                } ?? .null
            ),
            ("weight_factor_to_fund_fully", need(explanation.weightNeed)),
            ("one_rule_to_fund_fully", .array(explanation.ruleChanges.map(RuleChangeJSON.object))),
            ("reasons", .array(why().map { .string($0) })),
        ]
        if let stamp { fields.append(("inputs", inputsJSON(stamp))) }
        return .object(fields)
    }
}
