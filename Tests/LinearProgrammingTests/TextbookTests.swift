import Foundation
import Testing

@testable import LinearProgramming

/// Textbook programs whose optima and duals are known by hand.
@Suite struct TextbookTests {
    let tolerance = 1e-9

    /// Hillier & Lieberman's Wyndor Glass: max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18.
    /// Optimum x = 2, y = 6, value 36; shadow prices 0, 1.5 and 1.
    func wyndor() throws -> (LinearProgram, [LinearProgram.RowID]) {
        var lp = LinearProgram(name: "wyndor", sense: .maximize)
        let x = try lp.addColumn("x", bounds: .atLeast(0), objective: 3)
        let y = try lp.addColumn("y", bounds: .atLeast(0), objective: 5)
        let r1 = try lp.addRow("plant1", bounds: .atMost(4), terms: [(x, 1)])
        let r2 = try lp.addRow("plant2", bounds: .atMost(12), terms: [(y, 2)])
        let r3 = try lp.addRow("plant3", bounds: .atMost(18), terms: [(x, 3), (y, 2)])
        return (lp, [r1, r2, r3])
    }

    @Test func wyndorOptimumAndDuals() throws {
        let (lp, rows) = try wyndor()
        let solution = try GLPKProblem(lp).solveLP()
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 36) < tolerance)
        #expect(abs(solution.columnValues[0] - 2) < tolerance)
        #expect(abs(solution.columnValues[1] - 6) < tolerance)
        #expect(abs(solution.dual(rows[0])! - 0) < tolerance)
        #expect(abs(solution.dual(rows[1])! - 1.5) < tolerance)
        #expect(abs(solution.dual(rows[2])! - 1) < tolerance)
        #expect(abs(solution.activity(rows[2]) - 18) < tolerance)
    }

    /// min 2x + 3y, x + y ≥ 4, x + 3y ≥ 6: optimum (3, 1) = 9, duals 1.5 and 0.5.
    @Test func minimisationWithGreaterThanRows() throws {
        var lp = LinearProgram(sense: .minimize)
        let x = try lp.addColumn("x", bounds: .atLeast(0), objective: 2)
        let y = try lp.addColumn("y", bounds: .atLeast(0), objective: 3)
        let a = try lp.addRow("a", bounds: .atLeast(4), terms: [(x, 1), (y, 1)])
        let b = try lp.addRow("b", bounds: .atLeast(6), terms: [(x, 1), (y, 3)])
        let solution = try GLPKProblem(lp).solveLP()
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 9) < tolerance)
        #expect(abs(solution.value(x) - 3) < tolerance && abs(solution.value(y) - 1) < tolerance)
        #expect(abs(solution.dual(a)! - 1.5) < tolerance)
        #expect(abs(solution.dual(b)! - 0.5) < tolerance)
        #expect(abs(solution.reducedCost(x)!) < tolerance)
    }

    @Test func infeasibleAndUnbounded() throws {
        var infeasible = LinearProgram(sense: .maximize)
        let x = try infeasible.addColumn("x", bounds: .between(0, 10), objective: 1)
        try infeasible.addRow("low", bounds: .atLeast(5), terms: [(x, 1)])
        try infeasible.addRow("high", bounds: .atMost(3), terms: [(x, 1)])
        #expect(try GLPKProblem(infeasible).solveLP().status == .infeasible)

        var unbounded = LinearProgram(sense: .maximize)
        let u = try unbounded.addColumn("u", bounds: .atLeast(0), objective: 1)
        let v = try unbounded.addColumn("v", bounds: .atLeast(0), objective: 1)
        try unbounded.addRow("r", bounds: .atMost(1), terms: [(u, 1), (v, -1)])
        #expect(try GLPKProblem(unbounded).solveLP().status == .unbounded)
    }

    /// 0-1 knapsack with three constraints: max 5a + 4b + 3c; the best pair {a, b} is worth 9
    /// (a, b, c together break the first row; {a, c} = 8; {b, c} = 7).
    @Test func binaryKnapsack() throws {
        var lp = LinearProgram(sense: .maximize)
        let a = try lp.addColumn("a", bounds: .between(0, 1), kind: .binary, objective: 5)
        let b = try lp.addColumn("b", bounds: .between(0, 1), kind: .binary, objective: 4)
        let c = try lp.addColumn("c", bounds: .between(0, 1), kind: .binary, objective: 3)
        try lp.addRow("r1", bounds: .atMost(5), terms: [(a, 2), (b, 3), (c, 1)])
        try lp.addRow("r2", bounds: .atMost(11), terms: [(a, 4), (b, 1), (c, 2)])
        try lp.addRow("r3", bounds: .atMost(8), terms: [(a, 3), (b, 4), (c, 2)])
        #expect(lp.isMixedInteger)
        let solution = try GLPKProblem(lp).solve()
        #expect(solution.status == .optimal)
        #expect(solution.isMixedInteger && solution.rowDuals.isEmpty)
        #expect(abs(solution.objective - 9) < tolerance)
        #expect(solution.columnValues.map { $0.rounded() } == [1, 1, 0])
    }

    /// Integer program: max x + y, 2x + 2y ≤ 7 (LP optimum 3.5, integer optimum 3).
    @Test func integerRounding() throws {
        var lp = LinearProgram(sense: .maximize)
        let x = try lp.addColumn("x", bounds: .between(0, 10), kind: .integer, objective: 1)
        let y = try lp.addColumn("y", bounds: .between(0, 10), kind: .integer, objective: 1)
        try lp.addRow("r", bounds: .atMost(7), terms: [(x, 2), (y, 2)])
        let problem = try GLPKProblem(lp)
        #expect(abs(try problem.solveLP().objective - 3.5) < tolerance)
        #expect(abs(try problem.solveMIP().objective - 3) < tolerance)
    }

    /// After a row bound changes, the kept problem re-solves from its basis to the fresh optimum.
    @Test func warmStartMatchesFreshSolve() throws {
        var (lp, rows) = try wyndor()
        let problem = try GLPKProblem(lp)
        _ = try problem.solveLP()
        for bound in stride(from: 0.0, through: 30, by: 1.5) {
            try problem.setBounds(.atMost(bound), ofRow: rows[2])
            try lp.setBounds(.atMost(bound), of: rows[2])
            let warm = try problem.solveLP()
            let fresh = try GLPKProblem(lp).solveLP()
            #expect(warm.status == .optimal)
            #expect(abs(warm.objective - fresh.objective) < 1e-7)
        }
    }

    @Test func writesCplexLPAndMPS() throws {
        let (lp, _) = try wyndor()
        let problem = try GLPKProblem(lp)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lpw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try problem.write(to: dir.appendingPathComponent("m.lp").path, format: .cplexLP)
        try problem.write(to: dir.appendingPathComponent("m.mps").path, format: .mps)
        let lpText = try String(contentsOf: dir.appendingPathComponent("m.lp"), encoding: .utf8)
        let mpsText = try String(contentsOf: dir.appendingPathComponent("m.mps"), encoding: .utf8)
        #expect(lpText.contains("Maximize") && lpText.contains("plant3"))
        #expect(mpsText.contains("ROWS") && mpsText.contains("RHS"))
        #expect(throws: LPError.self) { try problem.write(to: "/nonexistent-dir/x.lp", format: .cplexLP) }
        #expect(GLPKProblem.version.hasPrefix("5."))
    }
}
