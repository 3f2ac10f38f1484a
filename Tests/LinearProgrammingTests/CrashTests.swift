import PropertyBased
import Testing

@testable import LinearProgramming

/// The greedy starting basis: valid on any program, optimal on a knapsack with disjoint caps, and
/// never changing what GLPK finds.
@Suite struct CrashTests {
    /// A fractional knapsack with disjoint group caps, shaped like one year of the memo's model:
    /// shares in [0, 1], an envelope column fixed at its amount, `Σ r·x − e ≤ 0` and, per group,
    /// `Σ_group r·x − m·e ≤ 0`.
    static func knapsack(seed: UInt64, items: Int, groups: Int) throws -> (LinearProgram, optimum: Double) {
        var rng = Xoshiro(seed: (seed, seed &* 31 &+ 7, 0x9E37_79B9_7F4A_7C15, 1))
        var lp = LinearProgram(name: "knapsack", sense: .maximize)
        var request: [Double] = []
        var points: [Double] = []
        var group: [Int] = []
        var columns: [LinearProgram.ColumnID] = []
        for i in 0..<items {
            request.append(Double(Int.random(in: 1...500, using: &rng)))
            points.append(
                request[i] * [0.6, 1, 1.2, 1.5].randomElement(using: &rng)! * Double.random(in: 0.5...1.5, using: &rng))
            group.append(Int.random(in: 0..<groups, using: &rng))
            columns.append(try lp.addColumn("x\(i)", bounds: .between(0, 1), objective: points[i]))
        }
        let envelope = request.reduce(0, +) * Double.random(in: 0.2...0.8, using: &rng)
        let cap = Double.random(in: 1.5...3, using: &rng) / Double(groups)
        let e = try lp.addColumn("e", bounds: .equal(envelope))
        try lp.addRow("envelope", bounds: .atMost(0), terms: zip(columns, request).map { ($0, $1) } + [(e, -1)])
        for g in 0..<groups {
            let members = (0..<items).filter { group[$0] == g }
            guard !members.isEmpty else { continue }
            try lp.addRow(
                "cap\(g)", bounds: .atMost(0), terms: members.map { (columns[$0], request[$0]) } + [(e, -cap)])
        }
        // The optimum by hand: best points per krone first, within the envelope and each group's cap.
        var left = envelope
        var groupLeft = [Double](repeating: cap * envelope, count: groups)
        var optimum = 0.0
        for i in (0..<items).sorted(by: { points[$0] / request[$0] > points[$1] / request[$1] }) {
            let money = min(request[i], left, groupLeft[group[i]])
            guard money > 0 else { continue }
            optimum += points[i] * money / request[i]
            left -= money
            groupLeft[group[i]] -= money
        }
        return (lp, optimum)
    }

