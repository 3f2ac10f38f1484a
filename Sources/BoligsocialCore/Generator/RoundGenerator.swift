/// Makes illustrative grant rounds of any size for tests and benchmarks: areas across the risk
/// classes, applications with every focus area, objective and quality criterion, and the
/// eligibility failures at realistic rates. Amounts are illustrative.
public enum RoundGenerator {
    public static func round(
        applications count: Int, areas areaCount: Int? = nil, years: [Int] = [2009, 2010, 2011, 2012],
        seed: UInt64
    ) -> Round {
        var rng = SeededGenerator(seed: seed)
        let areaCount = max(1, areaCount ?? max(4, count / 20))
        let areas = (0..<areaCount).map { i in
            Area(
                id: "AR\(i + 1)", name: "Boligområde \(i + 1)", district: "Bydel \(i % 10 + 1)",
                risk: RiskClass.allCases[Int.random(in: 0..<4, using: &rng)])
        }
        // The memo's further criteria and the assessment from a stream of their own, so the rest
        // of a generated round is the same with them as it was before they existed.
        var further = SeededGenerator(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
        let applications = (0..<count).map { i in
            var a = application(
                index: i, area: areas[Int.random(in: 0..<areaCount, using: &rng)].id, years: years, using: &rng)
            for criterion in QualityCriterion.optional {
                a.set(criterion, Double.random(in: 0..<1, using: &further) < 0.4)
            }
            a.assessment =
                Double.random(in: 0..<1, using: &further) < 0.3 ? Int.random(in: 1...5, using: &further) : nil
            // A third co-funded: a main project budget of 1.5–4 times the request, other funders
            // giving up to half of what the request leaves.
            if Double.random(in: 0..<1, using: &further) < 0.3 {
                let factor = Double.random(in: 1.5...4, using: &further)
                let other = Double.random(in: 0...0.5, using: &further)
                a.totalBudget = a.requests.map { (($0.total * factor) / 1000).rounded() * 1000 }
                a.otherFunding = zip(a.requests, a.totalBudget).map { request, budget in
                    ((budget! - request.total) * other / 1000).rounded(.down) * 1000
                }
            }
            return a
        }
        return Round(years: years, areas: areas, applications: applications)
    }

    static func application(index i: Int, area: String, years: [Int], using rng: inout SeededGenerator) -> Application {
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        var focus = FocusArea.allCases.shuffled(using: &rng)
        focus = chance(0.1) ? [] : Array(focus.prefix(Int.random(in: 1...3, using: &rng)))
        let objectives =
            chance(0.04)
            ? [] : Array(Objective.allCases.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)))
        let salary = Double(Int.random(in: 100...900, using: &rng) * 1000)
        let rent = chance(0.5) ? Double(Int.random(in: 20...150, using: &rng) * 1000) : 0
        let activities = chance(0.7) ? Double(Int.random(in: 10...200, using: &rng) * 1000) : 0
        let growth = Double.random(in: 0.9...1.1, using: &rng)
        let requests = years.indices.map { y -> CategoryMap<Double> in
            let f = y == 0 ? 1 : growth
            var r: CategoryMap<Double> = [.salary: (salary * f).rounded()]
            if rent > 0 { r[.rent] = rent }
            if activities > 0 { r[.activities] = (activities * f).rounded() }
            return r
        }
        return Application(
            id: "G\(i + 1)", title: "Projekt \(i + 1)", areaID: area, focus: focus, objectives: objectives,
            targetGroup: chance(0.7) ? .primary : .secondary, sofInSteeringGroup: !chance(0.05),
            clearGoals: chance(0.6), anchoringPlan: chance(0.5), coordinatorRole: chance(0.5), crossAdmin: chance(0.3),
            activityAccounting: !chance(0.1),
            theoryOfChange: [.explicit, .implicit, .none][Int.random(in: 0..<3, using: &rng)],
            minFraction: chance(0.2) ? Double(Int.random(in: 3...8, using: &rng)) / 10 : nil, requests: requests)
    }

    /// A scenario for a generated round whose envelopes fund about `coverage` of the requests.
    public static func scenario(for round: Round, coverage: Double = 0.6, name: String = "Generated round") -> Scenario
    {
        var envelope: [Int: Double] = [:]
        for (y, year) in round.years.enumerated() {
            let asked = round.applications.reduce(0) { $0 + $1.requests[y].total }
            envelope[year] = (asked * coverage / 1000).rounded() * 1000
        }
        return Scenario(name: name, years: round.years, envelope: envelope)
    }
}
