/// Errors the LP layer reports instead of letting GLPK abort the process.
public enum LPError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFinite(what: String, value: Double)
    case boundsOutOfOrder(name: String, lower: Double, upper: Double)
    case indexOutOfRange(what: String, index: Int, count: Int)
    case emptyProblem
    case wrongThread
    case solverFailed(String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFinite(let what, let value): "the \(what) is \(value), not a finite number"
        case .boundsOutOfOrder(let name, let lower, let upper):
            "the bounds of \(name) are out of order (\(lower) > \(upper))"
        case .indexOutOfRange(let what, let index, let count):
            "\(what) index \(index) is out of range (the problem has \(count))"
        case .emptyProblem: "the problem has no columns"
        case .wrongThread: "a GLPK problem was used on a thread other than the one that created it"
        case .solverFailed(let why): "GLPK failed: \(why)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
