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
}
