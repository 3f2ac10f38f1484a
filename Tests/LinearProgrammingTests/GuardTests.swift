import Foundation
import Testing

@testable import LinearProgramming

/// Arguments that would make GLPK call abort() must come back as Swift errors.
@Suite struct GuardTests {
    @Test func boundsOutOfOrderAreRejected() throws {
        var lp = LinearProgram(sense: .maximize)
        #expect(throws: LPError.boundsOutOfOrder(name: "x", lower: 2, upper: 1)) {
            try lp.addColumn("x", bounds: .between(2, 1), objective: 1)
        }
        let x = try lp.addColumn("y", bounds: .between(0, 1), objective: 1)
        #expect(throws: LPError.self) { try lp.addRow("r", bounds: .between(5, 4), terms: [(x, 1)]) }
        let row = try lp.addRow("r", bounds: .atMost(1), terms: [(x, 1)])
        let problem = try GLPKProblem(lp)
        #expect(throws: LPError.self) { try problem.setBounds(.between(3, 2), ofRow: row) }
    }

    @Test func indicesOutOfRangeAreRejected() throws {
        var lp = LinearProgram(sense: .maximize)
        let x = try lp.addColumn("x", bounds: .between(0, 1), objective: 1)
        #expect(throws: LPError.indexOutOfRange(what: "column", index: 7, count: 1)) {
            try lp.addRow("r", bounds: .atMost(1), terms: [(x, 1), (LinearProgram.ColumnID(index: 7), 1)])
        }
        #expect(throws: LPError.self) {
            try lp.addRow("r", bounds: .atMost(1), terms: [(LinearProgram.ColumnID(index: -1), 1)])
        }
        let problem = try GLPKProblem(lp)
        #expect(throws: LPError.indexOutOfRange(what: "row", index: 0, count: 0)) {
            try problem.setBounds(.atMost(1), ofRow: LinearProgram.RowID(index: 0))
        }
    }

    @Test func nanAndInfiniteNumbersAreRejected() throws {
        var lp = LinearProgram(sense: .maximize)
        #expect(throws: LPError.self) { try lp.addColumn("a", bounds: .between(0, .nan), objective: 1) }
        #expect(throws: LPError.self) { try lp.addColumn("b", bounds: .between(-.infinity, 1), objective: 1) }
        #expect(throws: LPError.self) { try lp.addColumn("c", bounds: .between(0, 1), objective: .nan) }
        #expect(throws: LPError.self) { try lp.addColumn("d", bounds: .between(0, 1), objective: .infinity) }
        let x = try lp.addColumn("x", bounds: .between(0, 1), objective: 1)
        #expect(throws: LPError.self) { try lp.addRow("r", bounds: .atMost(1), terms: [(x, .nan)]) }
        #expect(throws: LPError.self) { try lp.addRow("r", bounds: .atMost(.infinity), terms: [(x, 1)]) }
        #expect(throws: LPError.self) { try lp.addRow("r", bounds: .atMost(1), terms: [(x, -.infinity)]) }
        #expect(lp.rows.isEmpty)
    }

    @Test func emptyProblemLongNamesAndDuplicates() throws {
        #expect(throws: LPError.emptyProblem) { try GLPKProblem(LinearProgram(sense: .maximize)) }
        var lp = LinearProgram(name: String(repeating: "n", count: 1000), sense: .maximize)
        let x = try lp.addColumn(String(repeating: "x", count: 400) + " ø", bounds: .between(0, 1), objective: 1)
        // The same column twice in a row is summed, never passed to GLPK as a duplicate (i, j).
        let row = try lp.addRow("r", bounds: .atMost(0.5), terms: [(x, 1), (x, 1)])
        #expect(lp.columns[0].name.count == LinearProgram.maximumNameLength)
        #expect(lp.entryValues == [2])
        let solution = try GLPKProblem(lp).solveLP()
        #expect(abs(solution.value(x) - 0.25) < 1e-12 && abs(solution.activity(row) - 0.5) < 1e-12)
    }

    @Test func useFromAnotherThreadIsAnError() throws {
        var lp = LinearProgram(sense: .maximize)
        try lp.addColumn("x", bounds: .between(0, 1), objective: 1)
        let problem = try GLPKProblem(lp)
        nonisolated(unsafe) let shared = problem
        nonisolated(unsafe) var caught: LPError?
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do { _ = try shared.solveLP() } catch let error as LPError { caught = error } catch {}
            done.signal()
        }
        thread.start()
        done.wait()
        #expect(caught == .wrongThread)
        #expect(try problem.solveLP().status == .optimal)
    }
}
