import Testing

@testable import LinearProgramming

/// A kept problem whose "envelope" is a fixed column: changing that column's value and re-solving
/// from the previous basis must give the fresh optimum.
@Suite struct WarmFixedColumnTests {
    /// max 3x + 2y, x ≤ 4, y ≤ 4, x + y − e ≤ 0, e fixed: optimum 3·min(e,4) + 2·min(max(e−4,0),4).
    @Test func changingAFixedColumnResolves() throws {
        var lp = LinearProgram(sense: .maximize)
        let x = try lp.addColumn("x", bounds: .between(0, 4), objective: 3)
        let y = try lp.addColumn("y", bounds: .between(0, 4), objective: 2)
        let e = try lp.addColumn("e", bounds: .equal(6))
        try lp.addRow("envelope", bounds: .atMost(0), terms: [(x, 1), (y, 1), (e, -1)])
        let problem = try GLPKProblem(lp)
        for value in [3.0, 6, 0, 8, 10, 5, 1] {
            try problem.setBounds(.equal(value), ofColumn: e)
            let s = try problem.solveLP()
            let expected = 3 * min(value, 4) + 2 * min(max(value - 4, 0), 4)
            #expect(s.status == .optimal)
            #expect(abs(s.objective - expected) < 1e-9, "e = \(value): \(s.objective) vs \(expected)")
        }
    }

    /// A fractional knapsack of 200 items whose capacity is a fixed column: after each large move
    /// of the capacity, a session told to restart from the greedy basis (the optimum of a knapsack
    /// but for ties) gives the fresh problem's solution in at most a couple of pivots, as does the
    /// session that goes on from its last basis.
    @Test func restartFromTheGreedyBasisAfterALargeMove() throws {
        var lp = LinearProgram(sense: .maximize)
        var items: [LinearProgram.ColumnID] = []
        var terms: [(LinearProgram.ColumnID, Double)] = []
        for i in 0..<200 {
            let size = Double(1 + (i * 37) % 11)
            let value = Double(1 + (i * 53) % 17)
            let x = try lp.addColumn("x\(i)", bounds: .between(0, 1), objective: value)
            items.append(x)
            terms.append((x, size))
        }
        let capacity = try lp.addColumn("capacity", bounds: .equal(100))
        try lp.addRow("capacity", bounds: .atMost(0), terms: terms + [(capacity, -1)])
        let kept = try SolverSession(lp)
        let warm = try SolverSession(lp)
        _ = try kept.solve()
        _ = try warm.solve()
        for value in [900.0, 50, 600, 10, 1000] {
            try kept.setBounds(.equal(value), of: capacity)
            try kept.restartFromGreedyBasis()
            try warm.setBounds(.equal(value), of: capacity)
            var fresh = lp
            try fresh.setBounds(.equal(value), of: capacity)
            let a = try kept.solve()
            let b = try warm.solve()
            let c = try SolverSession(fresh).solve()
            #expect(a.status == .optimal && abs(a.objective - c.objective) <= 1e-9 * c.objective)
            #expect(zip(a.columnValues, c.columnValues).allSatisfy { abs($0 - $1) <= 1e-9 }, "capacity \(value)")
            #expect(abs(b.objective - c.objective) <= 1e-9 * c.objective)
            #expect(a.iterations <= 2, "capacity \(value): \(a.iterations) pivots from the greedy basis")
        }
    }
}
