import Foundation
import Testing

@testable import BoligsocialCore

/// compare, explain and the infeasibility diagnosis on hand-made and shipped rounds.
@Suite struct AnalysisTests {
    /// A floor of 150.000 kr. for health with a 100.000 kr. envelope, plus a 0.9 primary share with
    /// only 50.000 kr. of primary requests: both must be relaxed, and relaxing them works.
    @Test func diagnosisNamesEachConflictAndItsRelaxationWorks() throws {
        var rules = Rules()
        rules.focusFloor[.health] = 150_000
        rules.primaryShareMin = 0.9
        let apps = [
            Fixture.app("H", area: "O", focus: [.health], salary: [120_000]),
            Fixture.app("P", focus: [.networks], salary: [50_000]),
        ]
        let round = Fixture.round(apps)
        let scenario = Fixture.scenario([100_000], rules: rules)
        #expect(throws: InfeasibleScenario.self) { try Allocator.solve(round: round, scenario: scenario) }
        let diagnosis = try #require(try Diagnosis.diagnose(round: round, scenario: scenario))
        let kinds = Set(diagnosis.relaxations.map(\.kind))
        #expect(kinds.contains(.floor(.health, year: 2009)))
        #expect(kinds.contains(.primaryShare(year: 2009)))
        var relaxed = scenario
        relaxed.rules = diagnosis.relaxedRules
        #expect(relaxed.rules.focusFloor[.health]! < 150_000 && relaxed.rules.primaryShareMin! < 0.9)
        #expect(try Allocator.solve(round: round, scenario: relaxed).status == .optimal)
        // One rule alone: the primary share cannot help (no envelope of 100.000 kr. holds a
        // 150.000 kr. floor), the floor can: with P's 50.000 kr. and 90 % primary, health gets at
        // most 50.000 · 0.1/0.9 = 5.555 kr., so the floor on the 1.000 kr. grid is 5.000 kr.
        #expect(diagnosis.singleRule == [RuleChange(rule: .focusFloor(.health), current: 150_000, needed: 5_000)])
        #expect(diagnosis.singleDecision.isEmpty)
        // A feasible scenario has nothing to diagnose.
        #expect(try Diagnosis.diagnose(round: round, scenario: Fixture.scenario([100_000])) == nil)
    }

