import Foundation
import Testing

@testable import BoligsocialCore

/// The policy rules' descriptors: each rule's key reads into the value the descriptor keeps, as a
/// file and as a typed what-if alike, and loosens the way it says.
@Suite struct PolicyRuleTests {
    /// A value each rule accepts, written as in TOML, and that value read.
    static func sample(_ rule: PolicyRule) -> (toml: String, value: Double) {
        switch rule.unit {
        case .share: ("0.375", 0.375)
        case .kroner: ("125000", 125_000)
        case .projects: ("3", 3)
        }
    }

    @Test func everyRuleReadsFromItsKeyInAFileAndAsAWhatIf() throws {
        #expect(PolicyRule.all.count == 6 + FocusArea.allCases.count)
        #expect(Set(PolicyRule.all.map(\.key)).count == PolicyRule.all.count, "keys are unique")
        for rule in PolicyRule.all {
            let (toml, value) = Self.sample(rule)
            let table =
                rule.path.count == 2
                ? "[rules.\(rule.path[0])]\n\(rule.path[1]) = \(toml)\n" : "[rules]\n\(rule.name) = \(toml)\n"
            let base = ScenarioLoaderTests.base.replacingOccurrences(of: "[rules]\narea_share_max = 0.25", with: "")
            let dir = try ScenarioLoaderTests.directory(["s.toml": base + "\n" + table, "plain.toml": base])
            let fromFile = try ScenarioLoader.read(dir + "/s.toml")
            #expect(rule.value(in: fromFile.rules) == value, "\(rule.key) from a file")
            var patch = ScenarioPatch()
            try patch.set(rule.key, toml: toml, origin: .option("--set \(rule.key)=\(toml)"))
            let fromPatch = try ScenarioLoader.read(dir + "/plain.toml", patch: patch)
            #expect(fromPatch.rules == fromFile.rules, "\(rule.key) as a what-if")
        }
    }

    @Test func aValueOutOfRangeIsNamedAtItsOrigin() throws {
        let dir = try ScenarioLoaderTests.directory(["s.toml": ScenarioLoaderTests.base])
        for rule in PolicyRule.all {
            var patch = ScenarioPatch()
            let origin = ScenarioPatch.Origin.option("--set \(rule.key)=-2")
            try patch.set(rule.key, toml: "-2", origin: origin)
            do {
                _ = try ScenarioLoader.read(dir + "/s.toml", patch: patch)
                Issue.record("\(rule.key) = -2 was taken")
            } catch {
                guard case .badData(let diagnostics) = error else {
                    Issue.record("\(error)")
                    continue
                }
                #expect(
                    diagnostics.count == 1 && patch.origin(of: diagnostics[0].location) == origin,
                    "\(rule.key): \(diagnostics)")
                #expect(diagnostics.first?.location.description == "command line (--set \(rule.key)=-2)")
            }
        }
    }

    @Test func relaxingLoosensTheWayTheRuleSays() {
        for rule in PolicyRule.all {
            var rules = Rules()
            rule.set(rule.unit == .kroner ? 10_000 : rule.unit == .projects ? 4 : 0.5, in: &rules)
            let now = rule.value(in: rules)!
            let (looser, tighter) = rule.loosening == .lower ? (now / 2, now * 1.5) : (now * 1.5, now / 2)
            var relaxed = rules
            rule.relax(&relaxed, to: looser)
            #expect(rule.value(in: relaxed) == (rule.unit == .projects ? looser.rounded(.down) : looser), "\(rule.key)")
            // A need the rule already meets changes nothing (the loosest need over the years wins).
            var kept = rules
            rule.relax(&kept, to: tighter)
            #expect(rule.value(in: kept) == now, "\(rule.key)")
        }
    }

    @Test func everyPolicyRowBelongsToItsRule() {
        let kinds: [(ConstraintKind, PolicyRule?)] = [
            (.primaryShare(year: 2009), .primaryShareMin), (.areaShare(area: "X", year: 2009), .areaShareMax),
            (.floor(.health, year: 2010), .focusFloor(.health)), (.minimumFraction(application: "A"), .minFraction),
            (.maxProjects, .maxProjects), (.yearToYear(application: "A", year: 2010), .yearToYearChangeMax),
            (.sofShare(application: "A", year: 2010), .sofShareMax), (.envelope(year: 2009), nil),
            (.decision(application: "A"), nil),
            (.fundedOnlyIfSelected(application: "A"), nil), (.envelopeScale(year: 2009), nil),
        ]
        for (kind, rule) in kinds { #expect(kind.rule == rule, "\(kind)") }
    }
}
