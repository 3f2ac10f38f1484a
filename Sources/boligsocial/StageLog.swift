import BoligsocialCore
import Foundation

/// `--verbose`: each stage of a command on standard error as it ends, with its wall-clock time and
/// the process's peak resident memory so far (the kernel's high-water mark, so a stage's own peak
/// shows as the step up from the line before).
final class StageLog {
    private var last = ContinuousClock.now

    func done(_ stage: String, detail: String = "") {
        let now = ContinuousClock.now
        let seconds = (now - last) / .seconds(1)
        last = now
        let name = stage.padding(toLength: 10, withPad: " ", startingAt: 0)
        printError(
            "\(name) \(String(format: "%8.3f", seconds)) s   peak \(String(format: "%7.1f", Self.peakMegabytes())) MB"
                + (detail.isEmpty ? "" : "   \(detail)"))
    }

    /// The solver's stages, as `Allocator.solve` reports them.
    func heard(_ stage: SolveStage) {
        switch stage {
        case .modelBuilt(let rows, let columns):
            done("build", detail: "\(rows) rows, \(columns) columns")
        case .solved(let status, let iterations, let mip):
            done("solve", detail: "\(status), \(iterations) simplex iterations" + (mip != nil ? " at the root" : ""))
            guard let progress = mip else { return }
            printError(
                "  root LP relaxation \(String(format: "%.3f", progress.rootSeconds)) s, \(progress.rootIterations) dual simplex iterations"
            )
            if progress.incumbents.isEmpty {
                // GLPK announces the allocations its search finds; one found before the search
                // (integral at the root, or by a heuristic there) is not announced.
                printError(
                    status.hasSolution
                        ? "  the allocation was found before the search, at the root" : "  no integer allocation found")
            }
            for found in progress.incumbents {
                let gap = found.gap.map { String(format: "%.4f %%", $0 * 100) } ?? "no bound yet"
                printError(
                    "  better allocation at \(String(format: "%8.3f", found.seconds)) s: \(String(format: "%.6f", found.objective)) points, proven gap \(gap)"
                )
            }
        }
    }

    /// The peak resident set of the process so far, in MB (Linux reports kilobytes).
    static func peakMegabytes() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
