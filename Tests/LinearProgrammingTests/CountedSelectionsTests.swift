import PropertyBased
import Testing

@testable import LinearProgramming

/// The greedy basis of a relaxation whose count row `Σ z ≤ K` binds: the projects ranked by what
/// selecting each is worth, the best kept, the count row tight.
@Suite struct CountedSelectionsTests {
    /// Three projects of two shares each (money `≤ 50·z` per share), an envelope of 140 and one
    /// project at most. Over all three the greedy pass funds A and most of B (count 1.8); ranked by
    /// worth, A alone is kept (295 points against 145 for B and 70 for C with the envelope then not
    /// binding), and the basis is the relaxation's optimum: A in full, 295 points, no pivot.
    @Test func theBestProjectIsKeptAndTheCountRowStartsTight() throws {
        var lp = LinearProgram(name: "counted", sense: .maximize)
        var money: [LinearProgram.ColumnID] = []
        var selections: [LinearProgram.ColumnID] = []
        var ownRows: [LinearProgram.RowID] = []
        for (name, earnings) in [("A", [3.0, 2.9]), ("B", [1.5, 1.4]), ("C", [1.2, 0.2])] {
            let shares = try earnings.enumerated().map { s, c in
                try lp.addColumn("\(name)\(s + 1)", bounds: .between(0, 50), objective: c)
            }
            let z = try lp.addColumn("z\(name)", bounds: .between(0, 1), kind: .binary)
            try lp.addRow("selected_\(name)", bounds: .atMost(0), terms: shares.map { ($0, 1) } + [(z, -100)])
            for (s, share) in shares.enumerated() {
                ownRows.append(
                    try lp.addRow("selected_\(name)_\(s + 1)", bounds: .atMost(0), terms: [(share, 1), (z, -50)]))
            }
            money += shares
            selections.append(z)
        }
        try lp.addRow("envelope", bounds: .atMost(140), terms: money.map { ($0, 1) })
        let count = try lp.addRow("max_projects", bounds: .atMost(1), terms: selections.map { ($0, 1) })

        let basis = lp.greedyBasis()
        #expect(basis.basicCount == lp.rows.count)
        #expect(basis.rows[count.index] == .atUpper)
        #expect(basis.columns[selections[0].index] == .basic) // A: kept, the count row's price
        #expect(basis.columns[selections[1].index] == .atLower)
        #expect(basis.columns[selections[2].index] == .atLower)
        // Every share earns more than the (then idle) envelope charges: basic, its own row tight.
        #expect(money.allSatisfy { basis.columns[$0.index] == .basic })
        #expect(ownRows.allSatisfy { basis.rows[$0.index] == .atUpper })

        let solution = try GLPKProblem(lp).solveLP()
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 295) <= 1e-9)
        #expect(abs(solution.value(selections[0]) - 1) <= 1e-9)
        #expect(solution.iterations == 0)
    }

    /// Random rounds shaped like the memo's model with a most-projects rule: projects of one to
    /// three shares of diminishing earnings, one to three envelope rows, area caps, some projects
    /// with a least share if selected, and a count row that binds or not. From the greedy basis
    /// GLPK finds the relaxation's optimum found from its standard basis.
    @Test func randomRoundsSolveAlikeFromTheCountedBasis() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000), Gen.bool) { seed, plain in
            let (fromGreedy, reference, _) = try Self.solvedBothWays(seed: seed, plain: plain)
            #expect(fromGreedy.status == .optimal)
            #expect(reference.status == .optimal)
            #expect(abs(fromGreedy.objective - reference.objective) <= 1e-7 * max(1, abs(reference.objective)))
        }
    }

    /// What the ranking buys, on 300 fixed rounds with one envelope and nothing else in the way:
    /// most rounds whose count row binds start at the optimum, and all together they take a small
    /// part of the pivots GLPK takes from its standard basis (measured: 490 of 619 without a pivot,
    /// 1,031 pivots against 40,737 over 985 such rounds; none took more).
    @Test func theCountedBasisSavesThePivots() throws {
        var counted = 0
        var atOptimum = 0
        var pivots = 0
        var referencePivots = 0
        for seed in 0..<300 {
            let (fromGreedy, reference, wasCounted) = try Self.solvedBothWays(seed: seed, plain: true)
            #expect(abs(fromGreedy.objective - reference.objective) <= 1e-7 * max(1, abs(reference.objective)))
            guard wasCounted else { continue }
            counted += 1
            if fromGreedy.iterations == 0 { atOptimum += 1 }
            pivots += fromGreedy.iterations
            referencePivots += reference.iterations
        }
        #expect(counted >= 100)
        #expect(atOptimum * 2 >= counted)
        #expect(pivots * 10 <= referencePivots)
    }

    /// One random round's relaxation solved from the greedy basis and from GLPK's standard basis,
    /// and whether the count row bound the greedy pass (the counted basis was taken).
    static func solvedBothWays(seed: Int, plain: Bool) throws -> (Solution, reference: Solution, counted: Bool) {
        var rng = Xoshiro(seed: (0xC0FF_EE11, UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 5, UInt64(seed), 7))
        let lp = try Self.round(&rng, plain: plain)
        #expect(lp.greedyBasis().basicCount == lp.rows.count)
        let pass = GreedyPass(lp)
        let counted = CountedSelections(pass).flatMap { $0.basis(from: pass.run(), pass: pass) } != nil
        let fromGreedy = try GLPKProblem(lp).solveLP()
        let standard = try GLPKProblem(lp)
        standard.startFromStandardBasis()
        return (fromGreedy, try standard.solveLP(), counted)
    }

    /// A relaxation of a round: `plain` is one envelope, no caps and no least shares.
    static func round(_ rng: inout Xoshiro, plain: Bool) throws -> LinearProgram {
        var lp = LinearProgram(name: "round", sense: .maximize)
        let projects = Int.random(in: 3...80, using: &rng)
        let segments = Int.random(in: 1...3, using: &rng)
        let years = plain ? 1 : Int.random(in: 1...3, using: &rng)
        let areas = plain ? 0 : Int.random(in: 0...4, using: &rng)
        let returns = [1.0, 0.7, 0.4]
        var yearTerms = [[(LinearProgram.ColumnID, Double)]](repeating: [], count: years)
        var areaTerms = [[(LinearProgram.ColumnID, Double)]](repeating: [], count: areas)
        var selections: [LinearProgram.ColumnID] = []
        var requested = [Double](repeating: 0, count: years)
        for p in 0..<projects {
            let weight = Double.random(in: 0.1...1, using: &rng)
            let scale = Double.random(in: 10...500, using: &rng)
            let byYear = (0..<years).map { _ in scale * Double.random(in: 0.5...1, using: &rng) }
            let shares = try (0..<segments).map { s in
                try lp.addColumn(
                    "v\(p)_\(s)", bounds: .between(0, scale / Double(segments)),
                    objective: weight * returns[s] * byYear.reduce(0, +) / scale)
            }
            let z = try lp.addColumn("z\(p)", bounds: .between(0, 1), kind: .binary)
            selections.append(z)
            let area = areas > 0 ? Int.random(in: 0..<areas, using: &rng) : -1
            for share in shares {
                for y in 0..<years { yearTerms[y].append((share, byYear[y] / scale)) }
                if area >= 0 { areaTerms[area].append((share, byYear.reduce(0, +) / scale)) }
            }
            for y in 0..<years { requested[y] += byYear[y] }
            try lp.addRow("selected_\(p)", bounds: .atMost(0), terms: shares.map { ($0, 1) } + [(z, -scale)])
            if segments > 1 {
                for (s, share) in shares.enumerated() {
                    try lp.addRow(
                        "selected_\(p)_\(s)", bounds: .atMost(0), terms: [(share, 1), (z, -scale / Double(segments))])
                }
            }
            if !plain, Int.random(in: 0..<4, using: &rng) == 0 {
                try lp.addRow(
                    "min_fraction_\(p)", bounds: .atLeast(0), terms: shares.map { ($0, 1) } + [(z, -0.3 * scale)])
            }
        }
        for y in 0..<years {
            try lp.addRow(
                "envelope_\(y)", bounds: .atMost(requested[y] * Double.random(in: 0.2...0.9, using: &rng)),
                terms: yearTerms[y])
        }
        for (a, terms) in areaTerms.enumerated() where !terms.isEmpty {
            try lp.addRow(
                "cap_\(a)", bounds: .atMost(requested.reduce(0, +) * Double.random(in: 0.1...0.5, using: &rng)),
                terms: terms)
        }
        try lp.addRow(
            "max_projects", bounds: .atMost(Double(Int.random(in: 1...projects, using: &rng))),
            terms: selections.map { ($0, 1) })
        return lp
    }
}
