/// Reads a scenario TOML file (docs/formats.md), following `extends`, and checks every key and value.
public enum ScenarioLoader {
    /// Reads a scenario file alone (without its round), every problem thrown: what a command-line
    /// override builds on (`--scale-envelope` needs the envelopes it scales).
    public static func read(_ path: String, patch: ScenarioPatch = ScenarioPatch()) throws(InputError) -> Scenario {
        var diagnostics = DiagnosticCollector()
        let scenario = try load(path, patch: patch, diagnostics: &diagnostics)
        try diagnostics.throwIfAny()
        return scenario
    }

    /// Reads the scenario, adding its problems to `diagnostics` so they can be reported together
    /// with those of the CSV files. Throws only when the file cannot be opened or parsed at all.
    /// `patch`: what-ifs merged over the file's entries, as a file extending it would be.
    static func load(_ path: String, patch: ScenarioPatch = ScenarioPatch(), diagnostics: inout DiagnosticCollector)
        throws(InputError) -> Scenario
    {
        var files: [String] = []
        let entries = try readChain(path, files: &files, from: nil)
        return interpret(
            patch.isEmpty ? entries : TOMLTree.merge(parent: entries, child: patch.entries), files: files,
            diagnostics: &diagnostics)
    }

    /// A scenario file's entries, read once (with what it extends), for what-ifs stated in memory
    /// on top of it (`serve`): no file is read again per question.
    public struct Base: Sendable {
        let entries: [TOMLEntry]
        public let files: [String]
        public let scenario: Scenario
    }

    public static func base(_ path: String) throws(InputError) -> Base {
        var files: [String] = []
        let entries = try readChain(path, files: &files, from: nil)
        var diagnostics = DiagnosticCollector()
        let scenario = interpret(entries, files: files, diagnostics: &diagnostics)
        try diagnostics.throwIfAny()
        return Base(entries: entries, files: files, scenario: scenario)
    }

    /// The scenario `base` with `patch` on top, checked like a file; problems are located at the
    /// changes' origins (`ScenarioPatch.origin(of:)`).
    public static func whatIf(_ patch: ScenarioPatch, on base: Base) throws(InputError) -> Scenario {
        guard !patch.isEmpty else { return base.scenario }
        var diagnostics = DiagnosticCollector()
        let scenario = interpret(
            TOMLTree.merge(parent: base.entries, child: patch.entries), files: base.files, diagnostics: &diagnostics)
        try diagnostics.throwIfAny()
        return scenario
    }

    /// Reads `path` and, recursively, what it extends; returns the merged entries.
    /// The longest `extends` chain accepted (each file extends the next).
    static let maximumChain = 32

    private static func readChain(_ path: String, files: inout [String], from: SourceLocation?) throws(InputError)
        -> [TOMLEntry]
    {
        if files.contains(path) {
            let location = from ?? SourceLocation(file: path, line: 1, column: 1)
            throw .badData([Diagnostic(location, .extendsCycle(files + [path]))])
        }
        if files.count >= maximumChain {
            let location = from ?? SourceLocation(file: path, line: 1, column: 1)
            throw .badData([Diagnostic(location, .extendsTooLong(maximum: maximumChain))])
        }
        let bytes: [UInt8]
        do {
            bytes = try readInputFile(path, limit: InputLimits.scenarioBytes)
        } catch {
            if let from, case .cannotOpen(_, let reason) = error {
                throw .cannotOpen(path: path, reason: .extended(reason, from: from))
            }
            throw error
        }
        files.append(path)
        let (utf8, _) = decodeToUTF8(bytes)
        let entries = try TOMLTree.parse(String(decoding: utf8, as: UTF8.self), file: path)
        guard let extends = entries.first(where: { $0.key == "extends" }) else { return entries }
        guard case .string(let parentName) = extends.value, !parentName.isEmpty else {
            throw .badData([Diagnostic(extends.location, .extendsNotAPath)])
        }
        let parent = try readChain(resolve(parentName, relativeTo: path), files: &files, from: extends.location)
        return TOMLTree.merge(parent: parent, child: entries.filter { $0.key != "extends" })
    }

