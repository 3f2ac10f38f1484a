/// What is wrong in the inputs, as data: the loaders say which problem and with which values;
/// the reports module words it, in English or Danish (`InputProblemWords`), the same way for
/// `validate` and for every command that loads a scenario.
public enum InputProblem: Sendable, Equatable {
    // The files of a round (CSV, or a workbook's sheet read as one).
    case emptyTable
    case duplicateColumn(String)
    case missingColumn(String, suggestion: String?)
    case tooFewFields(expected: Int, found: Int)
    /// More cells than the header has; `semicolon`: the file's separator.
    case tooManyFields(expected: Int, found: Int, semicolon: Bool)
    case unclosedQuote
    case utf16
    /// A byte that is not UTF-8 here, in a file with UTF-8 letters on `utf8Line`.
    case mixedEncoding(byte: UInt8, utf8Line: Int)

    // The values of a round.
    case emptyID(RoundTable)
    case duplicateID(RoundTable, id: String, firstLine: Int)
    case unknownArea(String, suggestion: String?)
    /// An empty (`raw` empty) or unknown word in a one-word column, with every English key and
    /// the Danish word for each.
    case unknownWord(VocabularyKind, raw: String, suggestion: String?, expected: [String], danish: [String])
    /// An unknown word in a column of several.
    case unknownListWord(VocabularyKind, raw: String, suggestion: String?)
    case notYesNo(String)
    case notAmount(String)
    case amountOutOfRange(String, AmountProblem)
    case notFraction(String)
    /// An `assessment` cell that is not a whole number 1–5.
    case notAssessment(String)
    /// Other funding plus the request above the total budget of the year (`total_budget_YYYY`).
    case coFundingAboveBudget(year: Int, request: Double, other: Double, total: Double)
    /// Under proportional commitment, one year asks more than a million times another.
    case proportionalSpread(smallYear: Int, small: Double, largeYear: Int, large: Double)

    // The scenario file.
    case tomlSyntax(TOMLSyntaxProblem)
    case wrongType(key: String, expected: TOMLExpected, found: TOMLFound)
    case emptyValue(key: String)
    case amountKey(key: String, AmountProblem)
    case weightOutOfRange(key: String, value: Double)
    case fractionOutOfRange(key: String, value: Double)
    case unknownKey(String, suggestion: String?)
    case extendsCycle([String])
    case extendsTooLong(maximum: Int)
    case extendsNotAPath
    case yearsNotIncreasing
    /// `applications` or `areas` is not named.
    case noTableFile(key: String)
    case yearTwice(key: String, year: Int, first: String)
    case notAScenarioYear(key: String, years: [Int])
    case noEnvelope(year: Int)
    case noEnvelopeTable
    case unknownCommitment(String, suggestion: String?)
    case unknownFocusMode(String, suggestion: String?)
    case negativeMaxProjects
    case badReturns
    /// A year's price and wage index outside 0.5–2.
    case indexOutOfRange(key: String, value: Double)
    /// A decision without its `reason`.
    case decisionWithoutReason(id: String)
    /// A decision that says nothing (no `fund`, `share`, `min` or `max`), or more than one of them.
    case decisionUnclear(id: String)
    case decisionUnknownFund(id: String, value: String)
    /// `min` above `max`.
    case decisionContradicts(id: String, min: Double, max: Double)
    /// Amounts per year in a decision under `proportional` commitment (one share covers every year).
    case decisionPerYearNeedsPerYear(id: String)
    /// A decision on an id the round does not have.
    case decisionUnknownApplication(String, suggestion: String?)

    // A workbook.
    case workbook(WorkbookProblem)
}

/// Which table of a round a problem is in.
public enum RoundTable: Sendable, Equatable {
    case areas, applications
}

/// Which vocabulary a word was looked up in.
public enum VocabularyKind: Sendable, Equatable {
    case focusArea, objective, targetGroup, theoryOfChange, riskClass
}

/// Why a number is not a legal amount (`Amount.problem`).
public enum AmountProblem: Sendable, Equatable {
    case notFinite, negative, tooLarge
}

/// What a scenario key should have held.
public enum TOMLExpected: Sendable, Equatable {
    case string, boolean, wholeNumber, finiteNumber, wholeNumbers, numbers, table
}

/// What it held instead.
public enum TOMLFound: Sendable, Equatable {
    case table, array, string, integer, number, notANumber
    case infinity(negative: Bool)
    case boolean, dateOrTime
}

/// A scenario file that is not TOML (or that the TOML reader must not be given).
public enum TOMLSyntaxProblem: Sendable, Equatable {
    case endsWhereKeyOrValueShould
    case nulByte
    case nonASCII(String)
    case badKeyStart(String)
    case unexpectedAfterKey(String)
    case tooManyKeyParts(maximum: Int)
    case nestedTooDeep(maximum: Int)
    case arraySeparator
    case inlineTableSeparator
    case textAfterValue
    case stringNotClosedOnLine
    case stringNeverClosed
    /// The TOML library's own message (in English).
    case reader(String)
}

/// A workbook that cannot be read, or a sheet in it.
public enum WorkbookProblem: Sendable, Equatable {
    case encryptedOrOld
    case notZip
    case noTemporaryCopy
    case partTooLarge(part: String, megabytes: UInt64)
    case damagedPart(String)
    case noWorkbookPart
    case noSheets
    case noSuchSheet(String, suggestion: String?, sheets: [String])
    case missingSheetPart(sheet: String, part: String)
    case malformedXML(XMLProblem)
    case tooManyRows(maximum: Int)
    case rowsOutOfOrder(row: Int, after: Int)
    case tooMuchText(megabytes: Int)
}

/// Where a part's XML breaks off.
public enum XMLProblem: Sendable, Equatable {
    case commentNotClosed, cdataNotClosed, declarationNotClosed, endTagNotClosed, startTagNotClosed
    case tagWithoutName, straySlash, attributeWithoutValue, attributeValueWithoutQuotes, attributeValueNotClosed
}

/// Why a file cannot be opened (exit 66).
public enum OpenProblem: Sendable, Equatable {
    /// The system's error number (`errno`).
    case system(Int32)
    case notRegularFile
    case tooLarge(megabytes: Int)
    /// A file named by `extends` in another scenario file, at `from`.
    indirect case extended(OpenProblem, from: SourceLocation)
}
