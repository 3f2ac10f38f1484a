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
