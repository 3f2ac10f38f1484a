import ArgumentParser
import BoligsocialCore
import BoligsocialReports
import Foundation
import Spreadsheet

extension Boligsocial {
    /// `template`: an empty round to hand out, as a workbook (or two CSV files).
    struct TemplateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "template",
            abstract:
                "Write an empty round to hand out: a workbook with both sheets, notes on every column, drop-down lists and an example row (or two CSV files)."
        )

        @Option(help: "Language of the headers and values: en or da.")
        var lang: Language = .en

        @Option(help: "The years of the round, comma-separated.")
        var years = "2009,2010,2011,2012"

        @Option(
            help: "xlsx (a workbook at --output) or csv (areas.csv and applications.csv in the directory --output).")
        var format: String = "xlsx"

        @Option(help: "Where to write: PATH.xlsx, or a directory for csv.")
        var output: String

        var yearList: [Int] { years.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

        func validate() throws {
            let list = yearList
            guard !list.isEmpty, list.count == years.split(separator: ",").count,
                list.allSatisfy({ (1900...2200).contains($0) }),
                Set(list).count == list.count, list.count <= 20
            else {
                throw ValidationError(
                    "--years takes up to 20 distinct years from 1900 to 2200, comma-separated, not '\(years)'")
            }
            guard ["xlsx", "csv"].contains(format) else {
                throw ValidationError("--format must be xlsx or csv for a template")
            }
        }

        func run() throws {
            try Common.run(nil) { _ in
                let template = RoundTemplate(years: yearList, language: lang)
                let workbook = template.workbook()
                if format == "xlsx" {
                    try OutputWriter.write(to: output, inputs: []) { temporary in
                        try XLSXWriter.write(workbook, to: temporary)
                    }
                    return
                }
                do {
                    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                } catch {
                    throw OutputWriter.Failure(
                        message: "\(output): cannot create directory: \(error.localizedDescription)")
                }
                let dialect: CSVDialectOut = lang == .da ? .excelDanish : .plain
                for (sheet, name) in zip(workbook.sheets, ["areas.csv", "applications.csv"]) {
                    let table = TextTable(
                        title: sheet.name, header: sheet.header, alignments: sheet.header.map { _ in .left },
                        rows: sheet.rows.map { $0.map(Self.text) })
                    try OutputWriter.emit(
                        table.csv(dialect), to: (output as NSString).appendingPathComponent(name), inputs: [])
                }
            }
        }

        static func text(_ cell: Cell) -> String {
            switch cell {
            case .text(let t): t
            case .number(let v, _): v == v.rounded() ? String(Int(v)) : String(v)
            case .empty: ""
            }
        }
    }
}
