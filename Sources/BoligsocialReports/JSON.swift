import Foundation
import Parallel

/// A JSON value with ordered object keys, so reports print their fields in the spec's order and
/// the same inputs give byte-identical output.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])
    /// An array of objects, each written straight into the output while it is written, so a
    /// 100,000-application report never holds its elements as trees, not even one at a time.
    case generated(count: Int, element: @Sendable (Int, inout JSONObjectWriter) -> Void)

    public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

    /// Pretty-printed with two-space indents and a final newline.
    public func serialized() -> String { String(decoding: serializedBytes(), as: UTF8.self) }

    /// The text of `serialized()` as UTF-8 bytes, without building a string (an answer of the
    /// what-if server on a 10,000-application round is 15 MB).
    ///
    /// `compact`: without the indents, line breaks and spaces between the tokens (the same
    /// document in about half the bytes: what the what-if server answers with).
    public func serializedBytes(compact: Bool = false) -> [UInt8] {
        var out = JSONOutput(capacity: 4096, compact: compact)
        write(into: &out, indent: 0, flush: nil)
        out.append(UInt8(ascii: "\n"))
        return out.bytes
    }

    /// The same text as `serialized()`, handed to `sink` in chunks of about a megabyte.
    public func write(chunks sink: ([UInt8]) throws -> Void) throws {
        var out = JSONOutput(capacity: 1 << 20 + 65536)
        var failure: Error?
        try withoutActuallyEscaping(sink) { sink in
            let flush: (inout JSONOutput) -> Void = { buffer in
                if failure == nil {
                    do { try sink(buffer.bytes) } catch { failure = error }
                }
                buffer.removeAll()
            }
            write(into: &out, indent: 0, flush: flush)
            out.append(UInt8(ascii: "\n"))
            if let failure { throw failure }
            try sink(out.bytes)
        }
    }

    fileprivate func write(into out: inout JSONOutput, indent: Int, flush: ((inout JSONOutput) -> Void)?) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.append(digitsOf: i)
        case .double(let d):
            // Whole numbers as integers, others in their shortest round-trip form; a non-finite
            // number (never expected) becomes null.
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
                out.append(digitsOf: Int(d))
            } else {
                out.append(text: d.isFinite ? d.description : "null")
            }
        case .string(let s): out.append(quoting: s)
        case .array(let items):
            if items.isEmpty {
                out.append("[]")
                return
            }
            if items.allSatisfy(\.isScalar) {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { out.comma() }
                    item.write(into: &out, indent: indent + 1, flush: flush)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out.append(UInt8(ascii: "["))
            out.lineBreak()
            for (i, item) in items.enumerated() {
                out.pad(indent + 1)
                item.write(into: &out, indent: indent + 1, flush: flush)
                if i < items.count - 1 { out.append(UInt8(ascii: ",")) }
                out.lineBreak()
            }
            out.pad(indent)
            out.append(UInt8(ascii: "]"))
        case .generated(let count, let element):
            if count == 0 {
                out.append("[]")
                return
            }
            out.append(UInt8(ascii: "["))
            out.lineBreak()
            // Elements are independent: rendered a batch per core at a time, each into its own
            // buffer, and appended in order (the same bytes as one by one, a few megabytes held).
            let jobs = count >= 2 * Self.batch ? ProcessInfo.processInfo.activeProcessorCount : 1
            var next = 0
            let compact = out.compact
            while next < count {
                let first = next
                let end = min(count, next + jobs * Self.batch)
                let pieces = PerThread.map(count: (end - first + Self.batch - 1) / Self.batch, jobs: jobs) {
                    piece -> JSONOutput in
                    var part = JSONOutput(capacity: 1 << 16, compact: compact)
                    for i in (first + piece * Self.batch)..<min(end, first + (piece + 1) * Self.batch) {
                        part.pad(indent + 1)
                        JSONObjectWriter.write(into: &part, indent: indent + 1, flush: nil) { element(i, &$0) }
                        if i < count - 1 { part.append(UInt8(ascii: ",")) }
                        part.lineBreak()
                    }
                    return part
                }
                for piece in pieces { out.append(contentsOf: piece) }
                if let flush, out.count >= 1 << 20 { flush(&out) }
                next = end
            }
            out.pad(indent)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            JSONObjectWriter.write(into: &out, indent: indent, flush: flush) { writer in
                for (key, value) in fields { writer.field(.text(key), value) }
            }
        }
    }

    /// Elements of a `.generated` array rendered by one thread at a time.
    static let batch = 256

    private var isScalar: Bool {
        switch self {
        case .array, .object, .generated: false
        default: true
        }
    }

    static func quoted(_ s: String) -> String {
        var out = JSONOutput(capacity: s.utf8.count + 2)
        out.append(quoting: s)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// The bytes of a JSON text being written: one buffer shared by every writer of the text (a
/// 100,000-application report is tens of megabytes, appended a few bytes at a time).
struct JSONOutput {
    private(set) var bytes: [UInt8] = []
    /// No indents, line breaks or spaces between tokens.
    let compact: Bool

    init(capacity: Int, compact: Bool = false) {
        self.compact = compact
        bytes.reserveCapacity(capacity)
    }

    /// A line break between a container's elements (none when compact).
    mutating func lineBreak() { if !compact { bytes.append(UInt8(ascii: "\n")) } }

    /// The comma between the elements of an array written on one line.
    mutating func comma() {
        bytes.append(UInt8(ascii: ","))
        if !compact { bytes.append(UInt8(ascii: " ")) }
    }

    var count: Int { bytes.count }
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(contentsOf other: JSONOutput) { bytes.append(contentsOf: other.bytes) }

    /// Punctuation and words written in the code.
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { utf8 in
            // Punctuation is a byte or two: appended one by one, cheaper than a bulk copy's set-up.
            if utf8.count <= 4 { for byte in utf8 { bytes.append(byte) } } else { bytes.append(contentsOf: utf8) }
        }
    }

    mutating func append(text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func pad(_ level: Int) {
        guard !compact else { return }
        // A few spaces, one by one: cheaper than a bulk copy's set-up at these widths.
        for _ in 0..<(2 * level) { bytes.append(UInt8(ascii: " ")) }
    }

    /// An integer's decimal digits.
    mutating func append(digitsOf value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        var rest = magnitude
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// A string in quotes with RFC 8259 escapes, byte by byte: UTF-8 above 0x7F passes through.
    mutating func append(quoting s: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = s
        text.withUTF8 { utf8 in
            // Nearly every string needs no escape: copied whole.
            if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes.append(contentsOf: utf8)
            } else {
                for byte in utf8 { escape(byte) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case UInt8(ascii: "\n"): append("\\n")
        case UInt8(ascii: "\r"): append("\\r")
        case UInt8(ascii: "\t"): append("\\t")
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            append("\\u00")
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0xF)])
        default: bytes.append(byte)
        }
    }
}

