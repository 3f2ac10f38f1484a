import BoligsocialCore
import Spreadsheet

/// Writes a report's workbook as XLSX (through the `Spreadsheet` wrapper of libxlsxwriter).
public func writeWorkbook(_ report: some Report, to path: String) throws {
    try XLSXWriter.write(wholeWorkbook(report), to: path)
}

/// The same workbook as `writeWorkbook`, as XLSX bytes in memory (the what-if page's download).
public func workbookBytes(_ report: some Report) throws -> [UInt8] {
    try XLSXWriter.bytes(wholeWorkbook(report))
}

/// The report's sheets and, when it has inputs, the sheet that names them.
private func wholeWorkbook(_ report: some Report) -> Workbook {
    var workbook = report.workbook()
    if !report.stamps.isEmpty { workbook.sheets.append(report.inputsSheet()) }
    return workbook
}

/// The sheets every allocation contributes: summary by year, applications, and money per area,
/// focus area, risk class and cost category. Amounts are numbers in kroner, never text.
enum AllocationSheets {
    static func sheets(_ summary: AllocationSummary, labels: Labels) -> [Sheet] {
        let a = summary.allocation
        let years = a.years
        var summaryRows: [[Cell]] = years.indices.map { y in
            [
                .number(Double(years[y]), .integer), .number(a.envelope[y].rounded(.down), .kroner),
                .number(Double(a.allocated[y]), .kroner),
                .number(a.envelope[y].rounded(.down) - Double(a.allocated[y]), .kroner),
                a.marginalPointsPer1000.map { .number($0[y], .decimal(4)) } ?? .empty,
            ]
        }
        summaryRows.append([
            .text(labels.total), .number(a.envelope.reduce(0) { $0 + $1.rounded(.down) }, .kroner),
            .number(Double(summary.totalAllocated), .kroner), .empty, .empty,
        ])
        summaryRows.append([
            .text(labels.priorityPoints), .number(a.priorityPoints, .decimal(3)), .empty, .empty, .empty,
        ])
        summaryRows.append([.text(labels.scenario), .text(a.scenario.name), .empty, .empty, .empty])
        if let stamp = summary.stamp {
            summaryRows.append([.text(labels.inputsLine), .text(labels.stamp(stamp)), .empty, .empty, .empty])
        }
        let summarySheet = Sheet(
            name: labels.summary,
            header: [labels.year, labels.envelope, labels.allocated, labels.unspent, labels.marginal],
            rows: summaryRows)
        let reasons = OutcomeReasons(a.outcomes, labels: labels, number: NumberFormat(labels.language))
        let applications = ApplicationRows(
            a, years: years, reasons: reasons, labels: labels, number: NumberFormat(labels.language)
        ).sheet(name: labels.byApplication)
        func amounts(_ name: String, _ key: String, _ rows: [(String, [Int])]) -> Sheet {
            Sheet(
                name: name, header: [key] + years.map(String.init) + [labels.total],
                rows: rows.map { label, values in
                    [.text(label)] + values.map { .number(Double($0), .kroner) } + [
                        .number(Double(values.reduce(0, +)), .kroner)
                    ]
                })
        }
        return [
            summarySheet, applications,
            amounts(labels.byArea, labels.area, summary.byArea.map { ($0.area.name, $0.amounts) }),
            amounts(labels.byFocus, labels.focusArea, summary.byFocus.map { (labels.focus($0.focus), $0.amounts) }),
            amounts(labels.byRisk, labels.riskClass, summary.byRisk.map { (labels.risk($0.risk), $0.amounts) }),
            amounts(
                labels.byCategory, labels.category,
                summary.byCategory.map { (labels.category($0.category), $0.amounts) }),
        ]
    }
}

extension SolveReport {
    public func workbook() -> Workbook {
        let list = priorityList.csvTable
        return Workbook(
            title: title, sheets: AllocationSheets.sheets(summary, labels: labels) + [Sheet(list, name: list.title)])
    }
}

extension WishReport {
    /// The wish sheet in whole 1.000 kr. (numbers with a thousands format, adding up as printed),
    /// block under block; then the allocation's sheets in kroner.
    public func workbook() -> Workbook {
        let years = proposal.allocation.years
        let b = budget(inThousands: true)
        func line(_ label: String, _ values: [Int]) -> [Cell] {
            [.text(label)] + values.map { .number(Double($0), .decimal(0)) } + [
                .number(Double(values.reduce(0, +)), .decimal(0))
            ]
        }
        var rows: [[Cell]] = []
        for block in b.blocks {
            rows.append([.text(block.title)] + Array(repeating: Cell.empty, count: years.count + 1))
            rows += block.rows.map { line($0.0, $0.1) }
            rows.append(line(labels.grantedTotal, b.granted))
            rows.append(Array(repeating: Cell.empty, count: years.count + 2))
        }
        rows.append(line(labels.grantedTotal, b.granted))
        rows.append(line(labels.notAllocated, b.margin))
        rows.append(line(labels.askTotal, b.ask))
        // The first header cell says the unit and the prices: "Ønskeforslag 2009-2012, 1.000 kr. (faste 2009-priser)".
        let heading =
            currentPrices
            ? labels.wishTableCurrent(span, base: years.first ?? 2009)
            : labels.wishTable(span, prices: years.first ?? 2009)
        let wish = Sheet(name: labels.wish, header: [heading] + years.map(String.init) + [labels.total], rows: rows)
        var sheets = AllocationSheets.sheets(summary, labels: labels)
        sheets.insert(wish, at: 1)
        return Workbook(title: title, sheets: sheets)
    }
}
