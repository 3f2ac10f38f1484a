import LinearProgramming

/// Each application's share columns by period (one period under `proportional`, one per year under
/// `per_year`), each period's columns (its return segments) added one after another. Kept as two
/// flat arrays of positions, not an array of arrays per application: a 100,000-application round
/// would otherwise allocate half a million small arrays.
public struct ShareColumns: RandomAccessCollection, Sendable {
    /// Application `a`'s periods are `periodsStart[a] ..< periodsStart[a + 1]`.
    private var periodsStart: [Int32] = [0]
    /// Period `k`'s columns are `bounds[2k] ..< bounds[2k + 1]`.
    private var bounds: [Int32] = []

    init() {}

    mutating func reserve(applications: Int, periods: Int) {
        periodsStart.reserveCapacity(applications + 1)
        bounds.reserveCapacity(2 * applications * periods)
    }

    /// Adds the next application with its periods' column ranges (none for one that cannot be funded).
    mutating func append(_ periods: [Range<Int>]) {
        for range in periods {
            bounds.append(Int32(range.lowerBound))
            bounds.append(Int32(range.upperBound))
        }
        periodsStart.append(Int32(bounds.count / 2))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { periodsStart.count - 1 }

    /// Application `a`'s periods, each its share columns.
    public subscript(a: Int) -> Periods {
        Periods(bounds: bounds, startIndex: Int(periodsStart[a]), count: Int(periodsStart[a + 1] - periodsStart[a]))
    }

    public struct Periods: RandomAccessCollection, Sendable {
        fileprivate let bounds: [Int32]
        fileprivate let first: Int
        public let endIndex: Int
        public var startIndex: Int { 0 }

        fileprivate init(bounds: [Int32], startIndex: Int, count: Int) {
            self.bounds = bounds
            first = startIndex
            endIndex = count
        }

        public subscript(period: Int) -> LinearProgram.ColumnRange {
            let k = first + period
            return LinearProgram.ColumnRange(Int(bounds[2 * k])..<Int(bounds[2 * k + 1]))
        }
    }
}
