import BoligsocialCore
import Foundation
import Testing

@testable import BoligsocialReports

/// Tables in 1.000 kr. add up to their printed totals: the rounding itself on random tables, and
/// every 1.000 kr. table of the Danish reports on generated rounds.
@Suite struct ThousandsRoundingTests {
    @Test func randomTablesAddUpAndStayWithinAThousand() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let rows = Int.random(in: 1...12, using: &generator)
            let years = Int.random(in: 1...5, using: &generator)
            let table = (0..<rows).map { _ in (0..<years).map { _ in Int.random(in: 0...3_000_000, using: &generator) }
            }
            let (cells, yearTotals, total) = ThousandsRounding.table(table, years: years)
            #expect(yearTotals.reduce(0, +) == total)
            for y in 0..<years {
                #expect(cells.reduce(0) { $0 + $1[y] } == yearTotals[y])
                let exact = Double(table.reduce(0) { $0 + $1[y] }) / 1000
                #expect(abs(Double(yearTotals[y]) - exact) < 1)
            }
            for (row, printed) in zip(table, cells) {
                for (kroner, thousands) in zip(row, printed) {
                    #expect(abs(Double(thousands) - Double(kroner) / 1000) < 1)
                }
            }
            #expect(abs(Double(total) - Double(table.joined().reduce(0, +)) / 1000) <= 0.5)
        }
        #expect(ThousandsRounding.apportion([1_400, 1_400, 1_200], to: 4) == [2, 1, 1])
    }

    /// Every numeric cell of the table's rows adds, column by column, to its footer, and every row
    /// to its last cell.
    static func expectAddsUp(_ table: TextTable, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        func value(_ text: String) -> Int? { Int(text.replacingOccurrences(of: ".", with: "")) }
        guard let footer = table.footer.last else { return }
        for row in table.rows {
            let numbers = row.dropFirst().compactMap(value)
            guard numbers.count == row.count - 1 else { continue }
            #expect(
                numbers.dropLast().reduce(0, +) == numbers.last, "\(table.title): \(row)",
                sourceLocation: sourceLocation)
        }
        for c in 1..<footer.count {
            let column = table.rows.compactMap { $0.count > c ? value($0[c]) : nil }
            #expect(
                column.reduce(0, +) == value(footer[c]), "\(table.title), column \(c)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [42, 7, 99, 1234])
    func everyDanishTableAddsUp(_ seed: UInt64) throws {
        let round = RoundGenerator.round(applications: 40, areas: 6, years: [2009, 2010, 2011, 2012], seed: seed)
        let scenario = RoundGenerator.scenario(for: round, coverage: 0.6, name: "Rounding")
        let solve = SolveReport(
            AllocationSummary(try Allocator.solve(round: round, scenario: scenario), stamp: nil), language: .da)
        for table in [solve.focusTable(), solve.riskTable(), solve.areaTable(), solve.categoryTable()] {
            Self.expectAddsUp(table)
        }
        var indexed = scenario
        indexed.priceIndex = [2010: 1.027, 2011: 1.051, 2012: 1.083]
        let proposal = try WishProposal.compute(round: round, scenario: indexed, threshold: 0.5)
        let wish = WishReport(proposal, stamp: nil, language: .da)
        let tables = wish.wishTables()
        for table in tables { Self.expectAddsUp(table) }
        for table in WishReport(proposal, stamp: nil, language: .da, currentPrices: true).wishTables() {
            Self.expectAddsUp(table)
        }
        // The blocks share their year totals, and the envelope asked is what is granted plus what is not.
        #expect(tables.dropLast().allSatisfy { $0.footer.last!.dropFirst() == tables[0].footer.last!.dropFirst() })
    }
}

/// A row of one cell is a line across the table in every text format.
@Suite struct SpanRowTests {
    @Test func aOneCellRowSpansTheTable() {
        let table = TextTable(
            title: "T", header: ["A", "B"], alignments: [.left, .right],
            rows: [["x", "1"], ["——— a long line across the whole table ———"], ["y", "2"]])
        #expect(table.plain() == "T\nA  B\n----\nx  1\n     ——— a long line across the whole table ———\ny  2\n")
        #expect(table.markdown().contains("| ——— a long line across the whole table ——— |  |"))
        #expect(
            HTML.html(table).contains(
                "<tr class=\"line\"><td colspan=\"2\">——— a long line across the whole table ———</td></tr>"))
    }
}
