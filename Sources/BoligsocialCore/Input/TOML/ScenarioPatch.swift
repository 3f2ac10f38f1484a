/// What-ifs as typed changes on top of a scenario file: each change a key path, a value and where
/// it came from (a command-line option, a key of the page's request). The loader merges the
/// changes over the file's entries in memory, exactly as a file that extends the scenario would be
/// merged, and checks them with the same code (the same keys, ranges and "did you mean"); a
/// problem is located at the change's origin. Text is written only when asked for
/// (`--save-scenario`, the page's "save as scenario"), and reading that text back gives the same
/// scenario.
public struct ScenarioPatch: Sendable {
    /// A value as a scenario file would hold it.
    public indirect enum Value: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case number(Double)
        case boolean(Bool)
        case list([Value])
        /// An inline table, its keys in the order given.
        case table([Field])

        public struct Field: Sendable, Equatable {
            public var key: String
            public var value: Value
            public init(_ key: String, _ value: Value) {
                self.key = key
                self.value = value
            }
        }
    }

    /// Where a change came from, as messages name it.
    public enum Origin: Sendable, Equatable {
        /// A command-line option as given (`--envelope 2010=27000000`).
        case option(String)
        /// A key of a request to the page's server (`envelope.2010`).
        case request(String)

        /// The "file" a problem in the change is located in.
        var label: String {
            switch self {
            case .option(let given): "command line (\(given))"
            case .request: "request"
            }
        }
    }

    struct Change: Sendable {
        var key: [String]
        var value: TOMLNode
        /// The value as written, when it was given as TOML text (`--set`).
        var text: String?
        var origin: Origin
    }

    private(set) var changes: [Change] = []

    public init() {}

    public var isEmpty: Bool { changes.isEmpty }

    /// `key` (a path of table names and a key) set to `value`.
    public mutating func set(_ key: [String], to value: Value, origin: Origin) {
        changes.append(Change(key: key, value: TOMLNode(value), text: nil, origin: origin))
    }

    /// One year's envelope.
    public mutating func setEnvelope(year: Int, kroner: Double, origin: Origin) {
        set(["envelope", String(year)], to: .number(kroner), origin: origin)
    }

    /// A committee decision: `fund` is `full` or `none`, or a share of the application's amount.
    public mutating func decide(_ id: String, fund: String? = nil, share: Double? = nil, reason: String, origin: Origin)
    {
        let what: Value.Field = share.map { .init("share", .number($0)) } ?? .init("fund", .string(fund ?? "full"))
        set(["decisions", id], to: .table([what, .init("reason", .string(reason))]), origin: origin)
    }

    /// `key` (dotted, `rules.min_fraction`) set to a value written as in TOML (`0.6`,
    /// `"per_year"`, `[1.0, 0.5]`, `{ health = 2000000 }`); a value TOML does not read is a
    /// problem located at the origin.
    public mutating func set(_ key: String, toml text: String, origin: Origin) throws(InputError) {
        let written = text.trimmingCharacters(in: .whitespaces)
        let entries: [TOMLEntry]
        do {
            entries = try TOMLTree.parse("value = " + written, file: origin.label)
        } catch {
            guard case .badData(let diagnostics) = error else { throw error }
            throw .badData(diagnostics.map { Diagnostic(location(of: changes.count, origin: origin), $0.problem) })
        }
        guard entries.count == 1, let value = entries.first?.value else {
            throw .badData([
                Diagnostic(location(of: changes.count, origin: origin), .tomlSyntax(.reader("one value expected")))
            ])
        }
        changes.append(
            Change(key: key.split(separator: ".").map(String.init), value: value, text: written, origin: origin))
    }

    /// Where a problem in change `index` is located: its origin, with no line (the index orders the
    /// problems as the changes were given).
    private func location(of index: Int, origin: Origin) -> SourceLocation {
        SourceLocation(file: origin.label, line: 0, column: index + 1)
    }

    /// The change a problem was located at, from its location.
    public func origin(of location: SourceLocation) -> Origin? {
        guard location.line == 0, changes.indices.contains(location.column - 1) else { return nil }
        let change = changes[location.column - 1]
        return change.origin.label == location.file ? change.origin : nil
    }

    /// The changes as scenario entries, each located at its origin, merged in the order given.
    var entries: [TOMLEntry] {
        var merged: [TOMLEntry] = []
        for (index, change) in changes.enumerated() {
            let at = location(of: index, origin: change.origin)
            var entry = TOMLEntry(key: change.key.last ?? "", value: change.value.located(at), location: at)
            for name in change.key.dropLast().reversed() {
                entry = TOMLEntry(key: name, value: .table([entry]), location: at)
            }
            merged = TOMLTree.merge(parent: merged, child: [entry])
        }
        return merged
    }

    /// The changes as the lines of a scenario file, one per change (`envelope."2010" = 27000000`).
    public var lines: [String] {
        changes.map { change in
            // Years and applications' ids are data, quoted as the page and the options always wrote them.
            let data = ["envelope", "decisions"].contains(change.key.first ?? "")
            let path = change.key.enumerated().map { i, name in data && i == 1 ? TOMLText.quoted(name) : Self.key(name)
            }
            return path.joined(separator: ".") + " = " + (change.text ?? Self.text(change.value))
        }
    }

    /// The changes as a scenario file that extends `parent` (a path as the file will see it).
    public func file(extending parent: String, heading: String) -> String {
        (["# " + heading, "extends = \(TOMLText.quoted(parent))"] + lines).joined(separator: "\n") + "\n"
    }

    private static func key(_ name: String) -> String {
        let bare =
            !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                    || $0 == "-"
            }
        return bare ? name : TOMLText.quoted(name)
    }

    private static func text(_ node: TOMLNode) -> String {
        switch node {
        case .string(let s): return TOMLText.quoted(s)
        case .integer(let i): return String(i)
        case .float(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .boolean(let b): return b ? "true" : "false"
        case .array(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        case .table(let entries):
            return "{ " + entries.map { key($0.key) + " = " + text($0.value) }.joined(separator: ", ") + " }"
        case .other: return "\"\""
        }
    }
}

extension TOMLNode {
    init(_ value: ScenarioPatch.Value) {
        switch value {
        case .string(let s): self = .string(s)
        case .integer(let i): self = .integer(i)
        case .number(let d): self = .float(d)
        case .boolean(let b): self = .boolean(b)
        case .list(let items): self = .array(items.map(TOMLNode.init))
        case .table(let fields):
            let at = SourceLocation(file: "", line: 0, column: 0)
            self = .table(fields.map { TOMLEntry(key: $0.key, value: TOMLNode($0.value), location: at) })
        }
    }

    /// The value with every key inside it located at `location` (a change's origin).
    func located(_ location: SourceLocation) -> TOMLNode {
        switch self {
        case .table(let entries):
            .table(entries.map { TOMLEntry(key: $0.key, value: $0.value.located(location), location: location) })
        case .array(let items): .array(items.map { $0.located(location) })
        default: self
        }
    }
}
