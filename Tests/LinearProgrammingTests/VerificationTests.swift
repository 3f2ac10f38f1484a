import Testing

@testable import LinearProgramming

/// The check of a floating-point optimum against the unscaled program, and the exact re-solve.
@Suite struct VerificationTests {
    /// max x + y, x + y ≤ 4, x ≤ 3 (bound), y ≤ 2 (bound): optimum 4 at many points.
    static func program() throws -> (LinearProgram, LinearProgram.ColumnID, LinearProgram.ColumnID) {
        var lp = LinearProgram(sense: .maximize)
        let x = try lp.addColumn("x", bounds: .between(0, 3), objective: 1)
        let y = try lp.addColumn("y", bounds: .between(0, 2), objective: 1)
        try lp.addRow("cap", bounds: .atMost(4), terms: [(x, 1), (y, 1)])
        return (lp, x, y)
    }

    static func solution(_ values: [Double], reducedCosts: [Double] = [0, 0]) -> Solution {
        Solution(
            status: .optimal, objective: values.reduce(0, +), columnValues: values,
            rowActivities: [values.reduce(0, +)],
            rowDuals: [1], reducedCosts: reducedCosts, isMixedInteger: false)
    }

    @Test func violationsAreMeasuredAgainstTheRowsOwnMagnitude() throws {
        let (lp, _, _) = try Self.program()
        #expect(lp.largestRelativeViolation(Self.solution([2, 2])) == 0)
        // 4.00000004 against a row of magnitude 5: 8e-9, within 1e-8.
        #expect(lp.largestRelativeViolation(Self.solution([2.00000004, 2])) < GLPKProblem.acceptedViolation)
        // A tenth over: far beyond.
        #expect(abs(lp.largestRelativeViolation(Self.solution([2.5, 2])) - 0.5 / 5.5) < 1e-12)
        // A bound missed: x = 3.3 against 3.
        #expect(lp.largestRelativeViolation(Self.solution([3.3, 0])) > 0.07)
    }

    @Test func anImprovingReducedCostIsFound() throws {
        let (lp, _, _) = try Self.program()
        // y at 1, below its upper bound, with a positive reduced cost when maximising: not optimal.
        #expect(lp.largestRelativeImprovement(Self.solution([3, 1], reducedCosts: [0, 0.5])) == 0.25)
        // At its upper bound the same reduced cost says nothing.
        #expect(lp.largestRelativeImprovement(Self.solution([2, 2], reducedCosts: [0, 0.5])) == 0)
    }

    @Test func theExactSolveAgreesOnATextbookProgram() throws {
        let (lp, _, _) = try Self.program()
        let exact = try SolverSession(lp).solveExactly()
        #expect(exact.status == .optimal && exact.objective == 4)
        var infeasible = lp
        try infeasible.addRow(
            "floor", bounds: .atLeast(6),
            terms: [(LinearProgram.ColumnID(index: 0), 1), (LinearProgram.ColumnID(index: 1), 1)])
        #expect(try SolverSession(infeasible, verified: true).solve().status == .infeasible)
        #expect(try SolverSession(infeasible).solveExactly().status == .infeasible)
    }
}
