/// Loads areas.csv and applications.csv (docs/formats.md), collecting every problem with its location.
public enum RoundLoader {
    static func parseAreas(_ bytes: [UInt8], file: String, diagnostics: inout DiagnosticCollector) -> [Area] {
        guard
            let (opened, columns) = open(
                bytes, file: file, required: ["id", "name", "district", "risk"], diagnostics: &diagnostics)
        else { return [] }
        var cursor = opened
        defer { cursor.finish(file: file, diagnostics: &diagnostics) }
        let table = cursor.table
        var areas: [Area] = []
        var seen: [String: Int] = [:]
        let idColumn = columns.column("id")
        let nameColumn = columns.column("name")
        let districtColumn = columns.column("district")
        let riskColumn = columns.column("risk")
        let risks = Spellings(RiskClass.self, what: .riskClass)
        while let record = cursor.next() {
            if record.isBlank { continue }
            var row = RowReader(record: record, file: file, table: table)
            let id = row.text(idColumn)
            if id.isEmpty { row.fail(idColumn, .emptyID(.areas)) }
            if let first = seen[id], !id.isEmpty { row.fail(idColumn, .duplicateID(.areas, id: id, firstLine: first)) }
            let risk = row.key(riskColumn, risks)
            row.report(into: &diagnostics)
            guard let risk, !row.failed else { continue }
            seen[id] = record.line
            areas.append(Area(id: id, name: row.text(nameColumn), district: row.text(districtColumn), risk: risk))
        }
        return areas
    }

    /// A CSV file opened past its header line, with its columns; `nil`, the problems recorded,
    /// when its encoding or its header will not do.
    static func open(
        _ bytes: [UInt8], file: String, required: [String],
        diagnostics: inout DiagnosticCollector
    ) -> (CSVCursor, HeaderMap)? {
        if let problem = CSVDialect.unsupportedEncoding(bytes) {
            diagnostics.add(SourceLocation(file: file, line: 1, column: 1), problem)
            return nil
        }
        let cursor = CSVCursor(bytes)
        // A file that is not all UTF-8 was read as Windows-1252; refuse it if it is a mix of both.
        if cursor.table.encoding == .windows1252, let mixed = mixedEncoding(bytes) {
            diagnostics.add(SourceLocation(file: file, line: mixed.line, column: mixed.column), mixed.problem)
            return nil
        }
        guard let columns = HeaderMap(cursor.table, file: file, required: required, diagnostics: &diagnostics) else {
            cursor.finish(file: file, diagnostics: &diagnostics)
            return nil
        }
        return (cursor, columns)
    }

    static func applicationColumns(years: [Int]) -> [String] {
        [
            "id", "title", "area", "focus", "objectives", "target_group", "sof_in_steering_group", "clear_goals",
            "anchoring_plan", "coordinator_role", "cross_admin", "activity_accounting", "theory_of_change",
        ]
            + years.flatMap { year in CostCategory.allCases.map { "\($0.rawValue)_\(year)" } }
    }

    /// How far apart one application's yearly requests may be when one share covers every year
    /// (`commitment = "proportional"`): beyond a million-fold, the small year's money is below what
    /// floating-point arithmetic keeps exact beside the large one's, and a rule on the small year
    /// could decide the whole share by a fraction of a krone.
    public static let proportionalSpread = 1e6

