import TOMLKit

/// A TOML document as plain Swift values, each key with where it was written, so scenario files can
/// be merged (`extends`) and every problem located at its key.
indirect enum TOMLNode: Sendable {
    case table([TOMLEntry])
    case array([TOMLNode])
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case other

    var kind: TOMLFound {
        switch self {
        case .table: .table
        case .array: .array
        case .string: .string
        case .integer: .integer
        case .float(let d): d.isNaN ? .notANumber : d.isInfinite ? .infinity(negative: d < 0) : .number
        case .boolean: .boolean
        case .other: .dateOrTime
        }
    }

    var number: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .float(let d): d
        default: nil
        }
    }
}

/// One key of a table: its value and the location of the key.
struct TOMLEntry: Sendable {
    var key: String
    var value: TOMLNode
    var location: SourceLocation
}

enum TOMLTree {
    /// Parses `text`; a syntax error becomes one diagnostic with TOML++'s position.
    static func parse(_ text: String, file: String) throws(InputError) -> [TOMLEntry] {
        if let problem = TOMLPrecheck.firstProblem(in: text) {
            throw .badData([
                Diagnostic(
                    SourceLocation(file: file, line: problem.line, column: problem.column), .tomlSyntax(problem.problem)
                )
            ])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let location = SourceLocation(
                file: file, line: max(error.source.begin.line, 1), column: max(error.source.begin.column, 1))
            throw .badData([Diagnostic(location, .tomlSyntax(.reader(error.description)))])
        } catch {
            throw .badData([
                Diagnostic(SourceLocation(file: file, line: 1, column: 1), .tomlSyntax(.reader("\(error)")))
            ])
        }
        let keys = KeyLocator(text: text, file: file)
        return convert(table, path: [], keys: keys)
    }

    private static func convert(_ table: TOMLTable, path: [String], keys: KeyLocator) -> [TOMLEntry] {
        table.keys.sorted { keys.location(of: path + [$0]) < keys.location(of: path + [$1]) }.map { key in
            let value = table[key]!
            return TOMLEntry(
                key: key, value: convert(value, path: path + [key], keys: keys),
                location: keys.location(of: path + [key]))
        }
    }

    private static func convert(_ value: TOMLValueConvertible, path: [String], keys: KeyLocator) -> TOMLNode {
        switch value.type {
        case .table: return .table(convert(value.table!, path: path, keys: keys))
        case .array: return .array(value.array!.map { convert($0, path: path, keys: keys) })
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? .nan)
        case .bool: return .boolean(value.bool ?? false)
        default: return .other
        }
    }

    /// A child document over its parent, table by table: a key the child sets replaces the
    /// parent's, a table both set is merged key by key, and everything else is inherited.
    static func merge(parent: [TOMLEntry], child: [TOMLEntry]) -> [TOMLEntry] {
        var result = parent
        for entry in child {
            if let i = result.firstIndex(where: { $0.key == entry.key }) {
                if case .table(let old) = result[i].value, case .table(let new) = entry.value {
                    result[i] = TOMLEntry(
                        key: entry.key, value: .table(merge(parent: old, child: new)), location: entry.location)
                } else {
                    result[i] = entry
                }
            } else {
                result.append(entry)
            }
        }
        return result
    }
}

/// Finds where each key path was written: `[table]` headers, `key = value` lines, dotted keys and
/// inline tables. TOML++ reports positions for syntax errors only, so this reads the text itself.
struct KeyLocator {
    private var positions: [[String]: (Int, Int)] = [:]
    let file: String

    init(text: String, file: String) {
        self.file = file
        var current: [String] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Array(rawLine.drop { $0 == "\u{FEFF}" })
            guard let start = line.firstIndex(where: { $0 != " " && $0 != "\t" }) else { continue }
            if line[start] == "#" { continue }
            if line[start] == "[" {
                let inner = String(line[start...]).trimmingCharacters(in: "[]")
                current = Self.keyPath(inner.split(separator: "]").first.map(String.init) ?? "")
                record(current, lineNumber, start + 1)
                continue
            }
            guard let equals = Self.firstEquals(line, from: start) else { continue }
            let keyPath = current + Self.keyPath(String(line[start..<equals]))
            record(keyPath, lineNumber, start + 1)
            // Inline table: `key = { a = 1, b = 2 }`.
            if let brace = line[(equals + 1)...].firstIndex(where: { $0 != " " && $0 != "\t" }), line[brace] == "{" {
                var i = brace + 1
                while i < line.count {
                    while i < line.count, " \t,{".contains(line[i]) { i += 1 }
                    let keyStart = i
                    guard let eq = Self.firstEquals(line, from: i) else { break }
                    record(keyPath + Self.keyPath(String(line[keyStart..<eq])), lineNumber, keyStart + 1)
                    i = line[eq...].firstIndex(of: ",") ?? line.count
                }
            }
        }
    }

    private mutating func record(_ path: [String], _ line: Int, _ column: Int) {
        if positions[path] == nil { positions[path] = (line, column) }
    }

    /// The location of a key, or of the nearest enclosing table that was written, or line 1.
    func location(of path: [String]) -> SourceLocation {
        var path = path
        while !path.isEmpty {
            if let (line, column) = positions[path] { return SourceLocation(file: file, line: line, column: column) }
            path.removeLast()
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }

    private static func firstEquals(_ line: [Character], from start: Int) -> Int? {
        var inQuotes: Character?
        for i in start..<line.count {
            let c = line[i]
            if let q = inQuotes {
                if c == q { inQuotes = nil }
            } else if c == "\"" || c == "'" {
                inQuotes = c
            } else if c == "=" {
                return i
            } else if c == "#" {
                return nil
            }
        }
        return nil
    }

    private static func keyPath(_ text: String) -> [String] {
        text.split(separator: ".").map { String($0).trimmingSpaces.trimmingCharacters(in: "\"'") }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
