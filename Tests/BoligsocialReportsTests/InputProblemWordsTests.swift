import BoligsocialCore
import BoligsocialReports
import Foundation
import Testing

/// Every input problem has its Danish sentence: a sample of each case (the switch in `kind`
/// makes the compiler name a case left out), worded otherwise than in English.
@Suite struct InputProblemWordsTests {
    static let samples: [InputProblem] = [
        .emptyTable, .notAssessment("6"),
        .coFundingAboveBudget(year: 2010, request: 500_000, other: 600_000, total: 1_000_000),
        .unknownFocusMode("maks", suggestion: "max"), .duplicateColumn("id"),
        .missingColumn("area", suggestion: "areas"), .tooFewFields(expected: 16, found: 3),
        .tooManyFields(expected: 16, found: 18, semicolon: true), .unclosedQuote, .utf16,
        .mixedEncoding(byte: 0xE6, utf8Line: 3),
        .emptyID(.areas), .duplicateID(.applications, id: "A1", firstLine: 2), .unknownArea("MJQ", suggestion: "MJP"),
        .unknownWord(
            .targetGroup, raw: "x", suggestion: nil, expected: ["primary", "secondary"], danish: ["primær", "sekundær"]),
        .unknownListWord(.focusArea, raw: "sundhd", suggestion: "sundhed"), .notYesNo("måske"), .notAmount("abc"),
        .amountOutOfRange("-5", .negative), .notFraction("2"),
        .proportionalSpread(smallYear: 2009, small: 1, largeYear: 2010, large: 5_000_000), .tomlSyntax(.nulByte),
        .wrongType(key: "years", expected: .wholeNumbers, found: .string), .emptyValue(key: "areas"),
        .amountKey(key: "envelope.2009", .tooLarge), .weightOutOfRange(key: "weights.risk.at_risk", value: -1),
        .fractionOutOfRange(key: "rules.min_fraction", value: 1.5), .unknownKey("nmae", suggestion: "name"),
        .extendsCycle(["a.toml", "b.toml", "a.toml"]), .extendsTooLong(maximum: 32), .extendsNotAPath,
        .yearsNotIncreasing,
        .noTableFile(key: "areas"), .yearTwice(key: "2009", year: 2009, first: "2_009"),
        .notAScenarioYear(key: "2013", years: [2009]),
        .noEnvelope(year: 2010), .noEnvelopeTable, .unknownCommitment("yearly", suggestion: nil), .negativeMaxProjects,
        .badReturns,
        .indexOutOfRange(key: "index.2010", value: 102.7), .decisionWithoutReason(id: "A12"),
        .decisionUnclear(id: "A12"),
        .decisionUnknownFund(id: "A12", value: "half"), .decisionContradicts(id: "A07", min: 3_000_000, max: 2_000_000),
        .decisionUnknownApplication("A99", suggestion: "A09"), .decisionPerYearNeedsPerYear(id: "A07"),
        .workbook(.encryptedOrOld),
    ]

    static let workbookSamples: [WorkbookProblem] = [
        .encryptedOrOld, .notZip, .noTemporaryCopy, .partTooLarge(part: "xl/sharedStrings.xml", megabytes: 600),
        .damagedPart("xl/worksheets/sheet1.xml"), .noWorkbookPart, .noSheets,
        .noSuchSheet("Omrader", suggestion: "Områder", sheets: ["Områder"]),
        .missingSheetPart(sheet: "Ark1", part: "xl/worksheets/sheet9.xml"), .malformedXML(.straySlash),
        .tooManyRows(maximum: 1_048_576),
        .rowsOutOfOrder(row: 3, after: 7), .tooMuchText(megabytes: 512),
    ]

    static let syntaxSamples: [TOMLSyntaxProblem] = [
        .endsWhereKeyOrValueShould, .nulByte, .nonASCII("ø"), .badKeyStart(":"), .unexpectedAfterKey("}"),
        .tooManyKeyParts(maximum: 32),
        .nestedTooDeep(maximum: 32), .arraySeparator, .inlineTableSeparator, .textAfterValue, .stringNotClosedOnLine,
        .stringNeverClosed,
        .reader("Error while parsing key"),
    ]

    /// The case's name: an exhaustive switch, so a new case must be added to the samples.
    static func kind(_ p: InputProblem) -> String {
        switch p {
        case .emptyTable, .duplicateColumn, .missingColumn, .tooFewFields, .tooManyFields, .unclosedQuote, .utf16,
            .mixedEncoding,
            .emptyID, .duplicateID, .unknownArea, .unknownWord, .unknownListWord, .notYesNo, .notAmount,
            .amountOutOfRange, .notFraction,
            .proportionalSpread, .notAssessment, .coFundingAboveBudget, .unknownFocusMode, .tomlSyntax, .wrongType,
            .emptyValue, .amountKey, .weightOutOfRange, .fractionOutOfRange, .unknownKey,
            .extendsCycle, .extendsTooLong, .extendsNotAPath, .yearsNotIncreasing, .noTableFile, .yearTwice,
            .notAScenarioYear,
            .noEnvelope, .noEnvelopeTable, .unknownCommitment, .negativeMaxProjects, .badReturns, .indexOutOfRange,
            .decisionWithoutReason, .decisionUnclear,
            .decisionUnknownFund, .decisionContradicts, .decisionUnknownApplication, .decisionPerYearNeedsPerYear,
            .workbook:
            String("\(p)".prefix { $0 != "(" })
        }
    }

    @Test func everyProblemHasItsDanishSentence() {
        #expect(Set(Self.samples.map(Self.kind)).count == 48, "a sample for every case")
        let all =
            Self.samples + Self.workbookSamples.map(InputProblem.workbook)
            + Self.syntaxSamples.map(InputProblem.tomlSyntax)
            + [
                XMLProblem.commentNotClosed, .cdataNotClosed, .declarationNotClosed, .endTagNotClosed,
                .startTagNotClosed, .tagWithoutName,
                .straySlash, .attributeWithoutValue, .attributeValueWithoutQuotes, .attributeValueNotClosed,
            ].map { .workbook(.malformedXML($0)) }
        var problems: [InputProblem] = []
        for problem in all where !problems.contains(problem) { problems.append(problem) }
        var danishSentences = Set<String>()
        for problem in problems {
            let english = InputProblemWords(.en).sentence(problem)
            let danish = InputProblemWords(.da).sentence(problem)
            #expect(!english.isEmpty && danish != english, "\(problem): \(danish)")
            danishSentences.insert(danish)
        }
        #expect(danishSentences.count == problems.count, "two problems worded alike in Danish")
        let opened = [
            OpenProblem.system(ENOENT), .system(EACCES), .system(EISDIR), .notRegularFile, .tooLarge(megabytes: 512),
            .extended(.system(ENOENT), from: SourceLocation(file: "a.toml", line: 1, column: 1)),
        ]
        for reason in opened {
            let error = InputError.cannotOpen(path: "x.toml", reason: reason)
            #expect(InputProblemWords(.da).message(error) != InputProblemWords(.en).message(error), "\(reason)")
        }
    }
}
