import Foundation
import PropertyBased
import Testing

@testable import LinearProgramming

/// The scale factors computed on the program's arrays are GLPK's own automatic scaling's, bit for
/// bit, whichever of its branches a matrix takes.
@Suite struct ScalingTests {
    /// Random matrices with magnitudes from 10^-4 to 10^8, empty rows and columns, wide and tall:
    /// every factor equals GLPK's exactly.
    @Test func factorsAreGLPKsOnRandomMatrices() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000)) { seed in
            var rng = Xoshiro(seed: (UInt64(seed), 0x5CA1E, 3, UInt64(seed) &* 7 &+ 1))
            let lp = try Self.randomMatrix(&rng)
            Self.expectSameFactors(lp)
        }
    }

    /// Model-shaped rounds (shares, envelopes, caps, returns, selections) and the greedy-basis
    /// programs: the same factors as GLPK's.
    @Test func factorsAreGLPKsOnModelShapedPrograms() throws {
        for seed in 0..<60 {
            var rng = Xoshiro(seed: (UInt64(seed), 41, 0xBEEF, 9))
            Self.expectSameFactors(try CountedSelectionsTests.round(&rng, plain: seed % 2 == 0))
            Self.expectSameFactors(try CrashTests.randomProgram(&rng))
            Self.expectSameFactors(try CrashTests.knapsack(seed: UInt64(seed), items: 40, groups: 4).0)
        }
    }

    /// A matrix with every |a| in [0.1, 10] is left unscaled; one just outside is scaled.
    @Test func wellScaledMatricesAreLeftAlone() throws {
        var lp = LinearProgram(name: "even", sense: .maximize)
        let x = try lp.addColumn("x", bounds: .between(0, 1), objective: 1)
        let y = try lp.addColumn("y", bounds: .between(0, 1), objective: 1)
        try lp.addRow("r", bounds: .atMost(3), terms: [(x, 0.1), (y, 10)])
        let scaling = Scaling(lp)
        #expect(scaling.rows == [1] && scaling.columns == [1, 1])
        try lp.addRow("s", bounds: .atMost(3), terms: [(x, 0.09)])
        #expect(Scaling(lp).columns != [1, 1])
        Self.expectSameFactors(lp)
    }

    static func expectSameFactors(_ lp: LinearProgram, sourceLocation: SourceLocation = #_sourceLocation) {
        let ours = Scaling(lp)
        guard let problem = try? GLPKProblem(lp) else { return }
        let glpk = problem.glpkScaleFactors()
        #expect(ours.rows == glpk.rows, "row factors", sourceLocation: sourceLocation)
        #expect(ours.columns == glpk.columns, "column factors", sourceLocation: sourceLocation)
    }

    static func randomMatrix(_ rng: inout Xoshiro) throws -> LinearProgram {
        var lp = LinearProgram(name: "scaling", sense: .maximize)
        let n = Int.random(in: 1...40, using: &rng)
        let m = Int.random(in: 0...30, using: &rng)
        let columns = try (0..<n).map { try lp.addColumn("x\($0)", bounds: .between(0, 1), objective: 1) }
        let density = Double.random(in: 0.05...0.6, using: &rng)
        let spread = Double.random(in: 0...12, using: &rng)
        for i in 0..<m {
            var terms: [(LinearProgram.ColumnID, Double)] = []
            for column in columns where Double.random(in: 0..<1, using: &rng) < density {
                let magnitude = pow(10, Double.random(in: -4...(spread - 4), using: &rng))
                terms.append((column, Bool.random(using: &rng) ? magnitude : -magnitude))
            }
            try lp.addRow("r\(i)", bounds: .atMost(1), terms: terms)
        }
        return lp
    }
}
