import Testing

@testable import BoligsocialCore

/// One test per part of docs/model.md, each on a round small enough to solve by hand.
@Suite struct ModelRuleTests {
    let tolerance = 1e-6

    /// A (w 1.0) and B (w 0.6) each ask 100.000 kr.; the envelope is 150.000 kr.
    /// Greedy by weight is optimal: A in full, B half. P = 1.0·100 + 0.6·50 = 130; marginal 0.6.
    @Test func envelopeFundsByWeight() throws {
        let a = try Fixture.solve(
            [Fixture.app("A", salary: [100_000]), Fixture.app("B", target: .secondary, salary: [100_000])],
            envelope: [150_000])
        #expect(a.status == .optimal)
        #expect(abs(a.priorityPoints - 130) < tolerance)
        #expect(a.share("A") == 1 && abs(a.share("B") - 0.5) < tolerance)
        #expect(a.outcome("A").status == .full && a.outcome("B").status == .partial)
        #expect(a.allocated == [150_000])
        #expect(abs(a.marginalPointsPer1000![0] - 0.6) < tolerance)
    }

    /// w = F·R·T·Q·O·V: focus {volunteering 0.9, health 1.2}: F = 0.9 under `focus_mode = "primary"`
    /// (the first listed, the default), 1.2 under `"max"`, 1.05 under `"mean"`; at_risk 0.8;
    /// secondary 0.6; clear goals + explicit theory + anchoring plan → Q = 1.35; one objective at
    /// weight 1, not assessed: O = V = 1. Under "max" w = 1.2·0.8·0.6·1.35 = 0.7776.
    @Test func weightIsTheProductOfFactors() {
        var weights = Weights()
        weights.focus[.health] = 1.2
        weights.focus[.volunteering] = 0.9
        var application = Fixture.app("W", target: .secondary, focus: [.volunteering, .health], salary: [1])
        application.clearGoals = true
        application.anchoringPlan = true
        application.theoryOfChange = .explicit
        let primary = WeightBreakdown(application, risk: .atRisk, weights: weights)
        #expect(primary.focusSource == .volunteering && abs(primary.weight - 0.9 * 0.8 * 0.6 * 1.35) < 1e-12)
        weights.focusMode = .max
        let w = WeightBreakdown(application, risk: .atRisk, weights: weights)
        #expect(w.focusSource == .health)
        #expect(abs(w.quality - 1.35) < 1e-12)
        #expect(abs(w.weight - 0.7776) < 1e-12)
        weights.focusMode = .mean
        #expect(abs(WeightBreakdown(application, risk: .atRisk, weights: weights).focus - 1.05) < 1e-12)
        application.focus = []
        application.theoryOfChange = .implicit
        // Outside the focus areas: F = 0.5; the implicit bonus replaces the explicit one: Q = 1.25.
        #expect(
            abs(WeightBreakdown(application, risk: .atRisk, weights: weights).weight - 0.5 * 0.8 * 0.6 * 1.25) < 1e-12)
    }

    /// Each of the memo's further criteria earns its bonus: two applications alike but for the
    /// criterion, 100.000 kr. each, 100.000 kr. to share. With the bonus b the one meeting it has
    /// weight 1 + b against 1 and takes all the money (100.000 kr. · (1 + b) / 1.000 points); with
    /// its bonus set to 0 in the scenario the two tie at weight 1 and the points are 100.
    @Test(arguments: QualityCriterion.optional)
    func everyFurtherCriterionEarnsItsBonus(_ criterion: QualityCriterion) throws {
        var meets = Fixture.app("M", salary: [100_000])
        meets.set(criterion, true)
        #expect(meets.meets(criterion))
        let apps = [meets, Fixture.app("N", salary: [100_000])]
        let bonus = try #require(Weights().quality[criterion])
        #expect(bonus > 0)
        let a = try Fixture.solve(apps, envelope: [100_000])
        #expect(a.share("M") == 1 && a.share("N") == 0)
        #expect(abs(a.priorityPoints - 100 * (1 + bonus)) < 1e-6)
        #expect(a.outcome("M").prepared.weight.qualityCriteria == [criterion])
        var scenario = Fixture.scenario([100_000])
        scenario.weights.quality[criterion] = 0
        #expect(abs(try Allocator.solve(round: Fixture.round(apps), scenario: scenario).priorityPoints - 100) < 1e-6)
    }

    /// The memo's emphasis in the defaults: holistic work ("afgørende") above the other methods,
    /// indicators ("eventuelt") below.
    @Test func furtherCriteriaDefaultsFollowTheMemo() {
        let q = Weights().quality
        #expect(
            q[.holistic]! > q[.involvement]! && q[.involvement]! == q[.commonGoal]!
                && q[.indicators]! < q[.needDocumented]!)
    }

    /// `require_need_documented`: off by default (a round without the column keeps working); on, an
    /// application that does not document its need is ineligible and the other takes the money.
    @Test func requireNeedDocumented() throws {
        var documented = Fixture.app("D", target: .secondary, salary: [100_000])
        documented.needDocumented = true
        let apps = [Fixture.app("U", salary: [100_000]), documented]
        // Off: U (w 1.0) before D (w 0.6 · 1.1 = 0.66).
        let off = try Fixture.solve(apps, envelope: [100_000])
        #expect(off.share("U") == 1 && off.share("D") == 0)
        var rules = Rules()
        rules.requireNeedDocumented = true
        let on = try Fixture.solve(apps, envelope: [100_000], rules: rules)
        #expect(
            on.outcome("U").status == .ineligible
                && on.outcome("U").prepared.eligibility.reasons == [.needNotDocumented])
        #expect(on.share("D") == 1 && abs(on.priorityPoints - 66) < 1e-6)
    }

    /// `weights.assessment`: the caseworker's score sets V. A scored 2, B scored 4, both w 1 before
    /// it; with {2 = 0.8, 4 = 1.2} B (1.2) takes the 100.000 kr. of 200.000 kr. asked: 120 points.
    /// Not assessed (or no table): V = 1.
    @Test func assessmentFactor() throws {
        var a = Fixture.app("A", salary: [100_000])
        var b = Fixture.app("B", salary: [100_000])
        a.assessment = 2
        b.assessment = 4
        var scenario = Fixture.scenario([100_000])
        scenario.weights.assessment = [2: 0.8, 4: 1.2]
        let allocation = try Allocator.solve(round: Fixture.round([a, b]), scenario: scenario)
        #expect(allocation.share("B") == 1 && allocation.share("A") == 0 && abs(allocation.priorityPoints - 120) < 1e-6)
        #expect(allocation.outcome("A").prepared.weight.assessment == 0.8)
        // A held back by its score: the reason names the assessment.
        #expect(
            allocation.outcome("A").reasons.contains {
                if case .lowWeight(.assessment(2), _, _) = $0 { true } else { false }
            })
        #expect(
            WeightBreakdown(Fixture.app("C", salary: [1]), risk: .vulnerable, weights: scenario.weights).assessment == 1
        )
    }

    /// `sof_share_max`: A (w 1.0) asks 100.000 kr. of a project budgeted at 150.000 kr. (20.000 kr.
    /// from other funders); B (w 0.6) asks 100.000 kr. without a budget. At most half of A's budget
    /// from SOF: A 75.000 kr., B 100.000 kr. of the 200.000 kr.: 75 + 60 = 135 points, 25.000 kr.
    /// left. Without the rule A takes its 100.000 kr.: 100 + 60 = 160. A decision to fund A fully
    /// cannot hold under the rule: diagnosed, the share alone raised to 0.6667 (100.000 of 150.000),
    /// or the decision dropped.
    @Test func sofShareOfTheTotalBudget() throws {
        var a = Fixture.app("A", salary: [100_000])
        a.totalBudget = [150_000]
        a.otherFunding = [20_000]
        let apps = [a, Fixture.app("B", target: .secondary, salary: [100_000])]
        var rules = Rules()
        rules.sofShareMax = 0.5
        let capped = try Fixture.solve(apps, envelope: [200_000], rules: rules)
        #expect(capped.outcome("A").grantedTotal == 75_000 && capped.share("B") == 1)
        #expect(abs(capped.priorityPoints - 135) < 1e-6 && capped.allocated == [175_000])
        #expect(capped.outcome("A").binding == [.sofShare(application: "A", year: 2009)])
        #expect(abs(try Fixture.solve(apps, envelope: [200_000]).priorityPoints - 160) < 1e-6)
        var decided = Fixture.scenario([200_000], rules: rules)
        decided.decisions["A"] = DecisionTests.decide(.full)
        let diagnosis = try #require(try Diagnosis.diagnose(round: Fixture.round(apps), scenario: decided))
        #expect(diagnosis.singleRule == [RuleChange(rule: .sofShareMax, current: 0.5, needed: 0.6667)])
        #expect(diagnosis.singleDecision == ["A"])
        // Jointly, the elastic model misses the decision or the cap by the same 25.000 kr.
        #expect(
            diagnosis.relaxations.allSatisfy {
                [.sofShare(application: "A", year: 2009), .decision(application: "A")].contains($0.kind)
            })
        #expect(diagnosis.relaxations.map { ($0.shortfall / 1000).rounded() } == [25])
    }

    /// `weights.objective`: O is the mean of the application's objectives' weights. A names
    /// image (0.5) and crime_safety (1.5): O = 1; B names image alone: O = 0.5; C names
    /// crime_safety: O = 1.5. With 200.000 kr. for three asking 100.000 kr.: C, then A: 250 points.
    @Test func objectiveFactorIsTheMean() throws {
        let apps = [
            Fixture.app("A", salary: [100_000], objectives: [.image, .crimeSafety]),
            Fixture.app("B", salary: [100_000], objectives: [.image]),
            Fixture.app("C", salary: [100_000], objectives: [.crimeSafety]),
        ]
        var scenario = Fixture.scenario([200_000])
        scenario.weights.objective[.image] = 0.5
        scenario.weights.objective[.crimeSafety] = 1.5
        let allocation = try Allocator.solve(round: Fixture.round(apps), scenario: scenario)
        #expect(allocation.share("C") == 1 && allocation.share("A") == 1 && allocation.share("B") == 0)
        #expect(abs(allocation.priorityPoints - 250) < 1e-6)
        #expect(abs(allocation.outcome("A").prepared.weight.objective - 1) < 1e-12)
    }

    /// SOF outside the steering group, or no objective: nothing. Activity money without an accounting
    /// commitment: the activity lines alone are 0, the salary is funded. Envelope is ample.
    @Test func eligibilityRules() throws {
        let apps = [
            Fixture.app("NOSOF", salary: [100_000], sof: false),
            Fixture.app("NOOBJ", salary: [100_000], objectives: []),
            Fixture.app("NOACC", salary: [100_000], activities: [50_000], accounting: false),
            Fixture.app("ONLYACT", salary: [0], activities: [50_000], accounting: false),
        ]
        let a = try Fixture.solve(apps, envelope: [1_000_000])
        #expect(a.outcome("NOSOF").status == .ineligible && a.outcome("NOSOF").grantedTotal == 0)
        #expect(a.outcome("NOSOF").reasons == [.ineligible(.sofNotInSteeringGroup)])
        #expect(IneligibilityReason.sofNotInSteeringGroup.principle.contains("styregruppen"))
        #expect(a.outcome("NOOBJ").status == .ineligible && a.outcome("NOOBJ").reasons == [.ineligible(.noObjective)])
        let noAccounting = a.outcome("NOACC")
        #expect(noAccounting.status == .full)
        #expect(noAccounting.granted[0][.salary] == 100_000 && noAccounting.granted[0][.activities] == nil)
        #expect(noAccounting.reasons == [.ineligible(.activitiesWithoutAccounting), .fullyFunded(cut: 50_000)])
        // Asking for activity money alone, without the commitment: nothing of it may be funded.
        let onlyActivities = a.outcome("ONLYACT")
        #expect(onlyActivities.status == .ineligible && onlyActivities.grantedTotal == 0)
        #expect(onlyActivities.reasons == [.ineligible(.activitiesWithoutAccounting), .onlyIneligibleLines])
        #expect(abs(a.priorityPoints - 100) < tolerance)
        // With the rules off, all four are funded in full.
        var off = Rules()
        off.requireSofInSteeringGroup = false
        off.requireObjective = false
        off.requireActivityAccounting = false
        let b = try Fixture.solve(apps, envelope: [1_000_000], rules: off)
        #expect(b.allocated == [400_000] && abs(b.priorityPoints - 400) < tolerance)
    }

    /// Two years, 100.000 kr. asked each year; envelopes 100.000 and 50.000.
    /// Proportional: one share ≤ 0.5 for both years → P = 100. Per year: 1 and 0.5 → P = 150.
    @Test func proportionalAndPerYearCommitment() throws {
        let years = [2009, 2010]
        let apps = [Fixture.app("A", salary: [100_000, 100_000])]
        let proportional = try Fixture.solve(apps, envelope: [100_000, 50_000], years: years)
        #expect(abs(proportional.priorityPoints - 100) < tolerance)
        #expect(proportional.outcome("A").grantedByYear == [50_000, 50_000])
        var rules = Rules()
        rules.commitment = .perYear
        let perYear = try Fixture.solve(apps, envelope: [100_000, 50_000], years: years, rules: rules)
        #expect(abs(perYear.priorityPoints - 150) < tolerance)
        #expect(perYear.outcome("A").grantedByYear == [100_000, 50_000])
        #expect(abs(perYear.share("A") - 0.75) < tolerance)
    }

    /// Returns [1.0, 0.5]: each share is two halves, the second worth half. A (w 1) and B (w 0.6)
    /// ask 100.000 kr., envelope 100.000. Points per 1.000 kr.: A₁ 1.0, B₁ 0.6, A₂ 0.5, B₂ 0.3, so
    /// A₁ and B₁ are filled: shares 0.5 and 0.5, P = 50 + 30 = 80 (without returns A alone gives 100).
    @Test func diminishingReturns() throws {
        var rules = Rules()
        rules.returns = [1.0, 0.5]
        let apps = [Fixture.app("A", salary: [100_000]), Fixture.app("B", target: .secondary, salary: [100_000])]
        let a = try Fixture.solve(apps, envelope: [100_000], rules: rules)
        #expect(abs(a.priorityPoints - 80) < tolerance)
        #expect(abs(a.share("A") - 0.5) < tolerance && abs(a.share("B") - 0.5) < tolerance)
    }

    /// Two years; A asks nothing in 2009 and 100.000 kr. in 2010; envelopes 200.000 and 0.
    /// Without carry-over A gets nothing; with it the unspent 2009 money pays for 2010: P = 100.
    @Test func carryOver() throws {
        let years = [2009, 2010]
        let apps = [Fixture.app("A", salary: [0, 100_000])]
        let without = try Fixture.solve(apps, envelope: [200_000, 0], years: years)
        #expect(without.priorityPoints.magnitude < tolerance)
        var rules = Rules()
        rules.carryOver = true
        let with = try Fixture.solve(apps, envelope: [200_000, 0], years: years, rules: rules)
        #expect(abs(with.priorityPoints - 100) < tolerance)
        #expect(with.allocated == [0, 100_000])
        #expect(abs(with.carried[0] - 100_000) < 1e-3)
    }

    /// A (other area, w 0.4) asks 100.000, B (vulnerable, secondary, w 0.6) asks 40.000; envelope
    /// 200.000. primary_share_min 0.75: 40 ≥ 0.75·(40 + x_A) → x_A ≤ 13.333; P = 24 + 5.333.
    @Test func primaryShareMinimum() throws {
        var rules = Rules()
        rules.primaryShareMin = 0.75
        let apps = [
            Fixture.app("A", area: "O", salary: [100_000]), Fixture.app("B", target: .secondary, salary: [40_000]),
        ]
        let a = try Fixture.solve(apps, envelope: [200_000], rules: rules)
        #expect(abs(a.priorityPoints - (24 + 0.4 * 40_000 / 3 / 1000)) < tolerance)
        #expect(abs(a.share("A") - 40.0 / 3 / 100) < tolerance && a.share("B") == 1)
        #expect(a.outcome("A").binding.contains(.primaryShare(year: 2009)))
    }

    /// area_share_max 0.25 of a 200.000 envelope: at most 50.000 per area. A (V, w 1) and B (V2,
    /// w 0.6) ask 100.000 each: both get 50.000; P = 50 + 30 = 80, and 100.000 stays unspent.
    @Test func areaShareMaximum() throws {
        var rules = Rules()
        rules.areaShareMax = 0.25
        let apps = [
            Fixture.app("A", salary: [100_000]), Fixture.app("B", area: "V2", target: .secondary, salary: [100_000]),
        ]
        let a = try Fixture.solve(apps, envelope: [200_000], rules: rules)
        #expect(abs(a.priorityPoints - 80) < tolerance)
        #expect(a.allocated == [100_000])
        #expect(a.outcome("A").binding.contains(.areaShare(area: "V", year: 2009)))
        // One more 1.000 kr. of envelope raises both caps by 250 kr.: 0.25·1.0 + 0.25·0.6 = 0.4 points.
        #expect(abs(a.marginalPointsPer1000![0] - 0.4) < tolerance)
    }

    /// A health floor of 60.000 kr. takes money from A (networks, w 1) for B (health, w 0.6):
    /// envelope 100.000 → B 60.000, A 40.000; P = 40 + 36 = 76 (100 without the floor).
    @Test func focusFloor() throws {
        var rules = Rules()
        rules.focusFloor[.health] = 60_000
        let apps = [
            Fixture.app("A", salary: [100_000]),
            Fixture.app("B", target: .secondary, focus: [.health], salary: [100_000]),
        ]
        let a = try Fixture.solve(apps, envelope: [100_000], rules: rules)
        #expect(abs(a.priorityPoints - 76) < tolerance)
        #expect(a.outcome("B").grantedTotal == 60_000 && a.outcome("A").grantedTotal == 40_000)
        // A floor above the envelope cannot hold: the scenario is infeasible.
        rules.focusFloor[.health] = 150_000
        #expect(throws: InfeasibleScenario.self) { try Fixture.solve(apps, envelope: [100_000], rules: rules) }
    }

    /// min_fraction 0.6: A (w 1) and B (w 0.6) ask 100.000, envelope 150.000. The LP's B = 50% is
    /// not viable; the best is A 90% and B 60%: P = 90 + 36 = 126 (A alone: 100).
    /// B's own column of 0.5 wins over the rule: A in full and B at 50%, P = 130.
    @Test func minimumFractionRuleAndColumn() throws {
        var rules = Rules()
        rules.minFraction = 0.6
        let apps = [Fixture.app("A", salary: [100_000]), Fixture.app("B", target: .secondary, salary: [100_000])]
        let a = try Fixture.solve(apps, envelope: [150_000], rules: rules)
        // With both chosen, one more 1.000 kr. goes to A (at 0.9): its weight, 1.0 point.
        #expect(a.isMixedInteger && a.marginalsForChosenProjects && abs(a.marginalPointsPer1000![0] - 1) < tolerance)
        #expect(abs(a.priorityPoints - 126) < tolerance)
        #expect(abs(a.share("A") - 0.9) < tolerance && abs(a.share("B") - 0.6) < tolerance)
        let withColumn = [apps[0], Fixture.app("B", target: .secondary, salary: [100_000], minFraction: 0.5)]
        let b = try Fixture.solve(withColumn, envelope: [150_000], rules: rules)
        #expect(abs(b.priorityPoints - 130) < tolerance)
    }

    /// max_projects 1: only A (the best) is funded; P = 100 instead of 130.
    @Test func maximumNumberOfProjects() throws {
        var rules = Rules()
        rules.maxProjects = 1
        let apps = [Fixture.app("A", salary: [100_000]), Fixture.app("B", target: .secondary, salary: [100_000])]
        let a = try Fixture.solve(apps, envelope: [150_000], rules: rules)
        #expect(abs(a.priorityPoints - 100) < tolerance)
        #expect(a.outcome("B").status == .unfunded && a.outcome("A").status == .full)
    }

    /// Nothing eligible at all: an empty model is solved as "nothing to give", not an error.
    @Test func nothingEligible() throws {
        let a = try Fixture.solve([Fixture.app("A", salary: [100_000], sof: false)], envelope: [100_000])
        #expect(a.status == .optimal && a.allocated == [0] && a.priorityPoints == 0)
    }
}

