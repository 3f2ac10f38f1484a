import LinearProgramming

/// The numbers of one sweep step taken straight from a solution, without building every
/// application's outcome: the share columns and request lines are laid out once in flat arrays.
/// Totals and counts equal those of a full `Allocation` of the same solution.
struct StepSummarizer {
    /// Per application that can be funded: its share columns per period, and its lines
    /// (year, request) in year order.
    private var columns: [[[Int]]] = []
    /// Each column's value per unit of share, by column position (the model's own).
    private let scales: [Double]
    private var lines: [[(year: Int, request: Double)]] = []
    private let years: Int
    private let carryOver: Bool
    /// Eligible applications that ask for nothing: always unfunded.
    private var askingNothing = 0

    init(_ model: AllocationModel) {
        scales = model.columnScale
        years = model.scenario.years.count
        carryOver = model.scenario.rules.carryOver
        for (a, p) in model.prepared.enumerated() {
            guard !model.shareColumns[a].isEmpty else {
                if p.isFundable { askingNothing += 1 }
                continue
            }
            columns.append(model.shareColumns[a].map { $0.map(\.index) })
            var own: [(Int, Double)] = []
            for y in 0..<years {
                for c in CostCategory.allCases { if let amount = p.eligibleRequest[y][c], amount > 0 { own.append((y, amount)) } }
            }
            lines.append(own)
        }
    }

    func step(_ solution: Solution, envelopes: [Double], marginal: [Double]?, scale: Double?, parameter: SweepParameter,
              yearList: [Int]) -> SweepStep {
        guard solution.status.hasSolution else {
            return SweepStep(scale: scale, envelope: envelopes, status: solution.status, priorityPoints: 0,
                             allocated: Array(repeating: 0, count: years), full: 0, partial: 0, unfunded: 0, marginalPointsPer1000: nil)
        }
        var totals = [Int](repeating: 0, count: years)
        var full = 0, partial = 0, unfunded = askingNothing
        var shares = [Double](repeating: 0, count: years)
        for (i, periods) in columns.enumerated() {
            for y in 0..<years {
                let period = periods.count == 1 ? periods[0] : periods[y]
                var share = 0.0
                for j in period { share += solution.columnValues[j] / scales[j] }
                shares[y] = Rounding.snap(share)
            }
            var granted = 0
            for line in lines[i] {
                let amount = Rounding.grantedLine(share: shares[line.year], request: line.request)
                totals[line.year] += amount
                granted += amount
            }
            // Years without a request do not count against "fully funded".
            let asked = Set(lines[i].map(\.year))
            if asked.allSatisfy({ shares[$0] >= 1 }) { full += 1 } else if granted > 0 { partial += 1 } else { unfunded += 1 }
        }
        let excess = Rounding.excessOverEnvelopes(totals, envelopes: envelopes, carryOver: carryOver)
        let allocated = zip(totals, excess).map { $0 - $1 }
        var value: Double?
        if let marginal {
            switch parameter {
            case .scale:
                let total = envelopes.reduce(0, +)
                value = total > 0 ? zip(marginal, envelopes).reduce(0) { $0 + $1.0 * $1.1 } / total : marginal.max()
            case .year(let year, _):
                value = yearList.firstIndex(of: year).map { marginal[$0] }
            }
        }
        return SweepStep(scale: scale, envelope: envelopes, status: solution.status, priorityPoints: solution.objective,
                         allocated: allocated, full: full, partial: partial, unfunded: unfunded, marginalPointsPer1000: value)
    }
}
