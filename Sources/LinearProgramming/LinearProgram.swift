/// A linear or mixed-integer program, built in plain Swift and knowing nothing of any solver.
///
/// Every number is checked as it is added, so a finished `LinearProgram` can be handed to
/// GLPK without any argument reaching one of GLPK's `abort()` paths. Rows, columns and matrix
/// entries are 0-based here, behind `RowID` and `ColumnID`; GLPK's 1-based numbering exists only
/// in `GLPKProblem`, next to the `glp_*` calls.
public struct LinearProgram: Sendable {
    /// Whether the objective is maximised or minimised.
    public enum Sense: Sendable { case maximize, minimize }

    /// The kind of a column.
    public enum Kind: Sendable { case continuous, binary, integer }

    /// A variable's or a row's bounds; `nil` means unbounded on that side.
    public struct Bounds: Sendable, Equatable {
        public var lower: Double?
        public var upper: Double?
        public init(lower: Double?, upper: Double?) {
            self.lower = lower
            self.upper = upper
        }
        public static func between(_ lower: Double, _ upper: Double) -> Bounds { Bounds(lower: lower, upper: upper) }
        public static func atLeast(_ lower: Double) -> Bounds { Bounds(lower: lower, upper: nil) }
        public static func atMost(_ upper: Double) -> Bounds { Bounds(lower: nil, upper: upper) }
        public static func equal(_ value: Double) -> Bounds { Bounds(lower: value, upper: value) }
        public static let free = Bounds(lower: nil, upper: nil)
    }

    /// A column (structural variable), identified by its 0-based position.
    public struct Column: Sendable {
        /// The name in two parts, joined only when asked for (writing the model, an error): a
        /// share column's application and its year each fit in a string held inline, where the
        /// joined name would be one heap allocation per column, millions on a large round.
        var nameBase: String, nameSuffix: String
        public var name: String { LinearProgram.clipped(nameBase + nameSuffix) }
        public var bounds: Bounds
        public var kind: Kind
        public var objective: Double
    }

    /// A row (constraint); its coefficients live in the program's sparse matrix.
    public struct Row: Sendable {
        public var name: String
        public var bounds: Bounds
    }

    /// An index into `columns`.
    public struct ColumnID: Hashable, Sendable {
        public let index: Int
        /// The column at `index` (of a program cut into blocks, say).
        public init(index: Int) { self.index = index }
    }

    /// Columns added one after another, held as their first and past-the-end positions.
    public struct ColumnRange: RandomAccessCollection, Sendable {
        public let startIndex: Int
        public let endIndex: Int
        public init(_ range: Range<Int>) {
            startIndex = range.lowerBound
            endIndex = range.upperBound
        }
        public subscript(position: Int) -> ColumnID { ColumnID(index: position) }
    }
    /// An index into `rows`.
    public struct RowID: Hashable, Sendable { public let index: Int }

    public var name: String
    public var sense: Sense
    public internal(set) var columns: [Column] = []
    public internal(set) var rows: [Row] = []
    /// The constraint matrix in coordinate form, one entry per (row, column) pair, 0-based, in the
    /// order the entries were added. Read only inside this module (the greedy basis, the blocks and
    /// the GLPK loader); a model that needs to know which rows touch what records it as it builds.
    var entryRows: [Int32] = [], entryColumns: [Int32] = [], entryValues: [Double] = []
    /// How many matrix entries (non-zero coefficients) the program has.
    public var nonzeroCount: Int { entryValues.count }

    /// (row, column) pairs in the matrix, kept only once `addTerm` is used.
    private var termKeys: Set<Int64>?
    private static func key(_ i: Int32, _ j: Int32) -> Int64 { Int64(i) << 32 | Int64(j) }

    /// Longest name GLPK accepts; a longer one aborts the process.
    public static let maximumNameLength = 255

    public init(name: String = "model", sense: Sense) {
        self.name = String(name.prefix(Self.maximumNameLength))
        self.sense = sense
    }

    public var isMixedInteger: Bool { columns.contains { $0.kind != .continuous } }

    /// The identifiers of every column and row, in the order they were added.
    public var columnIDs: [ColumnID] { columns.indices.map { ColumnID(index: $0) } }
    public var rowIDs: [RowID] { rows.indices.map { RowID(index: $0) } }

    /// Reserves room for a program of known size, avoiding repeated growth on large rounds.
    public mutating func reserve(columns c: Int, rows r: Int, nonzeros: Int) {
        columns.reserveCapacity(c)
        rows.reserveCapacity(r)
        entryRows.reserveCapacity(nonzeros)
        entryColumns.reserveCapacity(nonzeros)
        entryValues.reserveCapacity(nonzeros)
    }

    /// Adds a column named `name` followed by `suffix`; throws if a bound or the objective
    /// coefficient is not a finite number or the bounds are out of order.
    @discardableResult
    public mutating func addColumn(
        _ name: String, suffix: String = "", bounds: Bounds, kind: Kind = .continuous, objective: Double = 0
    ) throws(LPError) -> ColumnID {
        let bounds = kind == .binary ? Bounds.between(max(bounds.lower ?? 0, 0), min(bounds.upper ?? 1, 1)) : bounds
        try Self.check(bounds, of: name + suffix)
        guard objective.isFinite else {
            throw .notFinite(what: "objective coefficient of \(name + suffix)", value: objective)
        }
        columns.append(Column(nameBase: name, nameSuffix: suffix, bounds: bounds, kind: kind, objective: objective))
        return ColumnID(index: columns.count - 1)
    }