/// Writes one JSON object field by field straight into the output, without building a tree; a
/// `JSON.object` is written through one too, so both lay out their fields the same way.
public struct JSONObjectWriter {
    fileprivate var out: JSONOutput
    fileprivate let indent: Int
    /// Hands full chunks of the output on while a large value inside the object is written.
    fileprivate let flush: ((inout JSONOutput) -> Void)?
    private var fields = 0

    /// Writes the object `body` fills at `indent` (the output is moved in and out, not copied).
    fileprivate static func write(
        into out: inout JSONOutput, indent: Int, flush: ((inout JSONOutput) -> Void)?,
        _ body: (inout JSONObjectWriter) -> Void
    ) {
        var writer = JSONObjectWriter(out: JSONOutput(capacity: 0), indent: indent, flush: flush)
        swap(&writer.out, &out)
        writer.out.append(UInt8(ascii: "{"))
        body(&writer)
        if writer.fields == 0 {
            writer.out.append(UInt8(ascii: "}"))
        } else {
            writer.out.lineBreak()
            writer.out.pad(indent)
            writer.out.append(UInt8(ascii: "}"))
        }
        swap(&writer.out, &out)
    }

    /// A field's name: one written in the code, or one made from data (a year, an id).
    public enum Key: ExpressibleByStringLiteral, Sendable {
        case literal(StaticString)
        case text(String)
        public init(stringLiteral value: StaticString) { self = .literal(value) }
    }

    private mutating func key(_ key: Key) {
        if fields > 0 { out.append(UInt8(ascii: ",")) }
        out.lineBreak()
        fields += 1
        out.pad(indent + 1)
        switch key {
        case .literal(let name):
            // A field name written in the code: plain ASCII, quoted without looking for escapes.
            out.append(UInt8(ascii: "\""))
            out.append(name)
            out.append(UInt8(ascii: "\""))
        case .text(let name):
            out.append(quoting: name)
        }
        out.append(UInt8(ascii: ":"))
        if !out.compact { out.append(UInt8(ascii: " ")) }
    }

    public mutating func field(_ key: Key, int value: Int) {
        self.key(key)
        out.append(digitsOf: value)
    }

    /// A number, as `JSON.double` writes it.
    public mutating func field(_ key: Key, double value: Double) {
        self.key(key)
        JSON.double(value).write(into: &out, indent: indent + 1, flush: nil)
    }

    public mutating func field(_ key: Key, string value: String) {
        self.key(key)
        out.append(quoting: value)
    }

    /// An array of strings, as `JSON.array` of `.string`s writes it (on one line).
    public mutating func field(_ key: Key, strings values: [String]) {
        self.key(key)
        out.append(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { out.comma() }
            out.append(quoting: value)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Any value, written as `JSON` writes it.
    public mutating func field(_ key: Key, _ value: JSON) {
        self.key(key)
        value.write(into: &out, indent: indent + 1, flush: flush)
    }

    /// A nested object.
    public mutating func field(_ key: Key, object body: (inout JSONObjectWriter) -> Void) {
        self.key(key)
        Self.write(into: &out, indent: indent + 1, flush: flush, body)
    }
}
