/// Reads one TOML table of a scenario: typed values, unknown keys with "did you mean", each problem
/// at its key's location.
struct TableReader {
    let entries: [TOMLEntry]
    let path: String
    let file: String
    let tableLocation: SourceLocation?
    private var allowed: [String]? = []
    private var problems: [Diagnostic] = []

    init(
        _ entries: [TOMLEntry], path: String, file: String, location: SourceLocation? = nil,
        diagnostics: inout DiagnosticCollector
    ) {
        self.entries = entries
        self.path = path
        self.file = file
        self.tableLocation = location
    }

    mutating func allow(_ keys: [String]) { allowed = keys }
    mutating func allowAny() { allowed = nil }

    func entry(_ key: String) -> TOMLEntry? { entries.first { $0.key == key } }

    /// A key's name with the tables it is in (`weights.focus.health`), as problems name it.
    func qualified(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func problem(_ key: String, _ problem: InputProblem) {
        let location = entry(key)?.location ?? tableLocation ?? SourceLocation(file: file, line: 1, column: 1)
        problems.append(Diagnostic(location, problem))
    }
    mutating func problemAtTable(_ problem: InputProblem) {
        problems.append(Diagnostic(tableLocation ?? SourceLocation(file: file, line: 1, column: 1), problem))
    }
    mutating func problemAtTop(_ problem: InputProblem) {
        problems.append(Diagnostic(SourceLocation(file: file, line: 1, column: 1), problem))
    }

    private mutating func typeProblem(_ key: String, expected: TOMLExpected, found: TOMLNode) {
        problem(key, .wrongType(key: qualified(key), expected: expected, found: found.kind))
    }

    func table(_ key: String) -> TableReader? {
        guard let e = entry(key) else { return nil }
        var scratch = DiagnosticCollector()
        guard case .table(let inner) = e.value else {
            var reader = TableReader([], path: qualified(key), file: file, location: e.location, diagnostics: &scratch)
            reader.problems.append(
                Diagnostic(e.location, .wrongType(key: qualified(key), expected: .table, found: e.value.kind)))
            reader.allow([])
            return reader
        }
        return TableReader(inner, path: qualified(key), file: file, location: e.location, diagnostics: &scratch)
    }

    mutating func string(_ key: String) -> String? {
        guard let e = entry(key) else { return nil }
        guard case .string(let s) = e.value else {
            typeProblem(key, expected: .string, found: e.value)
            return nil
        }
        return s
    }

    /// A path, resolved against the file that wrote it (a parent's paths stay relative to the parent).
    mutating func path(_ key: String) -> String? {
        guard let e = entry(key), let s = string(key) else { return nil }
        guard !s.isEmpty else {
            problem(key, .emptyValue(key: qualified(key)))
            return nil
        }
        return resolve(s, relativeTo: e.location.file)
    }

    mutating func boolean(_ key: String) -> Bool? {
        guard let e = entry(key) else { return nil }
        guard case .boolean(let b) = e.value else {
            typeProblem(key, expected: .boolean, found: e.value)
            return nil
        }
        return b
    }

    mutating func integer(_ key: String) -> Int? {
        guard let e = entry(key) else { return nil }
        guard case .integer(let i) = e.value else {
            typeProblem(key, expected: .wholeNumber, found: e.value)
            return nil
        }
        return i
    }

    mutating func number(_ key: String) -> Double? {
        guard let e = entry(key) else { return nil }
        guard let d = e.value.number, d.isFinite else {
            typeProblem(key, expected: .finiteNumber, found: e.value)
            return nil
        }
        return d
    }

    /// A DKK amount: a number, 0 or more.
    mutating func amount(_ key: String) -> Double? {
        guard let d = number(key) else { return nil }
        if let why = Amount.problem(d) {
            problem(key, .amountKey(key: qualified(key), why))
            return nil
        }
        return d
    }

    /// A weight: a number, 0 or more.
    mutating func weight(_ key: String) -> Double? {
        guard let d = number(key) else { return nil }
        guard d >= 0, d <= 1e6 else {
            problem(key, .weightOutOfRange(key: qualified(key), value: d))
            return nil
        }
        return d
    }

    mutating func fraction(_ key: String) -> Double? {
        guard let d = number(key) else { return nil }
        guard (0...1).contains(d) else {
            problem(key, .fractionOutOfRange(key: qualified(key), value: d))
            return nil
        }
        return d
    }

    mutating func integers(_ key: String) -> [Int]? {
        array(key, expected: .wholeNumbers) { if case .integer(let i) = $0 { i } else { nil } }
    }

    mutating func numbers(_ key: String) -> [Double]? {
        array(key, expected: .numbers) { $0.number }
    }

    /// An array whose every item `convert` takes; the first that it does not is the problem.
    private mutating func array<T>(_ key: String, expected: TOMLExpected, _ convert: (TOMLNode) -> T?) -> [T]? {
        guard let e = entry(key) else { return nil }
        guard case .array(let items) = e.value else {
            typeProblem(key, expected: expected, found: e.value)
            return nil
        }
        var result: [T] = []
        for item in items {
            guard let value = convert(item) else {
                typeProblem(key, expected: expected, found: item)
                return nil
            }
            result.append(value)
        }
        return result
    }

    /// Reports unknown keys, then hands every problem to the enclosing table.
    mutating func finish(into parent: inout TableReader) {
        checkUnknownKeys()
        parent.problems.append(contentsOf: problems)
    }

    mutating func finish(into diagnostics: inout DiagnosticCollector) {
        checkUnknownKeys()
        diagnostics.diagnostics.append(contentsOf: problems)
    }

    private mutating func checkUnknownKeys() {
        guard let allowed else { return }
        for e in entries where !allowed.contains(e.key) {
            problems.append(
                Diagnostic(e.location, .unknownKey(qualified(e.key), suggestion: closestMatch(to: e.key, in: allowed))))
        }
    }
}
