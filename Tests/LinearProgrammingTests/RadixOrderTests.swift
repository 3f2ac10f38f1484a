import PropertyBased
import Testing

@testable import LinearProgramming

/// The radix order is the comparison sort's: largest key first, ties by the items' own order.
@Suite struct RadixOrderTests {
    @Test func ordersAsTheComparisonSortDoes() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000)) { seed in
            var rng = Xoshiro(seed: (UInt64(seed), 0xAD1, 5, UInt64(seed) &+ 11))
            let count = Int.random(in: 0...400, using: &rng)
            // Few distinct keys (many ties), signs, zeros of both signs, infinities, tiny and huge numbers.
            let palette: [Double] = [
                0, -0.0, 1, -1, 2.5, .infinity, -.infinity, 1e-300, -1e-300, 1e300, 0.1, 0.30000000000000004,
            ]
            let keys = (0..<count).map { _ in
                Bool.random(using: &rng)
                    ? palette.randomElement(using: &rng)! : Double.random(in: -1e6...1e6, using: &rng)
            }
            let items = Array(0..<count).map { $0 * 3 + 1 }
            let expected = zip(keys, items).sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.map(\.1)
            #expect(RadixOrder.descending(keys, carrying: items) == expected)
        }
    }

    @Test func emptyAndSingle() {
        #expect(RadixOrder.descending([], carrying: []) == [])
        #expect(RadixOrder.descending([3], carrying: [7]) == [7])
    }
}
