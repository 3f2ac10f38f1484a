/// A place in an input file, 1-based.
public struct SourceLocation: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// In a workbook, the Excel column and its header (`F (salary_2009)`), shown in place of the column number.
    public var cell: String?
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
    /// A location with no line is not in a file (a command-line option, a request's key): its
    /// file names it alone, and its column only orders it.
    public var description: String { line == 0 ? file : "\(file):\(line):\(cell ?? String(column))" }
    public static func < (a: Self, b: Self) -> Bool { (a.file, a.line, a.column) < (b.file, b.line, b.column) }
}

/// One problem in the inputs, with where it is; the reports module words it.
public struct Diagnostic: Sendable, Equatable {
    public var location: SourceLocation
    public var problem: InputProblem
    public init(_ location: SourceLocation, _ problem: InputProblem) {
        self.location = location
        self.problem = problem
    }
}

/// Why inputs could not be used. `badData` carries every problem found, not just the first.
public enum InputError: Error, Sendable, Equatable {
    /// The data is wrong (exit 65).
    case badData([Diagnostic])
    /// A file cannot be opened (exit 66).
    case cannotOpen(path: String, reason: OpenProblem)
}

/// Collects diagnostics while loading, so every problem is reported at once.
struct DiagnosticCollector {
    var diagnostics: [Diagnostic] = []
    mutating func add(_ location: SourceLocation, _ problem: InputProblem) {
        diagnostics.append(Diagnostic(location, problem))
    }
    func throwIfAny() throws(InputError) {
        if !diagnostics.isEmpty { throw .badData(diagnostics.sorted { $0.location < $1.location }) }
    }
}

/// "did you mean" for a mistyped key: the closest candidate within a small edit distance.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (String, Int)?
    for candidate in candidates {
        let d = editDistance(lowered, candidate.lowercased())
        if d <= max(2, candidate.count / 3), best == nil || d < best!.1 { best = (candidate, d) }
    }
    return best?.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
