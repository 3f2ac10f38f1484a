import BoligsocialCore

/// The JSON of `solve` (docs/json.md), field by field in the documented order.
extension Double {
    /// Twelve significant digits, at most nine decimals: enough for any weight, share or amount, and
    /// free of binary noise such as 0.45999999999999996 or 17465000.000000004, so reports stay
    /// byte-identical across solver builds.
    var roundedForReport: Double {
        guard isFinite, self != 0 else { return self }
        var integerDigits = 0
        var magnitude = abs(self)
        while magnitude >= 1 && integerDigits < 12 {
            magnitude /= 10
            integerDigits += 1
        }
        let decimals = Swift.min(9, 12 - integerDigits)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}

enum SolveJSON {
    /// The document; `labels` words the reasons. `applications: false` leaves the per-application
    /// array out (a comparison shows scenarios side by side without it).
    static func make(_ summary: AllocationSummary, labels: Labels, applications: Bool = true) -> JSON {
        let a = summary.allocation
        let years = a.years
        let yearKeys = years.map(String.init)
        func perYear(_ values: [Int]) -> JSON { .object(zip(yearKeys, values).map { ($0, .int($1)) }) }
        func perYearDouble(_ values: [Double]) -> JSON {
            .object(zip(yearKeys, values).map { ($0, .double($1.roundedForReport)) })
        }

        let outcomes = a.outcomes
        let reasons =
            applications ? OutcomeReasons(outcomes, labels: labels, number: NumberFormat(labels.language)) : nil
        let yearNames = yearKeys.map(JSONObjectWriter.Key.text)
        let categoryNames = CostCategory.allCases.map { ($0, JSONObjectWriter.Key.text($0.rawValue)) }
        @Sendable func application(_ i: Int, _ w: inout JSONObjectWriter) {
            let o = outcomes[i]
            w.field("id", string: o.application.id)
            w.field("status", string: o.status.rawValue)
            w.field("weight", .double(o.prepared.weight.weight.roundedForReport))
            w.field("share", .double(o.share.roundedForReport))
            w.field("requested") { w in for (key, value) in zip(yearNames, o.requested) { w.field(key, int: value) } }
            w.field("granted") { w in for (y, key) in yearNames.enumerated() { w.field(key, int: o.granted[y].total) } }
            w.field("granted_by_category") { w in
                for (y, key) in yearNames.enumerated() {
                    w.field(key) { w in
                        for (category, name) in categoryNames { w.field(name, int: o.granted[y][category] ?? 0) }
                    }
                }
            }
            w.field("reasons", strings: reasons?.text(i) ?? [])
            w.field("reason_codes", reasons?.json(i) ?? .array([]))
        }
        var fields: [(String, JSON)] = [
            ("scenario", .string(a.scenario.name)),
            ("status", .string(statusKey(a.status))),
            ("years", .array(years.map { .int($0) })),
            ("priority_points", .double(a.priorityPoints)),
            ("envelope", perYearDouble(a.envelope)),
            ("allocated", perYear(a.allocated)),
            ("marginal_points_per_1000", a.marginalPointsPer1000.map(perYearDouble) ?? .null),
            ("marginals_for_chosen_projects", .bool(a.marginalsForChosenProjects)),
            ("applications", .generated(count: applications ? outcomes.count : 0) { application($0, &$1) }),
            ("by_area", .object(summary.byArea.map { ($0.area.id, perYear($0.amounts)) })),
            ("by_risk", .object(summary.byRisk.map { ($0.risk.rawValue, perYear($0.amounts)) })),
            ("by_focus", .object(summary.byFocus.map { ($0.focus?.rawValue ?? "outside", perYear($0.amounts)) })),
            (
                "by_objective",
                .object(summary.byObjective.map { ($0.objective?.rawValue ?? "none", perYear($0.amounts)) })
            ),
            ("by_target_group", .object(summary.byTargetGroup.map { ($0.group.rawValue, perYear($0.amounts)) })),
            ("by_category", .object(summary.byCategory.map { ($0.category.rawValue, perYear($0.amounts)) })),
        ]
        // A MIP stopped early (--time-limit, --mip-gap) says how far from optimal it may be.
        if case .feasible(let gap) = a.status {
            fields.insert(("mip_gap", gap.map { .double($0.roundedForReport) } ?? .null), at: 2)
        }
        if let stamp = summary.stamp { fields.append(("inputs", inputs(stamp))) }
        return .object(fields)
    }

    static func inputs(_ stamp: InputStamp) -> JSON {
        var fields: [(String, JSON)] = [
            ("scenario_sha256", .string(stamp.scenarioSHA256)),
            ("applications_sha256", .string(stamp.applicationsSHA256)),
            ("areas_sha256", .string(stamp.areasSHA256)),
            ("tool_version", .string(stamp.toolVersion)),
            ("glpk_version", .string(stamp.glpkVersion)),
        ]
        if !stamp.overrides.isEmpty {
            fields.append(("overrides", .array(stamp.overrides.map { .string($0) })))
            if stamp.overridesOnPage { fields.append(("overrides_made_on", .string("page"))) }
        }
        return .object(fields)
    }

    static func statusKey(_ status: SolveStatus) -> String {
        switch status {
        case .optimal: "optimal"
        case .feasible: "feasible"
        case .infeasible: "infeasible"
        case .unbounded: "unbounded"
        case .undefined: "undefined"
        }
    }
}