    /// Area caps that cannot leave room for a floor: health lives in one area capped at 10%.
    @Test func areaCapAgainstFloorAcrossYears() throws {
        var rules = Rules()
        rules.areaShareMax = 0.1
        rules.focusFloor[.health] = 30_000
        rules.maxProjects = 5
        let years = [2009, 2010]
        let apps = [
            Fixture.app("H", focus: [.health], salary: [100_000, 100_000]),
            Fixture.app("N", area: "V2", salary: [100_000, 100_000]),
        ]
        let round = Fixture.round(apps, years: years)
        let scenario = Fixture.scenario([200_000, 100_000], years: years, rules: rules)
        let diagnosis = try #require(try Diagnosis.diagnose(round: round, scenario: scenario))
        #expect(
            diagnosis.relaxations.allSatisfy {
                if case .areaShare = $0.kind { true } else if case .floor = $0.kind { true } else { false }
            })
        #expect(
            Set(
                diagnosis.relaxations.compactMap { r -> Int? in
                    switch r.kind {
                    case .areaShare(_, let y), .floor(_, let y): y
                    default: nil
                    }
                }
            ).contains(2010))
        var relaxed = scenario
        relaxed.rules = diagnosis.relaxedRules
        #expect(try Allocator.solve(round: round, scenario: relaxed).status == .optimal)
    }

    /// A decision that cannot hold is the change that makes the scenario feasible alone.
    @Test func diagnosisOffersDroppingOneDecision() throws {
        let round = Fixture.round([Fixture.app("A", salary: [100_000]), Fixture.app("B", salary: [100_000])])
        var scenario = Fixture.scenario([150_000])
        scenario.decisions["A"] = DecisionTests.decide(.full)
        scenario.decisions["B"] = DecisionTests.decide(.full)
        let diagnosis = try #require(try Diagnosis.diagnose(round: round, scenario: scenario))
        // Either decision dropped leaves 150.000 kr. for the other's 100.000 kr.
        #expect(diagnosis.singleDecision == ["A", "B"] && diagnosis.singleRule.isEmpty)
    }

    /// A (w 1.0, area V) and C (w 0.4, area O) ask 100.000 kr. each of 200.000 kr., with no area
    /// above a quarter of the envelope: A gets 50.000 kr. The cap alone raised to 0.5 funds it (the
    /// envelopes held); the primary share rule alone cannot (it is met already); money can (400.000 kr.).
    @Test func explainNamesTheSmallestChangeOfEachRuleAlone() throws {
        var rules = Rules()
        rules.areaShareMax = 0.25
        rules.primaryShareMin = 0.1
        let round = Fixture.round([Fixture.app("A", salary: [100_000]), Fixture.app("C", area: "O", salary: [100_000])])
        let explanation = try #require(
            try Explanation.explain(id: "A", round: round, scenario: Fixture.scenario([200_000], rules: rules)))
        #expect(abs(explanation.outcome.share - 0.5) < 1e-9)
        #expect(explanation.ruleChanges == [RuleChange(rule: .areaShareMax, current: 0.25, needed: 0.5)])
        guard case .factor(let t) = explanation.envelopeNeed else {
            Issue.record("\(explanation.envelopeNeed)")
            return
        }
        #expect(abs(t - 2) < 1e-5)
    }

    @Test func compareListsEveryChangedShare() throws {
        let apps = [
            Fixture.app("A", salary: [100_000]), Fixture.app("B", target: .secondary, salary: [100_000]),
            Fixture.app("C", area: "O", salary: [100_000]),
        ]
        let rich = try Fixture.solve(apps, envelope: [250_000])
        let poor = try Fixture.solve(apps, envelope: [120_000])
        let comparison = Comparison([rich, poor])
        // A keeps 100%; B drops from 100% to 20%; C from 50% to 0%.
        #expect(comparison.changes.map(\.id) == ["B", "C"])
        #expect(comparison.changes[0].granted == [100_000, 20_000] && comparison.changes[0].largestChange == -80_000)
        #expect(comparison.changes[1].shares == [0.5, 0])
    }

    @Test func explainFindsWhatWouldFundAnApplication() throws {
        // A (w 1) full, B (w 0.6) half, C (w 0.4) nothing, envelope 150.000 kr.
        let apps = [
            Fixture.app("A", salary: [100_000]), Fixture.app("B", target: .secondary, salary: [100_000]),
            Fixture.app("C", area: "O", salary: [100_000]), Fixture.app("X", salary: [1], sof: false),
        ]
        let round = Fixture.round(apps)
        let scenario = Fixture.scenario([150_000])
        let partial = try #require(try Explanation.explain(id: "B", round: round, scenario: scenario))
        // B is full once the envelope is 200.000 kr. (scale 4/3), or once its weight passes A's 1.0.
        guard case .factor(let t) = partial.envelopeNeed, case .factor(let k) = partial.weightNeed else {
            Issue.record("expected factors, got \(partial.envelopeNeed) and \(partial.weightNeed)")
            return
        }
        #expect(abs(t - 4.0 / 3) < 1e-5 && abs(k - 1 / 0.6) < 1e-5)
        #expect(abs(partial.reducedCostPer1000!) < 1e-9)
        let unfunded = try #require(try Explanation.explain(id: "C", round: round, scenario: scenario))
        // C's 0.4 points per 1.000 kr. against the 0.6 the last krone earns: −0.2.
        #expect(abs(unfunded.reducedCostPer1000! + 0.2) < 1e-9)
        guard case .factor(let tc) = unfunded.envelopeNeed else {
            Issue.record("\(unfunded.envelopeNeed)")
            return
        }
        #expect(abs(tc - 2) < 1e-5)
        #expect(try Explanation.explain(id: "A", round: round, scenario: scenario)!.envelopeNeed == .none)
        let ineligible = try #require(try Explanation.explain(id: "X", round: round, scenario: scenario))
        #expect(ineligible.envelopeNeed == .notApplicable && ineligible.checks.contains { !$0.passes && $0.ruleIsOn })
        #expect(try Explanation.explain(id: "nope", round: round, scenario: scenario) == nil)
    }
}
