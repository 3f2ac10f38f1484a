import BoligsocialCore
import Foundation

/// A JSON value as a request sends it, decoded strictly (a number is never a yes/no).
enum JSONValue: Decodable, Sendable {
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    case null

    init(from decoder: Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !list.isAtEnd { items.append(try list.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        if let table = try? decoder.container(keyedBy: AnyKey.self) {
            self = .object(
                try table.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
                    ($0.stringValue, try table.decode(JSONValue.self, forKey: $0))
                })
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let b = try? single.decode(Bool.self) {
            self = .bool(b)
        } else if let d = try? single.decode(Double.self) {
            self = .number(d)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// A request the server refuses (400): what is wrong (a typed problem, or the loader's problems
/// already worded), and where in the request.
public struct BadRequest: Error, Sendable, Equatable {
    public var key: String
    public var problem: RequestProblem?
    public var worded: String?

    init(key: String, _ problem: RequestProblem) {
        self.key = key
        self.problem = problem
    }

    init(key: String, worded: String) {
        self.key = key
        self.worded = worded
    }
}

/// The what-ifs of one request: typed changes on top of the scenario the server was started with,
/// merged in memory and checked by the loader exactly as a file that extends it (the same keys,
/// ranges and "did you mean"); each change remembers the request key that gave it, so a problem is
/// named by that key.
public struct WhatIf: Sendable {
    public var patch: ScenarioPatch
    /// `explain`'s application, when the request names one.
    public var id: String?

    /// The largest request body read (bytes).
    public static let maximumBody = 256 * 1024
    /// The most changes one request may state.
    static let maximumChanges = 10_000
    static let topKeys: Set<String> = ["envelope", "scale", "rules", "weights", "decisions", "id"]

    public static func parse(_ body: [UInt8], base: Scenario) throws(BadRequest) -> WhatIf {
        var patch = ScenarioPatch()
        var count = 0
        var id: String?
        if body.isEmpty { return WhatIf(patch: patch, id: nil) }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(body))
        } catch {
            throw BadRequest(key: "", .notJSON)
        }
        guard case .object(let fields) = value else { throw BadRequest(key: "", .notAnObject) }
        func add(_ path: [String], _ value: ScenarioPatch.Value, _ key: String) throws(BadRequest) {
            count += 1
            guard count <= maximumChanges else { throw BadRequest(key: "", .tooManyChanges) }
            patch.set(path, to: value, origin: .request(key))
        }
        for (key, field) in fields {
            guard topKeys.contains(key) else {
                throw BadRequest(key: key, .unknownKey(key, allowed: topKeys.sorted()))
            }
            switch key {
            case "id":
                guard case .string(let s) = field, !s.isEmpty, s.count <= 200 else {
                    throw BadRequest(key: "id", .notAnApplicationID)
                }
                id = s
            case "scale":
                guard case .number(let f) = field, f.isFinite, f > 0, f <= 1000 else {
                    throw BadRequest(key: "scale", .scaleOutOfRange)
                }
                for (y, year) in base.years.enumerated() {
                    try add(["envelope", String(year)], number(base.envelopes[y] * f), "scale")
                }
            case "envelope":
                guard case .object(let years) = field else {
                    throw BadRequest(key: "envelope", .notAnObjectOf("envelope"))
                }
                for (year, amount) in years {
                    guard case .number(let kroner) = amount, kroner.isFinite, kroner >= 0, kroner <= Amount.maximum
                    else {
                        throw BadRequest(key: "envelope.\(year)", .notAnAmount("envelope.\(year)"))
                    }
                    try add(["envelope", year], number(kroner), "envelope.\(year)")
                }
            case "decisions":
                guard case .object(let decisions) = field else {
                    throw BadRequest(key: "decisions", .notAnObjectOf("decisions"))
                }
                for (id, decision) in decisions {
                    guard case .object = decision else {
                        throw BadRequest(key: "decisions.\(id)", .decisionNotAnObject)
                    }
                    try add(
                        ["decisions", id], try inline(decision, key: "decisions.\(id)", depth: 0), "decisions.\(id)")
                }
            default: // rules, weights: nested tables of scalar values, one change per value
                func flatten(_ value: JSONValue, _ path: [String]) throws(BadRequest) {
                    let name = path.joined(separator: ".")
                    guard path.count <= 4 else { throw BadRequest(key: name, .nestsTooDeep(name)) }
                    if case .object(let table) = value {
                        for (k, v) in table { try flatten(v, path + [k]) }
                    } else {
                        try add(path, try scalar(value, key: name), name)
                    }
                }
                try flatten(field, [key])
            }
        }
        return WhatIf(patch: patch, id: id)
    }

    /// A JSON number as a scenario file would write it: whole numbers as integers (`max_projects`
    /// takes no other).
    static func number(_ d: Double) -> ScenarioPatch.Value {
        d == d.rounded() && abs(d) < 1e15 ? .integer(Int(d)) : .number(d)
    }

    static func scalar(_ value: JSONValue, key: String) throws(BadRequest) -> ScenarioPatch.Value {
        switch value {
        case .bool(let b): return .boolean(b)
        case .number(let d):
            guard d.isFinite else { throw BadRequest(key: key, .notFinite(key)) }
            return number(d)
        case .string(let s):
            guard s.count <= 1000 else { throw BadRequest(key: key, .tooLong(key)) }
            return .string(s)
        case .array(let items):
            guard items.count <= 100 else { throw BadRequest(key: key, .tooManyValues(key)) }
            var parts: [ScenarioPatch.Value] = []
            for item in items {
                guard case .number = item else { throw BadRequest(key: key, .notANumberList(key)) }
                parts.append(try scalar(item, key: key))
            }
            return .list(parts)
        case .null: throw BadRequest(key: key, .noValue(key))
        case .object: throw BadRequest(key: key, .objectNotValue(key))
        }
    }

    /// An inline table (a decision, and its per-year `min`/`max`).
    static func inline(_ value: JSONValue, key: String, depth: Int) throws(BadRequest) -> ScenarioPatch.Value {
        guard case .object(let fields) = value else { return try scalar(value, key: key) }
        guard depth < 2, fields.count <= 50 else { throw BadRequest(key: key, .nestsTooDeep(key)) }
        var parts: [ScenarioPatch.Value.Field] = []
        for (k, v) in fields { parts.append(.init(k, try inline(v, key: "\(key).\(k)", depth: depth + 1))) }
        return .table(parts)
    }
}