    /// Adds a row `lower ≤ Σ coefficient·column ≤ upper`. Terms naming the same column are summed;
    /// zero coefficients are dropped.
    @discardableResult
    public mutating func addRow(
        _ name: String, bounds: Bounds, terms: [(ColumnID, Double)]
    ) throws(LPError) -> RowID {
        try Self.check(bounds, of: name)
        let rowNumber = rows.count
        // Terms in increasing column order (how every model here writes its rows) cannot name a
        // column twice: they are taken as they are, without merging.
        var increasing = true
        var previous = -1
        for (column, value) in terms {
            guard column.index >= 0, column.index < columns.count else {
                throw .indexOutOfRange(what: "column", index: column.index, count: columns.count)
            }
            guard value.isFinite else {
                throw .notFinite(what: "coefficient of \(columns[column.index].name) in \(name)", value: value)
            }
            if column.index <= previous { increasing = false }
            previous = column.index
        }
        rows.append(Row(name: Self.clipped(name), bounds: bounds))
        let i = Int32(rowNumber)
        func append(_ index: Int, _ value: Double) {
            guard value != 0 else { return }
            entryRows.append(i)
            entryColumns.append(Int32(index))
            entryValues.append(value)
            termKeys?.insert(Self.key(i, Int32(index)))
        }
        if increasing {
            for (column, value) in terms { append(column.index, value) }
        } else {
            var merged: [Int: Double] = [:]
            var order: [Int] = []
            for (column, value) in terms {
                if merged[column.index] == nil { order.append(column.index) }
                merged[column.index, default: 0] += value
            }
            for index in order { append(index, merged[index]!) }
        }
        return RowID(index: rowNumber)
    }

    /// Adds `value · column` to an existing row, for a column added after the row (an elastic
    /// slack, say). The pair must not be in the matrix yet.
    public mutating func addTerm(row: RowID, column: ColumnID, value: Double) throws(LPError) {
        guard row.index >= 0, row.index < rows.count else {
            throw .indexOutOfRange(what: "row", index: row.index, count: rows.count)
        }
        guard column.index >= 0, column.index < columns.count else {
            throw .indexOutOfRange(what: "column", index: column.index, count: columns.count)
        }
        guard value.isFinite else {
            throw .notFinite(
                what: "coefficient of \(columns[column.index].name) in \(rows[row.index].name)", value: value)
        }
        let i = Int32(row.index)
        let j = Int32(column.index)
        // A duplicate (i, j) would make glp_load_matrix abort; the set of pairs is built once.
        if termKeys == nil { termKeys = Set(zip(entryRows, entryColumns).map { Self.key($0, $1) }) }
        guard termKeys!.insert(Self.key(i, j)).inserted else {
            throw .solverFailed("\(columns[column.index].name) is already in \(rows[row.index].name)")
        }
        guard value != 0 else { return }
        entryRows.append(i)
        entryColumns.append(j)
        entryValues.append(value)
    }

    /// Changes a row's bounds (a scenario's envelope, say) after the row was added.
    public mutating func setBounds(_ bounds: Bounds, of row: RowID) throws(LPError) {
        guard row.index >= 0, row.index < rows.count else {
            throw .indexOutOfRange(what: "row", index: row.index, count: rows.count)
        }
        try Self.check(bounds, of: rows[row.index].name)
        rows[row.index].bounds = bounds
    }

    /// Changes a column's bounds after it was added.
    public mutating func setBounds(_ bounds: Bounds, of column: ColumnID) throws(LPError) {
        guard column.index >= 0, column.index < columns.count else {
            throw .indexOutOfRange(what: "column", index: column.index, count: columns.count)
        }
        try Self.check(bounds, of: columns[column.index].name)
        columns[column.index].bounds = bounds
    }

    /// Changes a column's kind after it was added (a MIP's integer choices made continuous and fixed,
    /// to price the rest as an LP).
    public mutating func setKind(_ kind: Kind, of column: ColumnID) throws(LPError) {
        guard column.index >= 0, column.index < columns.count else {
            throw .indexOutOfRange(what: "column", index: column.index, count: columns.count)
        }
        columns[column.index].kind = kind
    }

    /// Changes a column's objective coefficient after it was added.
    public mutating func setObjective(_ coefficient: Double, of column: ColumnID) throws(LPError) {
        guard column.index >= 0, column.index < columns.count else {
            throw .indexOutOfRange(what: "column", index: column.index, count: columns.count)
        }
        guard coefficient.isFinite else {
            throw .notFinite(what: "objective coefficient of \(columns[column.index].name)", value: coefficient)
        }
        columns[column.index].objective = coefficient
    }

    static func check(_ bounds: Bounds, of name: @autoclosure () -> String) throws(LPError) {
        if let value = bounds.lower, !value.isFinite { throw .notFinite(what: "bound of \(name())", value: value) }
        if let value = bounds.upper, !value.isFinite { throw .notFinite(what: "bound of \(name())", value: value) }
        if let lower = bounds.lower, let upper = bounds.upper, lower > upper {
            throw .boundsOutOfOrder(name: name(), lower: lower, upper: upper)
        }
    }

    static func clipped(_ name: String) -> String {
        // Nearly every name is already plain ASCII of a safe length: return it as it is.
        var text = name
        if text.withUTF8({ $0.count <= maximumNameLength && !$0.isEmpty && $0.allSatisfy(isNameByte) }) { return name }
        var bytes = name.utf8.prefix(maximumNameLength).map { isNameByte($0) ? $0 : UInt8(ascii: "_") }
        if bytes.isEmpty { bytes = [UInt8(ascii: "_")] }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Letters, digits and `_.[]`: what every LP and MPS reader takes in a name.
    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]")
    }
}