/// `year_to_year_change_max` under `per_year`: a share may not swing from one year to the next.
@Suite struct YearToYearTests {
    /// One application asking 100.000 kr. in each of two years; envelopes 100.000 and 20.000.
    /// Free: φ = 1, then 0.2: 100 + 20 = 120 points. With at most 0.5 change: φ2 ≤ 0.2 and
    /// φ1 ≤ φ2 + 0.5 = 0.7: 70 + 20 = 90 points.
    @Test func theShareMayChangeOnlySoMuch() throws {
        var rules = Rules()
        rules.commitment = .perYear
        let apps = [Fixture.app("A", salary: [100_000, 100_000])]
        let free = try Fixture.solve(apps, envelope: [100_000, 20_000], years: [2009, 2010], rules: rules)
        #expect(abs(free.priorityPoints - 120) < 1e-6)
        rules.yearToYearChangeMax = 0.5
        let steady = try Fixture.solve(apps, envelope: [100_000, 20_000], years: [2009, 2010], rules: rules)
        #expect(abs(steady.priorityPoints - 90) < 1e-6)
        #expect(
            abs(steady.outcome("A").shareByYear[0] - 0.7) < 1e-9 && abs(steady.outcome("A").shareByYear[1] - 0.2) < 1e-9
        )
        #expect(steady.outcome("A").binding.contains(.yearToYear(application: "A", year: 2010)))
        // Under proportional commitment one share covers every year: the rule changes nothing.
        rules.commitment = .proportional
        let one = try Fixture.solve(apps, envelope: [100_000, 20_000], years: [2009, 2010], rules: rules)
        #expect(abs(one.priorityPoints - 40) < 1e-6)
    }
}