    static func parseApplications(
        _ bytes: [UInt8], file: String, years: [Int], areas: [Area], diagnostics: inout DiagnosticCollector,
        proportional: Bool = false
    ) -> [Application] {
        guard
            let (opened, columns) = open(
                bytes, file: file, required: applicationColumns(years: years), diagnostics: &diagnostics)
        else { return [] }
        var cursor = opened
        defer { cursor.finish(file: file, diagnostics: &diagnostics) }
        let table = cursor.table
        let areaIDs = Set(areas.map(\.id))
        var applications: [Application] = []
        // About 180 bytes a row in a generated file: room for most rounds without regrowing.
        let expected = bytes.count / 180
        applications.reserveCapacity(expected)
        var seen: [String: Int] = [:]
        seen.reserveCapacity(expected)
        // Every column resolved once for the file, not once per row.
        let c = (
            id: columns.column("id"), title: columns.column("title"), area: columns.column("area"),
            focus: columns.column("focus"), objectives: columns.column("objectives"),
            target: columns.column("target_group"), theory: columns.column("theory_of_change"),
            minFraction: columns.column("min_fraction")
        )
        let flagColumns = [
            "sof_in_steering_group", "clear_goals", "anchoring_plan", "coordinator_role", "cross_admin",
            "activity_accounting",
        ].map(columns.column)
        // The memo's further criteria, each in an optional column (absent or blank: no).
        let criterionColumns = QualityCriterion.optional.map { columns.column($0.rawValue) }
        let assessmentColumn = columns.column("assessment")
        let budgetColumns = years.map { columns.column("total_budget_\($0)") }
        let otherColumns = years.map { columns.column("other_funding_\($0)") }
        let coFunded = budgetColumns.contains { $0.index != nil } || otherColumns.contains { $0.index != nil }
        let keys = (
            focus: Spellings(FocusArea.self, what: .focusArea), objective: Spellings(Objective.self, what: .objective),
            target: Spellings(TargetGroup.self, what: .targetGroup),
            theory: Spellings(TheoryOfChange.self, what: .theoryOfChange)
        )
        let amountColumns = years.map { year in CostCategory.allCases.map { columns.column("\($0.rawValue)_\(year)") } }
        while let record = cursor.next() {
            if record.isBlank { continue }
            var row = RowReader(record: record, file: file, table: table)
            let id = row.text(c.id)
            if id.isEmpty { row.fail(c.id, .emptyID(.applications)) }
            if let first = seen[id], !id.isEmpty {
                row.fail(c.id, .duplicateID(.applications, id: id, firstLine: first))
            }
            let areaID = row.text(c.area)
            if !areaIDs.contains(areaID) {
                row.fail(c.area, .unknownArea(areaID, suggestion: closestMatch(to: areaID, in: areas.map(\.id))))
            }
            let focus = row.keyList(c.focus, keys.focus)
            let objectives = row.keyList(c.objectives, keys.objective)
            let target = row.key(c.target, keys.target)
            let theory = row.key(c.theory, keys.theory)
            let flags = flagColumns.map { row.boolean($0) }
            let minFraction = c.minFraction.index != nil ? row.fraction(c.minFraction) : nil
            let criteria = criterionColumns.map { row.optionalBoolean($0) }
            let assessment = row.assessment(assessmentColumn)
            var requests: [CategoryMap<Double>] = []
            requests.reserveCapacity(years.count)
            for byYear in amountColumns {
                var byCategory = CategoryMap<Double>()
                for (category, column) in zip(CostCategory.allCases, byYear) {
                    if let amount = row.amount(column), amount > 0 { byCategory[category] = amount }
                }
                requests.append(byCategory)
            }
            var totalBudget: [Double?] = []
            var otherFunding: [Double] = []
            if coFunded {
                for (y, year) in years.enumerated() {
                    let total = row.text(budgetColumns[y]).isEmpty ? nil : row.amount(budgetColumns[y])
                    let other = row.amount(otherColumns[y]) ?? 0
                    totalBudget.append(total)
                    otherFunding.append(other)
                    // What the project asks of SOF and gets elsewhere cannot exceed its budget.
                    if let total, other + requests[y].total > total {
                        row.fail(
                            budgetColumns[y],
                            .coFundingAboveBudget(year: year, request: requests[y].total, other: other, total: total))
                    }
                }
            }
            if proportional {
                let totals = requests.map(\.total)
                if let top = totals.max(),
                    let y = totals.indices.filter({ totals[$0] > 0 }).min(by: { totals[$0] < totals[$1] }),
                    totals[y] * Self.proportionalSpread < top,
                    let column = amountColumns[y].first(where: { row.location($0).line > 0 })
                {
                    let high = totals.firstIndex(of: top)!
                    row.fail(
                        column,
                        .proportionalSpread(smallYear: years[y], small: totals[y], largeYear: years[high], large: top))
                }
            }
            row.report(into: &diagnostics)
            guard !row.failed, let target, let theory else { continue }
            seen[id] = record.line
            var application = Application(
                id: id, title: row.text(c.title), areaID: areaID, focus: focus, objectives: objectives,
                targetGroup: target, sofInSteeringGroup: flags[0]!, clearGoals: flags[1]!, anchoringPlan: flags[2]!,
                coordinatorRole: flags[3]!, crossAdmin: flags[4]!, activityAccounting: flags[5]!,
                theoryOfChange: theory, minFraction: minFraction, requests: requests)
            for (criterion, value) in zip(QualityCriterion.optional, criteria) { application.set(criterion, value) }
            application.assessment = assessment
            application.totalBudget = totalBudget
            application.otherFunding = otherFunding
            applications.append(application)
        }
        return applications
    }
}

