/// A chart of a report, drawn as inline SVG in the HTML report.
public enum Chart: Sendable {
    /// One bar per category (a year), stacked by series (focus areas, risk classes).
    case stackedBars(title: String, categories: [String], series: [(name: String, values: [Double])], unit: String)
    /// A line through points (envelope against priority points).
    case line(title: String, xLabel: String, yLabel: String, points: [(x: Double, y: Double)])
    /// The same with one point marked (the scenario as it stands on the frontier).
    case markedLine(
        title: String, xLabel: String, yLabel: String, points: [(x: Double, y: Double)], mark: (x: Double, y: Double))
    /// One horizontal bar per row from `lower` to `upper` (`nil`: beyond `limit`), on an axis from
    /// 0 to `limit`, with a mark at 1 (a weight's interval relative to its value).
    case intervals(title: String, xLabel: String, rows: [(name: String, lower: Double, upper: Double?)], limit: Double)

    var title: String {
        switch self {
        case .stackedBars(let title, _, _, _), .line(let title, _, _, _), .intervals(let title, _, _, _),
            .markedLine(let title, _, _, _, _):
            title
        }
    }
}

/// Draws charts as self-contained SVG: no script, no external font, titles and descriptions for
/// screen readers, colours from the Okabe–Ito palette (distinguishable with colour-blindness).
enum SVGChart {
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    static let width = 760.0, height = 380.0
    static let left = 90.0, right = 250.0, top = 30.0, bottom = 50.0 // right: room for the Danish legend

    static func svg(_ chart: Chart, id: String, number: NumberFormat) -> String {
        switch chart {
        case .stackedBars(let title, let categories, let series, let unit):
            return stackedBars(title: title, categories: categories, series: series, unit: unit, id: id, number: number)
        case .line(let title, let xLabel, let yLabel, let points):
            return line(title: title, xLabel: xLabel, yLabel: yLabel, points: points, id: id, number: number)
        case .markedLine(let title, let xLabel, let yLabel, let points, let mark):
            let drawn = line(title: title, xLabel: xLabel, yLabel: yLabel, points: points, id: id, number: number)
            return markPoint(drawn, points: points, mark: mark)
        case .intervals(let title, let xLabel, let rows, let limit):
            return intervals(title: title, xLabel: xLabel, rows: rows, limit: limit, id: id, number: number)
        }
    }