    static func interpret(_ entries: [TOMLEntry], files: [String], diagnostics: inout DiagnosticCollector) -> Scenario {
        let file = files.first ?? "scenario"
        var top = TableReader(entries, path: "", file: file, diagnostics: &diagnostics)
        top.allow([
            "name", "description", "applications", "areas", "extends", "years", "envelope", "weights", "rules", "index",
            "decisions",
        ])
        let stem = file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? file
        var scenario = Scenario(name: top.string("name") ?? stem, files: files, envelope: [:])
        scenario.description = top.string("description") ?? ""
        scenario.applicationsPath = top.path("applications") ?? ""
        scenario.areasPath = top.path("areas") ?? ""
        if let years = top.integers("years") {
            if years.isEmpty || zip(years, years.dropFirst()).contains(where: { $0 >= $1 })
                || !years.allSatisfy({ (1900...2200).contains($0) })
            {
                top.problem("years", .yearsNotIncreasing)
            } else {
                scenario.years = years
            }
        }
        for key in ["applications", "areas"] where top.entry(key) == nil {
            top.problemAtTop(.noTableFile(key: key))
        }
        if var envelope = top.table("envelope") {
            envelope.allowAny()
            var spelled: [Int: String] = [:]
            for entry in envelope.entries {
                if let year = Int(entry.key), let first = spelled[year] {
                    envelope.problem(entry.key, .yearTwice(key: entry.key, year: year, first: first))
                    continue
                }
                if let year = Int(entry.key) { spelled[year] = entry.key }
                guard let year = Int(entry.key), scenario.years.contains(year) else {
                    envelope.problem(entry.key, .notAScenarioYear(key: entry.key, years: scenario.years))
                    continue
                }
                if let amount = envelope.amount(entry.key) { scenario.envelope[year] = amount }
            }
            for year in scenario.years where envelope.entry(String(year)) == nil {
                envelope.problemAtTable(.noEnvelope(year: year))
            }
            envelope.finish(into: &top)
        } else {
            top.problemAtTop(.noEnvelopeTable)
        }
        if var index = top.table("index") {
            index.allowAny()
            for entry in index.entries {
                guard let year = Int(entry.key), scenario.years.contains(year) else {
                    index.problem(entry.key, .notAScenarioYear(key: "index.\(entry.key)", years: scenario.years))
                    continue
                }
                guard let value = index.number(entry.key) else { continue }
                // A price and wage index over a few years lies near 1; far from it is a typo (102.7 for 1.027).
                guard (0.5...2).contains(value) else {
                    index.problem(entry.key, .indexOutOfRange(key: "index.\(entry.key)", value: value))
                    continue
                }
                scenario.priceIndex[year] = value
            }
            index.finish(into: &top)
        }
        if var weights = top.table("weights") {
            readWeights(&weights, into: &scenario.weights)
            weights.finish(into: &top)
        }
        if var rules = top.table("rules") {
            readRules(&rules, into: &scenario.rules)
            rules.finish(into: &top)
        }
        // After the rules: a decision per year needs commitment = "per_year".
        if var decisions = top.table("decisions") {
            decisions.allowAny()
            for entry in decisions.entries {
                guard var one = decisions.table(entry.key) else { continue }
                if let decision = readDecision(&one, id: entry.key, location: entry.location, scenario: scenario) {
                    scenario.decisions[entry.key] = decision
                }
                one.finish(into: &decisions)
            }
            decisions.finish(into: &top)
        }
        top.finish(into: &diagnostics)
        return scenario
    }

