/// Loads areas.csv and applications.csv (SPEC §3), collecting every problem with its location.
public enum RoundLoader {
    /// Reads both files; throws `.cannotOpen` for a missing file and `.badData` with every problem.
    public static func load(areasPath: String, applicationsPath: String, years: [Int]) throws(InputError) -> Round {
        let areaBytes = try readInputFile(areasPath)
        let applicationBytes = try readInputFile(applicationsPath)
        var diagnostics = DiagnosticCollector()
        let areas = parseAreas(areaBytes, file: areasPath, diagnostics: &diagnostics)
        let applications = parseApplications(
            applicationBytes, file: applicationsPath, years: years, areas: areas, diagnostics: &diagnostics)
        try diagnostics.throwIfAny()
        return Round(years: years, areas: areas, applications: applications)
    }

    static func parseAreas(_ bytes: [UInt8], file: String, diagnostics: inout DiagnosticCollector) -> [Area] {
        let table = CSVReader.parse(bytes, file: file, diagnostics: &diagnostics)
        guard let columns = HeaderMap(table, file: file, required: ["id", "name", "district", "risk"], diagnostics: &diagnostics)
        else { return [] }
        var areas: [Area] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            var row = RowReader(record: record, columns: columns, file: file, table: table)
            let id = row.text("id")
            if id.isEmpty { row.fail("id", "the area id is empty") }
            if let first = seen[id], !id.isEmpty { row.fail("id", "duplicate area id '\(id)' (first on line \(first))") }
            let risk: RiskClass? = row.key("risk", RiskClass.self, what: "risk class")
            row.report(into: &diagnostics)
            guard let risk, !row.failed else { continue }
            seen[id] = record.line
            areas.append(Area(id: id, name: row.text("name"), district: row.text("district"), risk: risk))
        }
        return areas
    }

    static func applicationColumns(years: [Int]) -> [String] {
        ["id", "title", "area", "focus", "objectives", "target_group", "sof_in_steering_group", "clear_goals",
         "anchoring_plan", "coordinator_role", "cross_admin", "activity_accounting", "theory_of_change"]
            + years.flatMap { year in CostCategory.allCases.map { "\($0.rawValue)_\(year)" } }
    }

    static func parseApplications(
        _ bytes: [UInt8], file: String, years: [Int], areas: [Area], diagnostics: inout DiagnosticCollector
    ) -> [Application] {
        let table = CSVReader.parse(bytes, file: file, diagnostics: &diagnostics)
        guard let columns = HeaderMap(table, file: file, required: applicationColumns(years: years), diagnostics: &diagnostics)
        else { return [] }
        let areaIDs = Set(areas.map(\.id))
        var applications: [Application] = []
        applications.reserveCapacity(table.records.count)
        var seen: [String: Int] = [:]
        for record in table.records {
            var row = RowReader(record: record, columns: columns, file: file, table: table)
            let id = row.text("id")
            if id.isEmpty { row.fail("id", "the application id is empty") }
            if let first = seen[id], !id.isEmpty { row.fail("id", "duplicate application id '\(id)' (first on line \(first))") }
            let areaID = row.text("area")
            if !areaIDs.contains(areaID) {
                row.fail("area", "unknown area '\(areaID)'" + didYouMean(areaID, areas.map(\.id)))
            }
            let focus = row.keyList("focus", FocusArea.self, what: "focus area")
            let objectives = row.keyList("objectives", Objective.self, what: "objective")
            let target = row.key("target_group", TargetGroup.self, what: "target group")
            let theory = row.key("theory_of_change", TheoryOfChange.self, what: "theory of change")
            let flags = ["sof_in_steering_group", "clear_goals", "anchoring_plan", "coordinator_role", "cross_admin",
                         "activity_accounting"].map { row.boolean($0) }
            let minFraction = columns.has("min_fraction") ? row.fraction("min_fraction") : nil
            var requests: [[CostCategory: Double]] = []
            for year in years {
                var byCategory: [CostCategory: Double] = [:]
                for category in CostCategory.allCases {
                    if let amount = row.amount("\(category.rawValue)_\(year)"), amount > 0 { byCategory[category] = amount }
                }
                requests.append(byCategory)
            }
            row.report(into: &diagnostics)
            guard !row.failed, let target, let theory else { continue }
            seen[id] = record.line
            applications.append(Application(
                id: id, title: row.text("title"), areaID: areaID, focus: focus, objectives: objectives,
                targetGroup: target, sofInSteeringGroup: flags[0]!, clearGoals: flags[1]!, anchoringPlan: flags[2]!,
                coordinatorRole: flags[3]!, crossAdmin: flags[4]!, activityAccounting: flags[5]!,
                theoryOfChange: theory, minFraction: minFraction, requests: requests))
        }
        return applications
    }
}

/// Column positions by normalised header name.
struct HeaderMap {
    private var index: [String: Int] = [:]

