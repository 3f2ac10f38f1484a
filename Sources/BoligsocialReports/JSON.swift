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
    /// An array made one element at a time while it is written, so a 100,000-application report
    /// never holds every element's tree at once.
    case generated(count: Int, element: @Sendable (Int) -> JSON)

    public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

    /// Pretty-printed with two-space indents and a final newline. Written as UTF-8 bytes in one
    /// buffer: a 100,000-application report is tens of megabytes, so no per-value String is made.
    public func serialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, indent: 0, flush: nil)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The same text as `serialized()`, handed to `sink` in chunks of about a megabyte.
    public func write(chunks sink: ([UInt8]) throws -> Void) throws {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20 + 4096)
        var failure: Error?
        try withoutActuallyEscaping(sink) { sink in
            let flush: (inout [UInt8]) -> Void = { buffer in
                if failure == nil {
                    do { try sink(buffer) } catch { failure = error }
                }
                buffer.removeAll(keepingCapacity: true)
            }
            write(into: &out, indent: 0, flush: flush)
            out.append(UInt8(ascii: "\n"))
            if let failure { throw failure }
            try sink(out)
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private static func pad(_ out: inout [UInt8], _ level: Int) {
        if 2 * level <= spaces.count { out.append(contentsOf: spaces[..<(2 * level)]) } else {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
        }
    }

    /// An integer's decimal digits, written straight into the buffer.
    static func digits(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var reversed: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                       UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &reversed) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
        }
    }

    private func write(into out: inout [UInt8], indent: Int, flush: ((inout [UInt8]) -> Void)?) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): Self.digits(i, into: &out)
        case .double(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { Self.digits(Int(d), into: &out) } else { out.append(contentsOf: Self.number(d).utf8) }
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            if items.allSatisfy(\.isScalar) {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(contentsOf: ", ".utf8) }
                    item.write(into: &out, indent: indent + 1, flush: flush)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                Self.pad(&out, indent + 1)
                item.write(into: &out, indent: indent + 1, flush: flush)
                out.append(contentsOf: (i < items.count - 1 ? ",\n" : "\n").utf8)
            }
            Self.pad(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .generated(let count, let element):
            if count == 0 { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for i in 0..<count {
                Self.pad(&out, indent + 1)
                element(i).write(into: &out, indent: indent + 1, flush: flush)
                out.append(contentsOf: (i < count - 1 ? ",\n" : "\n").utf8)
                if let flush, out.count >= 1 << 20 { flush(&out) }
            }
            Self.pad(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            if fields.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (i, (key, value)) in fields.enumerated() {
                Self.pad(&out, indent + 1)
                Self.quote(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(into: &out, indent: indent + 1, flush: flush)
                out.append(contentsOf: (i < fields.count - 1 ? ",\n" : "\n").utf8)
            }
            Self.pad(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object, .generated: false
        default: true
        }
    }

    /// Shortest round-trip form; a non-finite number (never expected) becomes null.
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return "\(d)"
    }

    static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        quote(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 8259 string escaping, byte by byte: UTF-8 above 0x7F passes through unchanged.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Nearly every string needs no escape: copied whole.
        var text = s
        let plain = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
