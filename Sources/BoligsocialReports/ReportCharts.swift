import BoligsocialCore

/// The charts of the HTML reports, one set per report.
enum AllocationCharts {
    /// Money per year stacked by focus area and by risk class.
    static func charts(_ summary: AllocationSummary, labels: Labels) -> [Chart] {
        let years = summary.years.map(String.init)
        let inMillions = { (v: [Int]) in v.map { Double($0) / 1_000_000 } }
        let unit = labels.pick("million kr.", "mio. kr.")
        return [
            .stackedBars(
                title: "\(labels.byFocus) (\(unit))", categories: years,
                series: summary.byFocus.filter { $0.amounts.contains { $0 > 0 } }.map {
                    (labels.focus($0.focus), inMillions($0.amounts))
                },
                unit: unit),
            .stackedBars(
                title: "\(labels.byRisk) (\(unit))", categories: years,
                series: summary.byRisk.filter { $0.amounts.contains { $0 > 0 } }.map {
                    (labels.risk($0.risk), inMillions($0.amounts))
                },
                unit: unit),
        ]
    }
}

extension SolveReport {
    public var charts: [Chart] { AllocationCharts.charts(summary, labels: labels) }
}

extension WishReport {
    public var charts: [Chart] { AllocationCharts.charts(summary, labels: labels) }
}

extension FrontierReport {
    public var charts: [Chart] {
        let unit = labels.pick("Total envelope, million kr.", "Samlet ramme, mio. kr.")
        return [
            .line(
                title: labels.frontier, xLabel: unit, yLabel: labels.priorityPoints,
                points: frontier.breakpoints.map { ($0.scale * frontier.totalEnvelope / 1_000_000, $0.priorityPoints) })
        ]
    }
}

extension SweepReport {
    public var charts: [Chart] {
        let solved = steps.filter { $0.status.hasSolution }
        let unit = labels.pick("million kr.", "mio. kr.")
        let x: (SweepStep) -> Double = { s in
            if let year = sweptYear, let y = scenario.years.firstIndex(of: year) { return s.envelope[y] / 1_000_000 }
            return s.envelope.reduce(0, +) / 1_000_000
        }
        let xLabel = sweptYear.map { "\(labels.envelope) \($0), \(unit)" } ?? "\(labels.totalEnvelope), \(unit)"
        return [
            .line(
                title: labels.sweep, xLabel: xLabel, yLabel: labels.priorityPoints,
                points: solved.map { (x($0), $0.priorityPoints) })
        ]
    }
}
