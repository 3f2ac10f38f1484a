import Foundation
import Testing

@testable import LinearProgramming

/// Independent blocks solved apart give the whole program's solution, in its own numbering.
@Suite struct BlockSolverTests {
    /// Two Wyndor Glass plants side by side (interleaved columns and rows; optima 36 and 54), and a third block that
    /// is infeasible on demand.
    static func program(infeasibleThird: Bool = false) throws -> LinearProgram {
        var lp = LinearProgram(name: "blocks", sense: .maximize)
        let x1 = try lp.addColumn("x1", bounds: .atLeast(0), objective: 3)
        let x2 = try lp.addColumn("x2", bounds: .atLeast(0), objective: 3)
        let y1 = try lp.addColumn("y1", bounds: .atLeast(0), objective: 5)
        let y2 = try lp.addColumn("y2", bounds: .atLeast(0), objective: 5)
        try lp.addRow("p1a", bounds: .atMost(4), terms: [(x1, 1)])
        try lp.addRow("p2a", bounds: .atMost(8), terms: [(x2, 1)])
        try lp.addRow("p1b", bounds: .atMost(12), terms: [(y1, 2)])
        try lp.addRow("p2b", bounds: .atMost(12), terms: [(y2, 2)])
        try lp.addRow("p1c", bounds: .atMost(18), terms: [(x1, 3), (y1, 2)])
        try lp.addRow("p2c", bounds: .atMost(36), terms: [(x2, 3), (y2, 2)])
        if infeasibleThird {
            let z = try lp.addColumn("z", bounds: .between(0, 1), objective: 1)
            try lp.addRow("impossible", bounds: .atLeast(2), terms: [(z, 1)])
        }
        return lp
    }

    @Test func blocksAreFoundAndSolvedLikeTheWhole() throws {
        let lp = try Self.program()
        let blocks = try #require(lp.independentBlocks())
        #expect(blocks.count == 2)
        #expect(blocks.map { Set($0.columns) } == [Set([0, 2]), Set([1, 3])])
        let whole = try GLPKProblem(lp).solveLP()
        for jobs in [1, 2] {
            let apart = try BlockSolver.solve(lp, jobs: jobs)
            #expect(apart.status == .optimal)
            #expect(abs(apart.objective - whole.objective) < 1e-9 && abs(apart.objective - 36 - 54) < 1e-9)
            for (a, b) in zip(apart.columnValues, whole.columnValues) { #expect(abs(a - b) < 1e-9) }
            for (a, b) in zip(apart.rowDuals, whole.rowDuals) { #expect(abs(a - b) < 1e-9) }
            for (a, b) in zip(apart.rowActivities, whole.rowActivities) { #expect(abs(a - b) < 1e-9) }
        }
    }

    @Test func anInfeasibleBlockMakesTheWholeInfeasible() throws {
        let apart = try BlockSolver.solve(try Self.program(infeasibleThird: true), jobs: 2)
        #expect(apart.status == .infeasible)
    }

    /// One row touching every column: one block, solved whole.
    @Test func aCouplingRowKeepsOneBlock() throws {
        var lp = try Self.program()
        try lp.addRow("budget", bounds: .atMost(100), terms: lp.columnIDs.map { ($0, 1) })
        #expect(lp.independentBlocks() == nil)
    }

    /// Blocks go side by side while they fit in the memory budget together, else one by one, and
    /// either way give the same solution.
    @Test func blocksGoSideBySideOnlyWithinTheMemoryBudget() throws {
        let lp = try Self.program()
        let blocks = try #require(lp.independentBlocks())
        // Two blocks of 2 columns, 8 entries in all: 4 entries, 600 bytes, a block.
        #expect(BlockSolver.sideBySide(blocks, program: lp, jobs: 4) == 4)
        #expect(BlockSolver.sideBySide(blocks, program: lp, jobs: 2, budget: 1200) == 2)
        #expect(BlockSolver.sideBySide(blocks, program: lp, jobs: 2, budget: 1199) == 1)
        #expect(BlockSolver.sideBySide(blocks, program: lp, jobs: 2, budget: 0) == 1)
    }
}
