/// `<sheet name=… r:id=…>` in xl/workbook.xml, in order.
enum SheetList {
    static func parse(_ data: [UInt8]) -> [(name: String, relation: String)] {
        XMLScanner.scan(data) { scanner in
            var sheets: [(name: String, relation: String)] = []
            while let kind = scanner.next() {
                guard kind == .start, scanner.named("sheet"),
                    let name = scanner.attribute("name").flatMap(scanner.decoded)
                else { continue }
                sheets.append((name, scanner.attribute("id").flatMap(scanner.decoded) ?? ""))
            }
            return sheets
        }
    }
}

/// `Id → Target` in xl/_rels/workbook.xml.rels.
enum Relations {
    static func parse(_ data: [UInt8]) -> [String: String] {
        XMLScanner.scan(data) { scanner in
            var targets: [String: String] = [:]
            while let kind = scanner.next() {
                guard kind == .start, scanner.named("Relationship"),
                    let id = scanner.attribute("Id").flatMap(scanner.decoded),
                    let target = scanner.attribute("Target").flatMap(scanner.decoded)
                else { continue }
                targets[id] = target
            }
            return targets
        }
    }
}

/// The shared strings of xl/sharedStrings.xml: each `<si>`'s text, its rich-text runs joined
/// (phonetic runs `<rPh>` left out), as bytes one after another.
struct SharedStrings: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = [0]

    init() {}

    /// Strings given as they are (for tests).
    init(_ strings: [String]) {
        for string in strings {
            bytes += string.utf8
            ends.append(bytes.count)
        }
    }

    var count: Int { ends.count - 1 }
    func string(_ k: Int) -> ArraySlice<UInt8> { bytes[ends[k]..<ends[k + 1]] }

    static func parse(_ data: [UInt8]) -> SharedStrings {
        var strings = SharedStrings()
        XMLScanner.scan(data) { scanner in
            var inText = false
            var inPhonetic = false
            while let kind = scanner.next() {
                switch kind {
                case .start:
                    if scanner.named("si") {
                        if scanner.selfClosing { strings.ends.append(strings.bytes.count) }
                    } else if scanner.named("t") {
                        inText = !inPhonetic && !scanner.selfClosing
                    } else if scanner.named("rPh") {
                        inPhonetic = !scanner.selfClosing
                    }
                case .text:
                    // A run with an unknown entity is left out, as a whole.
                    let before = strings.bytes.count
                    if inText, !scanner.appendDecoded(scanner.text, to: &strings.bytes) {
                        strings.bytes.removeSubrange(before...)
                    }
                case .end:
                    if scanner.named("si") {
                        strings.ends.append(strings.bytes.count)
                    } else if scanner.named("t") {
                        inText = false
                    } else if scanner.named("rPh") {
                        inPhonetic = false
                    }
                }
            }
        }
        return strings
    }
}
