/// Sorting by a `Double` key in linear time: a stable least-significant-digit radix sort on the
/// keys' bit patterns, made to order as the numbers do. The greedy pass orders up to a million
/// columns a block; a comparison sort was a sixth of its time and the one part of it growing
/// faster than the columns.
enum RadixOrder {
    /// `items` ordered by `keys` from largest to smallest, equal keys keeping their order in
    /// `items` (so with `items` ascending, ties go by item, as `sort` with that tie-break gives).
    /// Keys must not be NaN; −0 orders as 0.
    static func descending(_ keys: [Double], carrying items: [Int]) -> [Int] {
        precondition(keys.count == items.count)
        // Largest first: the order-preserving unsigned image of each key, complemented.
        var order = keys.map { ~orderPreservingBits($0 + 0) }
        var carried = items
        var spareKeys = order
        var spareItems = carried
        var counts = [Int](repeating: 0, count: 256)
        for shift in stride(from: 0, to: 64, by: 8) {
            for k in counts.indices { counts[k] = 0 }
            for key in order { counts[Int((key >> UInt64(shift)) & 0xFF)] += 1 }
            // A byte every key shares moves nothing.
            if counts.contains(order.count) { continue }
            var position = 0
            for k in counts.indices {
                let c = counts[k]
                counts[k] = position
                position += c
            }
            for (key, item) in zip(order, carried) {
                let digit = Int((key >> UInt64(shift)) & 0xFF)
                spareKeys[counts[digit]] = key
                spareItems[counts[digit]] = item
                counts[digit] += 1
            }
            swap(&order, &spareKeys)
            swap(&carried, &spareItems)
        }
        return carried
    }

    /// A pattern whose unsigned order is the numbers' order: negative numbers complemented,
    /// others with the sign bit set.
    static func orderPreservingBits(_ x: Double) -> UInt64 {
        let bits = x.bitPattern
        return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    }
}
