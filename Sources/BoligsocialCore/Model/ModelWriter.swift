import Foundation
import LinearProgramming

/// Writes the exact model GLPK is about to solve, for other solvers (`--write-model`).
public struct ModelWriter {
    let session: SolverSession
    /// `format`: `.cplexLP` or `.mps`.
    public func write(to path: String, format: ModelFormat) throws { try session.write(to: path, format: format) }
}