    @Test func aKnapsackWithDisjointCapsStartsAtItsOptimum() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000), Gen.int(in: 2...400), Gen.int(in: 1...30)) {
            seed, items, groups in
            let (lp, optimum) = try Self.knapsack(seed: UInt64(seed), items: items, groups: groups)
            let basis = lp.greedyBasis()
            #expect(basis.basicCount == lp.rows.count)
            let solution = try GLPKProblem(lp).solveLP()
            #expect(solution.status == .optimal)
            #expect(abs(solution.objective - optimum) <= 1e-7 * max(1, optimum))
            #expect(solution.iterations == 0)
        }
    }

    /// A project switched on by a binary (`x ≤ 10·z` per share): the greedy pass funds both shares
    /// (one in full, one up to the envelope), and the binary starts in the basis at the least value
    /// its rows allow, the row of the share funded in full tight; the LP relaxation is then optimal
    /// at once, where from `z = 0` both rows were violated.
    @Test func aSelectionStartsSwitchedOnAsFarAsItsSharesNeed() throws {
        var lp = LinearProgram(name: "selection", sense: .maximize)
        let x1 = try lp.addColumn("x1", bounds: .between(0, 10), objective: 3)
        let x2 = try lp.addColumn("x2", bounds: .between(0, 10), objective: 2)
        let z = try lp.addColumn("z", bounds: .between(0, 1), kind: .binary)
        try lp.addRow("envelope", bounds: .atMost(15), terms: [(x1, 1), (x2, 1)])
        let first = try lp.addRow("selected_1", bounds: .atMost(0), terms: [(x1, 1), (z, -10)])
        let second = try lp.addRow("selected_2", bounds: .atMost(0), terms: [(x2, 1), (z, -10)])
        let basis = lp.greedyBasis()
        #expect(basis.basicCount == lp.rows.count)
        #expect(basis.columns[z.index] == .basic)
        #expect(basis.rows[first.index] == .atUpper)
        #expect(basis.rows[second.index] == .basic)
        let problem = try GLPKProblem(lp)
        let solution = try problem.solveLP()
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 40) <= 1e-9)
        #expect(abs(solution.value(z) - 1) <= 1e-9)
        #expect(solution.iterations == 0)
    }

    /// Random programs of every row and column kind the greedy pass treats differently (packing
    /// rows, floors, ranges, equalities, negative coefficients, fixed, free and one-sided columns,
    /// minimising and maximising): GLPK from the greedy basis finds the same status and objective
    /// as from its standard basis.
    @Test func randomProgramsSolveAlikeFromTheGreedyBasis() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000)) { seed in
            var rng = Xoshiro(seed: (UInt64(seed), 17, 0xDEAD_BEEF, UInt64(seed) &* 3))
            let lp = try Self.randomProgram(&rng)
            #expect(lp.greedyBasis().basicCount == lp.rows.count)
            let fromGreedy = try GLPKProblem(lp).solveLP()
            let standard = try GLPKProblem(lp)
            standard.startFromStandardBasis()
            let reference = try standard.solveLP()
            #expect(fromGreedy.status.hasSolution == reference.status.hasSolution)
            if fromGreedy.status == .optimal, reference.status == .optimal {
                #expect(abs(fromGreedy.objective - reference.objective) <= 1e-6 * max(1, abs(reference.objective)))
            }
        }
    }

    static func randomProgram(_ rng: inout Xoshiro) throws -> LinearProgram {
        var lp = LinearProgram(name: "random", sense: Bool.random(using: &rng) ? .maximize : .minimize)
        let n = Int.random(in: 1...25, using: &rng)
        let m = Int.random(in: 1...12, using: &rng)
        var columns: [LinearProgram.ColumnID] = []
        for j in 0..<n {
            let bounds: LinearProgram.Bounds =
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: .equal(Double.random(in: 0...3, using: &rng))
                case 1: .atLeast(0)
                case 2: .atMost(Double.random(in: 1...5, using: &rng))
                default: .between(0, Double.random(in: 0.5...5, using: &rng))
                }
            columns.append(try lp.addColumn("x\(j)", bounds: bounds, objective: Double.random(in: -2...5, using: &rng)))
        }
        for i in 0..<m {
            var terms: [(LinearProgram.ColumnID, Double)] = []
            for column in columns where Int.random(in: 0..<3, using: &rng) == 0 {
                let negative = Int.random(in: 0..<6, using: &rng) == 0
                terms.append((column, (negative ? -1 : 1) * Double.random(in: 0.1...4, using: &rng)))
            }
            if terms.isEmpty { terms = [(columns[i % n], 1)] }
            let level = Double.random(in: 0...20, using: &rng)
            let bounds: LinearProgram.Bounds =
                switch Int.random(in: 0..<8, using: &rng) {
                case 0: .atLeast(level / 4)
                case 1: .between(level / 4, level)
                case 2: .equal(level / 2)
                default: .atMost(level)
                }
            try lp.addRow("r\(i)", bounds: bounds, terms: terms)
        }
        // Keep every program bounded: one packing row over all columns with an upper bound.
        try lp.addRow("all", bounds: .between(-50, 50), terms: columns.map { ($0, 1) })
        return lp
    }
}