/// Column positions by normalised header name.
struct HeaderMap {
    private var index: [String: Int] = [:]

    init?(_ table: CSVTable, file: String, required: [String], diagnostics: inout DiagnosticCollector) {
        guard !table.header.isEmpty else {
            diagnostics.add(SourceLocation(file: file, line: 1, column: 1), .emptyTable)
            return nil
        }
        for (i, field) in table.header.enumerated() {
            // A Danish header stands for its English key; spaces, case and æ ø å do not matter.
            let name = InputWords.canonicalHeader(field.name)
            if name.isEmpty { continue }
            if index[name] != nil {
                diagnostics.add(
                    SourceLocation(file: file, line: field.line, column: field.column), .duplicateColumn(name))
            } else {
                index[name] = i
            }
        }
        let present = Array(index.keys)
        var ok = true
        for name in required where index[name] == nil {
            ok = false
            diagnostics.add(
                SourceLocation(file: file, line: 1, column: 1),
                .missingColumn(name, suggestion: closestMatch(to: name, in: present)))
        }
        if !ok { return nil }
    }

    func has(_ name: String) -> Bool { index[name] != nil }
    /// A column resolved once per file, so reading a row costs no hashing of names.
    func column(_ name: String) -> Column { Column(name: name, index: index[name]) }
}

/// A vocabulary's keys as bytes, made once per file, so a cell is matched in any case of its ASCII
/// letters without making a `String` for it.
struct Spellings<K: DanishSpelled> {
    let what: VocabularyKind
    private let entries: [(value: K, bytes: [UInt8])]
    /// Every English key and Danish word, normalized (`InputWords.normalized`), with its case.
    private let words: [String: K]
    /// Every spelling, for a "did you mean".
    let all: [String]

    init(_: K.Type, what: VocabularyKind) {
        self.what = what
        entries = K.allCases.map { ($0, Array($0.rawValue.utf8)) }
        var words: [String: K] = [:]
        var all: [String] = []
        for value in K.allCases {
            for word in [value.rawValue] + value.danish {
                words[InputWords.normalized(word)] = value
                all.append(word)
            }
        }
        self.words = words
        self.all = all
    }

    /// The common case: an English key in any case of its letters, matched on the cell's bytes.
    func match(_ bytes: Span<UInt8>) -> K? {
        for entry in entries where ValueParser.spells(bytes, entry.bytes) { return entry.value }
        return nil
    }

    /// Any spelling: the English key or a Danish word, normalized.
    func lookup(_ text: String) -> K? { words[InputWords.normalized(text)] }
}

/// A column's name (for messages) and its position in the records, if the file has it.
struct Column {
    let name: String
    let index: Int?
}

/// Reads one record's fields by column name, recording every problem with its location.
struct RowReader {
    let record: CSVRecord
    let file: String
    let table: CSVTable
    private(set) var problems: [Diagnostic] = []
    var failed: Bool { !problems.isEmpty }

    init(record: CSVRecord, file: String, table: CSVTable) {
        self.record = record
        self.file = file
        self.table = table
        if record.fields.count < table.header.count {
            let last = record.fields.last
            problems.append(
                Diagnostic(
                    SourceLocation(
                        file: file, line: last?.line ?? record.line,
                        column: (last?.column ?? 1) + (last.map(record.width) ?? 0)),
                    .tooFewFields(expected: table.header.count, found: record.fields.count)))
        } else if record.fields.count > table.header.count {
            // Never dropped: an unquoted `1,500,000` in a comma file is three fields, not an amount.
            let extra = record.fields[table.header.count]
            problems.append(
                Diagnostic(
                    SourceLocation(file: file, line: extra.line, column: extra.column),
                    .tooManyFields(
                        expected: table.header.count, found: record.fields.count, semicolon: table.semicolonDelimited)))
        }
    }

    private func field(_ column: Column) -> CSVField? {
        guard let i = column.index, i < record.fields.count else { return nil }
        return record.fields[i]
    }

    func location(_ column: Column) -> SourceLocation {
        let f = field(column)
        return SourceLocation(file: file, line: f?.line ?? record.line, column: f?.column ?? 1)
    }

    mutating func fail(_ column: Column, _ problem: InputProblem) {
        problems.append(Diagnostic(location(column), problem))
    }

    func text(_ column: Column) -> String { field(column).map(record.text) ?? "" }

