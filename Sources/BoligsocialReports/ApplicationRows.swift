import BoligsocialCore
import Spreadsheet

/// The allocation's table of applications as typed values, built once: the text table (and so
/// Markdown and HTML), the CSV and the workbook's sheet render the same rows, each value in its own
/// form at the last step — a share as "11.3 %" on screen, 0.113445378 in a CSV, a number with a
/// percent format in a workbook; an amount as "1,090,000", 1090000 and a number in kroner.
struct ApplicationRows {
    enum Value {
        case text(String)
        /// Words on screen and in a workbook; in a CSV the status's key in English, its words in Danish.
        case status(ApplicationOutcome)
        case weight(Double)
        case share(Double)
        case kroner(Int)
    }

    /// A column: its key (the English CSV's header), its header on screen, in a workbook and in a
    /// Danish CSV, and how it is aligned on screen.
    struct Column {
        let key: String
        let label: String
        let sheetLabel: String
        let danishCSVLabel: String
        let alignment: TextTable.Alignment

        init(
            _ key: String, _ label: String, sheet: String? = nil, danishCSV: String? = nil,
            _ alignment: TextTable.Alignment
        ) {
            self.key = key
            self.label = label
            sheetLabel = sheet ?? label
            danishCSVLabel = danishCSV ?? sheet ?? label
            self.alignment = alignment
        }
    }

    let columns: [Column]
    let rows: [[Value]]
    let labels: Labels
    let number: NumberFormat

    init(_ allocation: Allocation, years: [Int], reasons: OutcomeReasons, labels: Labels, number: NumberFormat) {
        self.labels = labels
        self.number = number
        columns =
            [
                Column("id", labels.id, .left), Column("title", labels.title, .left),
                Column("area", labels.area, .left),
                Column("status", labels.status, .left), Column("weight", labels.weight, .right),
                Column("share", labels.share, .right), Column("requested", labels.requested, .right),
            ]
            + years.map { Column("granted_\($0)", String($0), sheet: "\(labels.granted) \($0)", .right) }
            + [
                Column("granted_total", labels.granted, danishCSV: labels.grantedTotal, .right),
                Column("reason", labels.reason, .left),
            ]
        rows = allocation.outcomes.enumerated().map { i, o in
            [
                .text(o.application.id), .text(o.application.title), .text(o.prepared.area.name), .status(o),
                .weight(o.prepared.weight.weight), .share(o.share), .kroner(o.requested.reduce(0, +)),
            ] + o.grantedByYear.map { .kroner($0) } + [.kroner(o.grantedTotal), .text(reasons.joined(i))]
        }
    }

    /// For a terminal, Markdown and HTML.
    func textTable(title: String) -> TextTable {
        TextTable(
            title: title, header: columns.map(\.label), alignments: columns.map(\.alignment),
            rows: rows.map { $0.map(plain) })
    }

    /// For `--format csv`: keys as headers in English, the words in Danish; numbers unformatted.
    func csvTable(title: String) -> TextTable {
        let danish = labels.language == .da
        return TextTable(
            title: title, header: columns.map { danish ? $0.danishCSVLabel : $0.key },
            alignments: columns.map(\.alignment),
            rows: rows.map { $0.map(csv) })
    }

    /// The workbook's sheet: numbers as numbers with their formats, never text.
    func sheet(name: String) -> Sheet {
        Sheet(name: name, header: columns.map(\.sheetLabel), rows: rows.map { $0.map(cell) })
    }

    func plain(_ value: Value) -> String {
        switch value {
        case .text(let s): s
        case .status(let o): labels.status(o)
        case .weight(let w): number.decimal(w, places: 3)
        case .share(let s): number.percent(s)
        case .kroner(let k): number.kroner(k)
        }
    }

    func csv(_ value: Value) -> String {
        switch value {
        case .text(let s): s
        case .status(let o): labels.pick(o.status.rawValue, labels.status(o))
        case .weight(let w): String(w.roundedForReport)
        case .share(let s): String(s.roundedForReport)
        case .kroner(let k): String(k)
        }
    }

    func cell(_ value: Value) -> Cell {
        switch value {
        case .text(let s): .text(s)
        case .status(let o): .text(labels.status(o))
        case .weight(let w): .number(w, .decimal(3))
        case .share(let s): .number(s, .percent)
        case .kroner(let k): .number(Double(k), .kroner)
        }
    }
}
