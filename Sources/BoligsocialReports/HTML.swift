import BoligsocialCore

/// One self-contained HTML page per report: no network, no script, no external font; tables with
/// captions and header cells, charts as inline SVG with titles, and a print style sheet.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case _ where c.value < 0x20 && c != "\n" && c != "\t": out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:2rem;color:#111;max-width:1500px}
        h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
        table{border-collapse:collapse;margin:0.5rem 0 1.5rem;font-size:0.85rem}
        caption{text-align:left;font-weight:600;padding:0.3rem 0}
        th,td{border-bottom:1px solid #ddd;padding:0.25rem 0.6rem;vertical-align:top}
        th{background:#f3f3f3;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        tfoot td{font-weight:600;border-top:2px solid #999}
        td:last-child:not(.n){min-width:22rem}td:nth-last-child(2):not(.n){min-width:12rem}
        tr.line td{font-weight:600;border-top:2px solid #b00;border-bottom:2px solid #b00;min-width:0}
        .chart{max-width:100%;height:auto}figure{margin:1rem 0}figcaption{font-weight:600;font-size:0.9rem}
        footer{margin-top:2rem;font-size:0.75rem;color:#555}
        @media print{body{margin:0.5cm;max-width:none}h2{break-after:avoid}table,svg{break-inside:avoid}}
        """

    public static func page(_ report: some Report) -> String {
        let language = report.language
        let number = NumberFormat(language)
        var body = "<h1>\(escape(report.title))</h1>\n<ul class=\"headline\">\n"
        body += report.headline.map { "<li>\(escape($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
        body += figures(report.charts, number: number)
        for table in report.tables { body += html(table) }
        if !report.footer.isEmpty {
            body += "<footer>" + report.footer.map(escape).joined(separator: "<br>") + "</footer>\n"
        }
        return "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>\(escape(report.title))</title>\n"
            + "<style>\n\(style)\n</style>\n</head>\n<body>\n\(body)</body>\n</html>\n"
    }

    /// Each chart as a figure with its caption and inline SVG (ids from `prefix`).
    public static func figures(_ charts: [Chart], number: NumberFormat, prefix: String = "chart") -> String {
        charts.enumerated().map { i, chart in
            "<figure>\n<figcaption>\(escape(chart.title))</figcaption>\n"
                + SVGChart.svg(chart, id: "\(prefix)\(i + 1)", number: number) + "\n</figure>\n"
        }.joined()
    }

    static func html(_ table: TextTable) -> String {
        func cls(_ c: Int) -> String {
            table.alignments.indices.contains(c) && table.alignments[c] == .right ? " class=\"n\"" : ""
        }
        var out = "<table>\n<caption>\(escape(table.title))</caption>\n<thead><tr>"
        out +=
            table.header.enumerated().map { "<th scope=\"col\"\(cls($0))>\(escape($1))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            if TextTable.spans(row, columns: table.header.count) {
                out += "<tr class=\"line\"><td colspan=\"\(table.header.count)\">\(escape(row[0]))</td></tr>\n"
                continue
            }
            out +=
                "<tr>"
                + row.enumerated().map { c, cell in
                    c == 0 ? "<th scope=\"row\">\(escape(cell))</th>" : "<td\(cls(c))>\(escape(cell))</td>"
                }.joined() + "</tr>\n"
        }
        out += "</tbody>\n"
        if !table.footer.isEmpty {
            out +=
                "<tfoot>\n"
                + table.footer.map {
                    "<tr>" + $0.enumerated().map { "<td\(cls($0))>\(escape($1))</td>" }.joined() + "</tr>\n"
                }.joined() + "</tfoot>\n"
        }
        return out + "</table>\n"
    }
}