    /// `ID = { fund = "full" | "none" }`, `{ share = 0.5 }` or `{ min = …, max = … }` (kroner over
    /// all years), each with its `reason` and optionally `override_eligibility = true`.
    private static func readDecision(
        _ table: inout TableReader, id: String, location: SourceLocation, scenario: Scenario
    ) -> Decision? {
        table.allow(["fund", "share", "min", "max", "reason", "override_eligibility"])
        let reason = table.string("reason")
        let fund = table.string("fund")
        let share = table.fraction("share")
        // `min`/`max` in kroner over all years, or as a table of years.
        let perYear = [table.entry("min"), table.entry("max")].contains {
            if case .table = $0?.value { true } else { false }
        }
        var low: Double?
        var high: Double?
        var lowByYear: [Int: Double] = [:]
        var highByYear: [Int: Double] = [:]
        if perYear {
            for (key, into) in [("min", 0), ("max", 1)] {
                guard var years = table.table(key) else { continue }
                years.allowAny()
                for entry in years.entries {
                    guard let year = Int(entry.key), scenario.years.contains(year) else {
                        years.problem(
                            entry.key,
                            .notAScenarioYear(key: "decisions.\(id).\(key).\(entry.key)", years: scenario.years))
                        continue
                    }
                    if let amount = years.amount(entry.key) {
                        if into == 0 { lowByYear[year] = amount } else { highByYear[year] = amount }
                    }
                }
                years.finish(into: &table)
            }
            if scenario.rules.commitment != .perYear { table.problemAtTable(.decisionPerYearNeedsPerYear(id: id)) }
        } else {
            low = table.amount("min")
            high = table.amount("max")
        }
        let override = table.boolean("override_eligibility") ?? false
        var kind: Decision.Kind?
        let bounded = low != nil || high != nil || !lowByYear.isEmpty || !highByYear.isEmpty
        let said = [fund != nil, share != nil, bounded].filter { $0 }.count
        if said != 1 {
            let nothing =
                table.entry("fund") == nil && table.entry("share") == nil && table.entry("min") == nil
                && table.entry("max") == nil
            if nothing || said > 1 { table.problemAtTable(.decisionUnclear(id: id)) }
        } else if let fund {
            switch fund {
            case "full": kind = .full
            case "none": kind = Decision.Kind.none
            default: table.problem("fund", .decisionUnknownFund(id: id, value: fund))
            }
        } else if let share {
            kind = .share(share)
        } else if perYear {
            let contradiction = lowByYear.sorted { $0.key < $1.key }.first { year, low in
                (highByYear[year] ?? .infinity) < low
            }
            if let (year, lowest) = contradiction {
                table.problem("min", .decisionContradicts(id: id, min: lowest, max: highByYear[year] ?? 0))
            } else {
                kind = .perYear(min: lowByYear, max: highByYear)
            }
        } else if let low, let high, low > high {
            table.problem("min", .decisionContradicts(id: id, min: low, max: high))
        } else {
            kind = .bounds(min: low, max: high)
        }
        guard let reason, !reason.trimmingSpaces.isEmpty else {
            table.problemAtTable(.decisionWithoutReason(id: id))
            return nil
        }
        return kind.map { Decision(kind: $0, reason: reason, overrideEligibility: override, location: location) }
    }