    /// A round axis maximum and its ticks.
    static func ticks(upTo maximum: Double) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0, 1] }
        let raw = maximum / 5
        let magnitude = pow10(Int((log10(raw)).rounded(.down)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        return stride(from: 0, through: maximum + step * 0.999, by: step).map { $0 }
    }

    static func pow10(_ n: Int) -> Double {
        n >= 0 ? (0..<n).reduce(1.0) { r, _ in r * 10 } : (0 ..< -n).reduce(1.0) { r, _ in r / 10 }
    }

    static func log10(_ x: Double) -> Double {
        var v = x
        var e = 0.0
        while v >= 10 {
            v /= 10
            e += 1
        }
        while v < 1 {
            v *= 10
            e -= 1
        }
        return e + (v - 1) / 9 * 0.95 // only the integer part is used
    }

    static func header(_ title: String, _ description: String, id: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" class=\"chart\">"
            + "<title id=\"\(id)-t\">\(HTML.escape(title))</title><desc id=\"\(id)-d\">\(HTML.escape(description))</desc>"
    }

    static func yAxis(_ ticks: [Double], label: String, number: NumberFormat) -> String {
        let plotHeight = height - top - bottom
        let maximum = ticks.last ?? 1
        var out = ""
        for t in ticks {
            let y = top + plotHeight * (1 - t / maximum)
            out +=
                "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"#ccc\" stroke-width=\"1\"/>"
            out +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\" font-size=\"11\">\(HTML.escape(number.decimal(t, places: t == t.rounded() ? 0 : 1)))</text>"
        }
        out +=
            "<text x=\"14\" y=\"\(f(top + plotHeight / 2))\" transform=\"rotate(-90 14 \(f(top + plotHeight / 2)))\" text-anchor=\"middle\" font-size=\"12\">\(HTML.escape(label))</text>"
        return out
    }

    static func stackedBars(
        title: String, categories: [String], series: [(name: String, values: [Double])], unit: String,
        id: String, number: NumberFormat
    ) -> String {
        let totals = categories.indices.map { c in
            series.reduce(0) { $0 + ($1.values.indices.contains(c) ? $1.values[c] : 0) }
        }
        let ticks = ticks(upTo: totals.max() ?? 0)
        let maximum = ticks.last ?? 1
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let slot = plotWidth / Double(max(categories.count, 1))
        let barWidth = slot * 0.6
        let description = categories.indices.map { c in
            "\(categories[c]): "
                + series.map { "\($0.name) \(number.decimal($0.values[c], places: 0))" }.joined(separator: ", ")
        }.joined(separator: "; ")
        var out = header(title, description + " (\(unit))", id: id) + yAxis(ticks, label: unit, number: number)
        for (c, category) in categories.enumerated() {
            let x = left + slot * Double(c) + (slot - barWidth) / 2
            var base = 0.0
            for (s, item) in series.enumerated() {
                let value = item.values.indices.contains(c) ? item.values[c] : 0
                guard value > 0 else { continue }
                let h = plotHeight * value / maximum
                let y = top + plotHeight * (1 - (base + value) / maximum)
                out +=
                    "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(barWidth))\" height=\"\(f(h))\" fill=\"\(palette[s % palette.count])\">"
                    + "<title>\(HTML.escape("\(category), \(item.name): \(number.decimal(value, places: 0)) \(unit)"))</title></rect>"
                base += value
            }
            out +=
                "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"middle\" font-size=\"12\">\(HTML.escape(category))</text>"
        }
        for (s, item) in series.enumerated() {
            let y = top + 18 * Double(s)
            out +=
                "<rect x=\"\(f(width - right + 16))\" y=\"\(f(y))\" width=\"12\" height=\"12\" fill=\"\(palette[s % palette.count])\"/>"
            out +=
                "<text x=\"\(f(width - right + 34))\" y=\"\(f(y + 10))\" font-size=\"11\">\(HTML.escape(item.name))</text>"
        }
        return out + "</svg>"
    }

    static func line(
        title: String, xLabel: String, yLabel: String, points: [(x: Double, y: Double)], id: String,
        number: NumberFormat
    ) -> String {
        let yTicks = ticks(upTo: points.map(\.y).max() ?? 0)
        let xTicks = ticks(upTo: points.map(\.x).max() ?? 0)
        let yMax = yTicks.last ?? 1
        let xMax = xTicks.last ?? 1
        let plotWidth = width - left - right + 170
        let plotHeight = height - top - bottom
        func px(_ x: Double) -> Double { left + plotWidth * x / xMax }
        func py(_ y: Double) -> Double { top + plotHeight * (1 - y / yMax) }
        let description =
            "\(points.count) points from (\(number.decimal(points.first?.x ?? 0, places: 2)), \(number.decimal(points.first?.y ?? 0, places: 0))) "
            + "to (\(number.decimal(points.last?.x ?? 0, places: 2)), \(number.decimal(points.last?.y ?? 0, places: 0)))"
        var out =
            header(title, "\(yLabel) against \(xLabel): " + description, id: id)
            + yAxis(yTicks, label: yLabel, number: number)
        for t in xTicks {
            out +=
                "<text x=\"\(f(px(t)))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"middle\" font-size=\"11\">\(HTML.escape(number.decimal(t, places: t == t.rounded() ? 0 : 1)))</text>"
        }
        out +=
            "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 8))\" text-anchor=\"middle\" font-size=\"12\">\(HTML.escape(xLabel))</text>"
        let path = points.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
        out += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(palette[0])\" stroke-width=\"2\"/>"
        for p in points.prefix(400) {
            out += "<circle cx=\"\(f(px(p.x)))\" cy=\"\(f(py(p.y)))\" r=\"2.5\" fill=\"\(palette[0])\"/>"
        }
        return out + "</svg>"
    }

    static func intervals(
        title: String, xLabel: String, rows: [(name: String, lower: Double, upper: Double?)], limit: Double,
        id: String, number: NumberFormat
    ) -> String {
        let rowHeight = 18.0
        let labelWidth = 330.0
        let plotLeft = labelWidth + 10
        let plotWidth = width - plotLeft - 30
        let chartHeight = top + rowHeight * Double(rows.count) + bottom
        func px(_ x: Double) -> Double { plotLeft + plotWidth * min(max(x, 0), limit) / limit }
        let description = rows.map {
            "\($0.name): \(number.decimal($0.lower, places: 2))–"
                + ($0.upper.map { number.decimal($0, places: 2) } ?? "∞")
        }
        .joined(separator: "; ")
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(chartHeight))\" width=\"\(Int(width))\" "
            + "height=\"\(Int(chartHeight))\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" class=\"chart\">"
            + "<title id=\"\(id)-t\">\(HTML.escape(title))</title><desc id=\"\(id)-d\">\(HTML.escape(description))</desc>"
        let ticks = stride(from: 0.0, through: limit, by: 0.25).map { $0 }
        for t in ticks {
            out +=
                "<line x1=\"\(f(px(t)))\" x2=\"\(f(px(t)))\" y1=\"\(f(top))\" y2=\"\(f(chartHeight - bottom))\" stroke=\"\(t == 1 ? "#000" : "#ddd")\" stroke-width=\"1\"/>"
            out +=
                "<text x=\"\(f(px(t)))\" y=\"\(f(chartHeight - bottom + 16))\" text-anchor=\"middle\" font-size=\"11\">\(HTML.escape(number.decimal(t, places: 2)))</text>"
        }
        out +=
            "<text x=\"\(f(plotLeft + plotWidth / 2))\" y=\"\(f(chartHeight - 10))\" text-anchor=\"middle\" font-size=\"12\">\(HTML.escape(xLabel))</text>"
        for (r, row) in rows.enumerated() {
            let y = top + rowHeight * Double(r)
            let end = row.upper ?? limit
            out +=
                "<text x=\"\(f(labelWidth))\" y=\"\(f(y + 12))\" text-anchor=\"end\" font-size=\"11\">\(HTML.escape(row.name))</text>"
            out +=
                "<rect x=\"\(f(px(row.lower)))\" y=\"\(f(y + 3))\" width=\"\(f(max(1, px(end) - px(row.lower))))\" height=\"\(f(rowHeight - 6))\" "
                + "fill=\"\(palette[row.upper == nil ? 4 : 0])\"><title>\(HTML.escape("\(row.name): \(number.decimal(row.lower, places: 3))–" + (row.upper.map { number.decimal($0, places: 3) } ?? "∞")))</title></rect>"
        }
        return out + "</svg>"
    }

    /// A ring round `mark` on a line chart drawn through `points` (the same axes).
    static func markPoint(_ svg: String, points: [(x: Double, y: Double)], mark: (x: Double, y: Double)) -> String {
        let yMax = ticks(upTo: points.map(\.y).max() ?? 0).last ?? 1
        let xMax = ticks(upTo: points.map(\.x).max() ?? 0).last ?? 1
        let plotWidth = width - left - right + 170
        let plotHeight = height - top - bottom
        let x = left + plotWidth * min(mark.x, xMax) / xMax
        let y = top + plotHeight * (1 - min(mark.y, yMax) / yMax)
        return String(svg.dropLast("</svg>".count))
            + "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"7\" fill=\"none\" stroke=\"\(palette[5])\" stroke-width=\"3\" class=\"current\"/></svg>"
    }

    static func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