    init?(_ table: CSVTable, file: String, required: [String], diagnostics: inout DiagnosticCollector) {
        guard !table.header.isEmpty else {
            diagnostics.add(SourceLocation(file: file, line: 1, column: 1), "the file is empty: expected a header line")
            return nil
        }
        for (i, field) in table.header.enumerated() {
            let name = field.text.trimmingSpaces.lowercased()
            if name.isEmpty { continue }
            if index[name] != nil {
                diagnostics.add(SourceLocation(file: file, line: field.line, column: field.column), "duplicate column '\(name)'")
            } else {
                index[name] = i
            }
        }
        let present = Array(index.keys)
        var ok = true
        for name in required where index[name] == nil {
            ok = false
            diagnostics.add(SourceLocation(file: file, line: 1, column: 1), "missing column '\(name)'" + didYouMean(name, present))
        }
        if !ok { return nil }
    }

    func has(_ name: String) -> Bool { index[name] != nil }
    subscript(name: String) -> Int? { index[name] }
}

/// Reads one record's fields by column name, recording every problem with its location.
struct RowReader {
    let record: CSVRecord
    let columns: HeaderMap
    let file: String
    let table: CSVTable
    private(set) var problems: [Diagnostic] = []
    var failed: Bool { !problems.isEmpty }

    init(record: CSVRecord, columns: HeaderMap, file: String, table: CSVTable) {
        self.record = record
        self.columns = columns
        self.file = file
        self.table = table
        if record.fields.count < table.header.count {
            let last = record.fields.last
            problems.append(Diagnostic(
                SourceLocation(file: file, line: last?.line ?? record.line, column: (last?.column ?? 1) + (last?.text.count ?? 0)),
                "expected \(table.header.count) fields, found \(record.fields.count)"))
        }
    }

    private func field(_ name: String) -> CSVField? {
        guard let i = columns[name], i < record.fields.count else { return nil }
        return record.fields[i]
    }

    func location(_ name: String) -> SourceLocation {
        let f = field(name)
        return SourceLocation(file: file, line: f?.line ?? record.line, column: f?.column ?? 1)
    }

    mutating func fail(_ name: String, _ message: String) {
        problems.append(Diagnostic(location(name), message))
    }

    func text(_ name: String) -> String { field(name)?.text.trimmingSpaces ?? "" }

    mutating func key<K: RawRepresentable & CaseIterable>(_ name: String, _: K.Type, what: String) -> K? where K.RawValue == String {
        guard field(name) != nil else { return nil }
        let raw = text(name)
        if let value = K(rawValue: raw.lowercased()) { return value }
        fail(name, (raw.isEmpty ? "missing \(what)" : "unknown \(what) '\(raw)'")
            + didYouMean(raw, K.allCases.map(\.rawValue)) + "; expected one of " + K.allCases.map(\.rawValue).joined(separator: ", "))
        return nil
    }

    mutating func keyList<K: RawRepresentable & CaseIterable & Equatable>(_ name: String, _: K.Type, what: String) -> [K]
    where K.RawValue == String {
        var result: [K] = []
        for part in text(name).split(separator: "|") {
            let raw = String(part).trimmingSpaces
            if raw.isEmpty { continue }
            if let value = K(rawValue: raw.lowercased()) {
                if !result.contains(value) { result.append(value) }
            } else {
                fail(name, "unknown \(what) '\(raw)'" + didYouMean(raw, K.allCases.map(\.rawValue)))
            }
        }
        return result
    }

    mutating func boolean(_ name: String) -> Bool? {
        guard field(name) != nil else { return nil }
        if let value = ValueParser.boolean(text(name)) { return value }
        fail(name, "'\(text(name))' is not a yes/no value (yes/no, true/false, ja/nej, 1/0)")
        return nil
    }

    /// A non-negative DKK amount; blank is 0.
    mutating func amount(_ name: String) -> Double? {
        guard field(name) != nil else { return nil }
        let raw = text(name)
        if raw.isEmpty { return 0 }
        guard let value = ValueParser.number(raw, semicolonDialect: table.semicolonDelimited) else {
            fail(name, "'\(raw)' is not an amount in kroner")
            return nil
        }
        guard value >= 0 else {
            fail(name, "the amount \(raw) is negative")
            return nil
        }
        guard value <= 1e13 else {
            fail(name, "the amount \(raw) is larger than any budget this tool accepts (10.000.000.000.000 kr.)")
            return nil
        }
        return value == 0 ? 0 : value
    }

    /// A share in [0, 1]; blank means the column does not apply.
    mutating func fraction(_ name: String) -> Double? {
        let raw = text(name)
        if raw.isEmpty { return nil }
        guard let value = ValueParser.number(raw, semicolonDialect: table.semicolonDelimited), (0...1).contains(value) else {
            fail(name, "'\(raw)' is not a fraction between 0 and 1")
            return nil
        }
        return value
    }

    func report(into diagnostics: inout DiagnosticCollector) {
        diagnostics.diagnostics.append(contentsOf: problems)
    }
}