/// A MIP's marginal values: its integer choices fixed as found, the rest re-solved as an LP.
@Suite struct ChosenProjectMarginalTests {
    /// Two applications of 100.000 kr. with a minimum share of 0.5, weights 1.0 and 0.6. Envelope
    /// 120.000: A in full; B would get 0.2, below its minimum, so it is not chosen and 20.000 stays
    /// unspent: one more 1.000 kr. is worth nothing to the chosen set. Envelope 170.000: A in full,
    /// B at 0.7: one more 1.000 kr. goes to B, worth its weight, 0.6 points.
    @Test func marginalsHoldForTheChosenProjects() throws {
        let apps = [
            Fixture.app("A", salary: [100_000], minFraction: 0.5),
            Fixture.app("B", target: .secondary, salary: [100_000], minFraction: 0.5),
        ]
        let unspent = try Fixture.solve(apps, envelope: [120_000])
        #expect(unspent.isMixedInteger && unspent.marginalsForChosenProjects)
        #expect(unspent.outcome("B").grantedTotal == 0 && abs(unspent.marginalPointsPer1000![0]) < 1e-9)
        let partial = try Fixture.solve(apps, envelope: [170_000])
        #expect(abs(partial.share("B") - 0.7) < 1e-9 && abs(partial.marginalPointsPer1000![0] - 0.6) < 1e-9)
    }
}
