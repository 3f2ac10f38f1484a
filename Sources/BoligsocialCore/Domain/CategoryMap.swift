/// Amounts by cost category (salary, rent, activities), stored inline: a round of 100,000
/// applications over four years holds 800,000 of these, so a heap-allocated dictionary each would
/// dominate memory. Reads like the dictionary it replaces: `map[.rent]` is `nil` when the category
/// is absent, and iteration yields the present categories in the order of `CostCategory.allCases`.
public struct CategoryMap<Value: Sendable & Equatable>: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    fileprivate var salary: Value?
    fileprivate var rent: Value?
    fileprivate var activities: Value?

    public init() {}

    public init(dictionaryLiteral elements: (CostCategory, Value)...) {
        for (category, value) in elements { self[category] = value }
    }

    public subscript(category: CostCategory) -> Value? {
        get {
            switch category {
            case .salary: salary
            case .rent: rent
            case .activities: activities
            }
        }
        set {
            switch category {
            case .salary: salary = newValue
            case .rent: rent = newValue
            case .activities: activities = newValue
            }
        }
    }

    /// The present amounts, in category order.
    public var values: [Value] { map(\.value) }
    public var isEmpty: Bool { salary == nil && rent == nil && activities == nil }

    public func makeIterator() -> Iterator { Iterator(map: self) }

    /// The present categories in order; a plain struct, so iterating allocates nothing.
    public struct Iterator: IteratorProtocol {
        let map: CategoryMap
        var index = 0
        public mutating func next() -> (key: CostCategory, value: Value)? {
            while index < 3 {
                let category: CostCategory = index == 0 ? .salary : index == 1 ? .rent : .activities
                index += 1
                if let value = map[category] { return (key: category, value: value) }
            }
            return nil
        }
    }
}

extension CategoryMap {
    /// The categories that pass `isIncluded`, as a map (as `Dictionary.filter` gives).
    public func filter(_ isIncluded: ((key: CostCategory, value: Value)) throws -> Bool) rethrows -> CategoryMap {
        var kept = CategoryMap()
        for entry in self where try isIncluded(entry) { kept[entry.key] = entry.value }
        return kept
    }
}

extension CategoryMap: Codable where Value: Codable {
    /// Encoded as an object keyed by the category's key (`{"salary": 100000}`), as the dictionary was.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CostCategory.CodingKeys.self)
        for key in container.allKeys { self[key.category] = try container.decode(Value.self, forKey: key) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CostCategory.CodingKeys.self)
        for (category, value) in self { try container.encode(value, forKey: CostCategory.CodingKeys(category)) }
    }
}

extension CostCategory {
    struct CodingKeys: CodingKey {
        let category: CostCategory
        init(_ category: CostCategory) { self.category = category }
        init?(stringValue: String) {
            guard let category = CostCategory(rawValue: stringValue) else { return nil }
            self.category = category
        }
        init?(intValue: Int) { nil }
        var stringValue: String { category.rawValue }
        var intValue: Int? { nil }
    }
}

extension CategoryMap where Value: AdditiveArithmetic {
    /// The sum of the present amounts, without building an array.
    public var total: Value { (salary ?? .zero) + (rent ?? .zero) + (activities ?? .zero) }
}