    /// Calls `body` with a cell's trimmed bytes (empty when the row has no such cell).
    private func withTrimmedBytes<R>(_ column: Column, _ body: (Span<UInt8>) -> R) -> R {
        guard let f = field(column) else { return body([UInt8]().span) }
        return record.withTrimmedBytes(f, body)
    }

    mutating func key<K>(_ name: Column, _ keys: Spellings<K>) -> K? {
        guard field(name) != nil else { return nil }
        if let value = withTrimmedBytes(name, keys.match) { return value }
        let raw = text(name)
        if let value = keys.lookup(raw) { return value }
        fail(
            name,
            .unknownWord(
                keys.what, raw: raw, suggestion: raw.isEmpty ? nil : closestMatch(to: raw, in: keys.all),
                expected: K.allCases.map(\.rawValue), danish: K.allCases.map { $0.danish.first ?? $0.rawValue }))
        return nil
    }

    /// Keys separated by `|`, `;` or `,` (the first is the primary one).
    mutating func keyList<K: Equatable>(_ name: Column, _ keys: Spellings<K>) -> [K] {
        var result: [K] = []
        var unknown: [String] = []
        let separators: [UInt8] = [UInt8(ascii: "|"), UInt8(ascii: ";"), UInt8(ascii: ",")]
        withTrimmedBytes(name) { whole in
            var start = 0
            while start <= whole.count {
                var end = start
                while end < whole.count, !separators.contains(whole[end]) { end += 1 }
                defer { start = end + 1 }
                let raw = whole.extracting(start..<end)
                if raw.isEmpty { continue }
                if let value = keys.match(raw) {
                    if !result.contains(value) { result.append(value) }
                    continue
                }
                var bytes: [UInt8] = []
                for k in raw.indices { bytes.append(raw[k]) }
                let text = String(decoding: bytes, as: UTF8.self).trimmingSpaces
                if text.isEmpty { continue }
                if let value = keys.lookup(text) {
                    if !result.contains(value) { result.append(value) }
                } else {
                    unknown.append(text)
                }
            }
        }
        for raw in unknown {
            fail(name, .unknownListWord(keys.what, raw: raw, suggestion: closestMatch(to: raw, in: keys.all)))
        }
        return result
    }

    mutating func boolean(_ name: Column) -> Bool? {
        guard field(name) != nil else { return nil }
        if let value = withTrimmedBytes(name, ValueParser.boolean) ?? ValueParser.boolean(text(name)) { return value }
        fail(name, .notYesNo(text(name)))
        return nil
    }

    /// A yes/no cell of an optional column: absent or blank is no.
    mutating func optionalBoolean(_ name: Column) -> Bool {
        guard field(name) != nil, !text(name).isEmpty else { return false }
        return boolean(name) ?? false
    }

    /// The caseworker's score, a whole number 1–5; blank (or no column) is not assessed.
    mutating func assessment(_ name: Column) -> Int? {
        let raw = text(name)
        if raw.isEmpty { return nil }
        guard let value = ValueParser.number(raw, semicolonDialect: table.semicolonDelimited), value == value.rounded(),
            (1...5).contains(value)
        else {
            fail(name, .notAssessment(raw))
            return nil
        }
        return Int(value)
    }

    /// A non-negative DKK amount; blank is 0. Every path, the fast one included, ends in the
    /// same check against `Amount.maximum`.
    mutating func amount(_ name: Column) -> Double? {
        guard field(name) != nil else { return nil }
        // The common case, digits only, read straight from the file's bytes.
        let value: Double
        if let plain = withTrimmedBytes(name, { $0.isEmpty ? 0 : ValueParser.plainInteger($0) }) {
            value = plain
        } else {
            let raw = text(name)
            guard let parsed = ValueParser.number(raw, semicolonDialect: table.semicolonDelimited) else {
                fail(name, .notAmount(raw))
                return nil
            }
            value = parsed
        }
        if let problem = Amount.problem(value) {
            fail(name, .amountOutOfRange(text(name).trimmingSpaces, problem))
            return nil
        }
        return value == 0 ? 0 : value
    }

    /// A share in [0, 1]; blank means the column does not apply.
    mutating func fraction(_ name: Column) -> Double? {
        let raw = text(name)
        if raw.isEmpty { return nil }
        guard let value = ValueParser.number(raw, semicolonDialect: table.semicolonDelimited), (0...1).contains(value)
        else {
            fail(name, .notFraction(raw))
            return nil
        }
        return value
    }

    func report(into diagnostics: inout DiagnosticCollector) {
        diagnostics.diagnostics.append(contentsOf: problems)
    }
}
