import Foundation
import Testing

@testable import BoligsocialCore

/// A large sheet is read in two pieces side by side; whatever the sheet, that must give exactly
/// what reading it whole gives: the same text, the same cell places, the same refusal.
@Suite struct SheetPiecesTests {
    static func outcome(_ xml: String, shared: [String] = [], splitAbove: Int) -> String {
        switch SheetCells.read(
            Array(xml.utf8), shared: SharedStrings(shared), label: "t.xlsx[S]", splitAbove: splitAbove)
        {
        case .success(let sheet):
            return String(decoding: sheet.csv, as: UTF8.self)
                + "|\(sheet.cellStarts)|\(sheet.lineEnds)|\(sheet.headers)"
        case .failure(let failure):
            return "refused: \(failure)"
        }
    }

    static func sheet(rows: [Int], cells: (Int) -> String) -> String {
        "<?xml version=\"1.0\"?><worksheet><sheetData>"
            + rows.map { "<row r=\"\($0)\">\(cells($0))</row>" }.joined() + "</sheetData></worksheet>"
    }

    static func expectSame(
        _ xml: String, shared: [String] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let whole = outcome(xml, shared: shared, splitAbove: .max)
        let pieces = outcome(xml, shared: shared, splitAbove: 0)
        #expect(
            SheetCells.rowStart(in: Array(xml.utf8), from: xml.utf8.count / 2) != nil, "no row to split at",
            sourceLocation: sourceLocation)
        #expect(whole == pieces, sourceLocation: sourceLocation)
    }

    @Test func consecutiveRowsGapsAndLateHeaders() {
        let cells = { (r: Int) in
            "<c r=\"A\(r)\" t=\"inlineStr\"><is><t>id\(r)</t></is></c><c r=\"C\(r)\"><v>\(r * 1000)</v></c>"
                + "<c r=\"D\(r)\" t=\"s\"><v>\(r % 2)</v></c><c r=\"E\(r)\"><v>0.5</v></c>"
        }
        Self.expectSame(Self.sheet(rows: Array(1...40), cells: cells), shared: ["a;b", "ja"])
        // Blank rows on either side of where the pieces meet, and a header below row 1.
        for gap in [1, 2, 7] {
            let rows = Array(3...20) + Array((20 + gap)...(40 + gap))
            Self.expectSame(Self.sheet(rows: rows, cells: cells), shared: ["x", "y"])
        }
        // Rows that leave out cells at their end, and cells out of column order.
        Self.expectSame(
            Self.sheet(rows: Array(1...30)) { r in
                r % 3 == 0
                    ? "<c r=\"B\(r)\"><v>1</v></c><c r=\"A\(r)\"><v>2</v></c>"
                    : "<c r=\"A\(r)\"><v>\(r)</v></c><c r=\"F\(r)\"><v>3</v></c>"
            })
    }

    @Test func rowsOutOfOrderAnywhereAreRefusedAlike() {
        for wrong in 1..<30 {
            var rows = Array(1...30)
            rows[wrong] = rows[wrong - 1] - (wrong > 1 ? 1 : 0)
            let xml = Self.sheet(rows: rows) { "<c r=\"A\($0)\"><v>\($0)</v></c>" }
            let whole = Self.outcome(xml, splitAbove: .max)
            #expect(whole.hasPrefix("refused: rowsOutOfOrder"))
            #expect(Self.outcome(xml, splitAbove: 0) == whole)
        }
    }

    @Test func commentsCDATAAndMalformedPiecesReadAsTheWhole() {
        // A comment or CDATA section where the pieces would meet; `<row` inside a comment.
        let filler = (1...20).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        let later = (22...40).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        for middle in [
            "<!-- <row r=\"99\"> a long comment -->",
            "<row r=\"21\"><c r=\"A21\" t=\"str\"><v><![CDATA[<row r=\"5\">]]></v></c></row>",
        ] {
            Self.expectSame("<worksheet><sheetData>" + filler + middle + later + "</sheetData></worksheet>")
        }
        // Broken XML in either half.
        Self.expectSame(
            "<worksheet><sheetData>" + filler + "<row r=\"21\"><c r=\"A21\" t=\"n\"><v>1</v></c></row" + later)
        Self.expectSame("<worksheet><sheetData>" + filler + later + "<row r=\"41\"><c r=\"A41\"")
        Self.expectSame(
            "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" x><v>1</v></c></row>" + filler.dropFirst(0) + later)
    }
}

@Suite struct CRC32Tests {
    /// The standard check value, and agreement with the bitwise definition at every length
    /// around the eight-byte steps.
    @Test func checkValueAndBitwiseDefinition() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        func bitwise(_ bytes: [UInt8]) -> UInt32 {
            var c: UInt32 = 0xFFFF_FFFF
            for b in bytes {
                c ^= UInt32(b)
                for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            }
            return ~c
        }
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(CRC32.checksum(bytes) == bitwise(bytes), "length \(length)")
        }
    }
}