    private static func readWeights(_ weights: inout TableReader, into result: inout Weights) {
        weights.allow(["focus", "risk", "target_group", "quality", "objective", "assessment", "focus_mode"])
        if let raw = weights.string("focus_mode") {
            if let mode = FocusMode(rawValue: raw) {
                result.focusMode = mode
            } else {
                weights.problem(
                    "focus_mode",
                    .unknownFocusMode(raw, suggestion: closestMatch(to: raw, in: FocusMode.allCases.map(\.rawValue))))
            }
        }
        if var objective = weights.table("objective") {
            objective.allow(Objective.allCases.map(\.rawValue))
            for o in Objective.allCases { if let w = objective.weight(o.rawValue) { result.objective[o] = w } }
            objective.finish(into: &weights)
        }
        if var assessment = weights.table("assessment") {
            assessment.allow((1...5).map(String.init))
            for score in 1...5 { if let w = assessment.weight(String(score)) { result.assessment[score] = w } }
            assessment.finish(into: &weights)
        }
        if var focus = weights.table("focus") {
            focus.allow(FocusArea.allCases.map(\.rawValue) + ["outside"])
            for f in FocusArea.allCases { if let w = focus.weight(f.rawValue) { result.focus[f] = w } }
            if let w = focus.weight("outside") { result.outsideFocus = w }
            focus.finish(into: &weights)
        }
        if var risk = weights.table("risk") {
            risk.allow(RiskClass.allCases.map(\.rawValue))
            for r in RiskClass.allCases { if let w = risk.weight(r.rawValue) { result.risk[r] = w } }
            risk.finish(into: &weights)
        }
        if var target = weights.table("target_group") {
            target.allow(TargetGroup.allCases.map(\.rawValue))
            for t in TargetGroup.allCases { if let w = target.weight(t.rawValue) { result.targetGroup[t] = w } }
            target.finish(into: &weights)
        }
        if var quality = weights.table("quality") {
            quality.allow(QualityCriterion.allCases.map(\.rawValue))
            for q in QualityCriterion.allCases { if let w = quality.weight(q.rawValue) { result.quality[q] = w } }
            quality.finish(into: &weights)
        }
    }

    private static func readRules(_ rules: inout TableReader, into result: inout Rules) {
        // The policy rules' keys come from their descriptors (PolicyRule.swift): a rule's value is
        // read by its unit, a keyed rule (a floor per focus area) as a table of its keys.
        var policyTables: [String] = []
        for rule in PolicyRule.all where !policyTables.contains(rule.code) { policyTables.append(rule.code) }
        rules.allow(
            [
                "require_sof_in_steering_group", "require_objective", "require_activity_accounting",
                "require_need_documented", "commitment",
                "carry_over", "returns",
            ] + policyTables)
        if let v = rules.boolean("require_sof_in_steering_group") { result.requireSofInSteeringGroup = v }
        if let v = rules.boolean("require_objective") { result.requireObjective = v }
        if let v = rules.boolean("require_activity_accounting") { result.requireActivityAccounting = v }
        if let v = rules.boolean("require_need_documented") { result.requireNeedDocumented = v }
        if let v = rules.boolean("carry_over") { result.carryOver = v }
        if let raw = rules.string("commitment") {
            if let c = Commitment(rawValue: raw) {
                result.commitment = c
            } else {
                rules.problem(
                    "commitment",
                    .unknownCommitment(raw, suggestion: closestMatch(to: raw, in: Commitment.allCases.map(\.rawValue))))
            }
        }
        for code in policyTables {
            let keyed = PolicyRule.all.filter { $0.code == code && $0.path.count == 2 }
            if keyed.isEmpty, let rule = PolicyRule.all.first(where: { $0.code == code }) {
                if let value = readPolicyValue(rule, key: code, from: &rules) { rule.set(value, in: &result) }
            } else if var table = rules.table(code) {
                table.allow(keyed.map { $0.path[1] })
                for rule in keyed {
                    if let value = readPolicyValue(rule, key: rule.path[1], from: &table) {
                        rule.set(value, in: &result)
                    }
                }
                table.finish(into: &rules)
            }
        }
        if let returns = rules.numbers("returns") {
            let valid =
                !returns.isEmpty && returns[0] == 1 && returns.allSatisfy { $0 > 0 && $0.isFinite }
                && zip(returns, returns.dropFirst()).allSatisfy { $0 >= $1 }
            if valid {
                result.returns = returns
            } else {
                rules.problem("returns", .badReturns)
            }
        }
    }

    /// A policy rule's value as its unit reads: a share from 0 to 1, kroner, a whole number of projects 0 or more.
    private static func readPolicyValue(_ rule: PolicyRule, key: String, from table: inout TableReader) -> Double? {
        switch rule.unit {
        case .share: return table.fraction(key)
        case .kroner: return table.amount(key)
        case .projects:
            guard let k = table.integer(key) else { return nil }
            if k < 0 {
                table.problem(key, .negativeMaxProjects)
                return nil
            }
            return Double(k)
        }
    }
}
