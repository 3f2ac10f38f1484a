import BoligsocialCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Every input problem worded, in English or Danish: `validate`'s list and the message of every
/// command that cannot load its scenario. `FILE:LINE:COLUMN: sentence`, one problem a line.
public struct InputProblemWords: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    var da: Bool { language == .da }
    /// The one way the tool chooses its words: English first, Danish second (as `Labels.pick`).
    func pick(_ en: String, _ da: String) -> String { language == .da ? da : en }

    /// The whole message for an input error (exit 65 or 66).
    public func message(_ error: InputError) -> String {
        switch error {
        case .badData(let diagnostics):
            if diagnostics.isEmpty { return pick("the input has problems", "inddata har fejl") }
            return diagnostics.map(line).joined(separator: "\n")
        case .cannotOpen(let path, let reason):
            return "\(path): " + (pick("cannot open: ", "kan ikke åbnes: ")) + open(reason)
        }
    }

    public func line(_ diagnostic: Diagnostic) -> String { "\(diagnostic.location): \(sentence(diagnostic.problem))" }

    /// `validate`'s line for a scenario without problems.
    public func sound(file: String, scenario: String, areas: Int, applications: Int, ineligible: Int, years: [Int])
        -> String
    {
        let yearList = years.map(String.init).joined(separator: ", ")
        guard da else {
            return "\(file): OK: scenario '\(scenario)', \(areas) areas, \(applications) applications "
                + "(\(ineligible) ineligible under its rules), years \(yearList)"
        }
        let n = NumberFormat(.da)
        return
            "\(file): i orden: scenariet '\(scenario)', \(n.kroner(areas)) \(areas == 1 ? "boligområde" : "boligområder"), "
            + "\(n.kroner(applications)) \(applications == 1 ? "ansøgning" : "ansøgninger") "
            + "(\(n.kroner(ineligible)) opfylder ikke scenariets krav), årene \(yearList)"
    }

    // MARK: Sentences

    public func sentence(_ problem: InputProblem) -> String {
        switch problem {
        case .emptyTable:
            return da
                ? "filen er tom: første linje skal være kolonneoverskrifterne"
                : "the file is empty: expected a header line"
        case .duplicateColumn(let name):
            return pick("duplicate column '\(name)'", "kolonnen '\(name)' står der to gange")
        case .missingColumn(let name, let suggestion):
            return (pick("missing column '\(name)'", "kolonnen '\(name)' mangler")) + didYouMean(suggestion)
        case .tooFewFields(let expected, let found):
            return da
                ? "der skulle være \(expected) felter, men der er \(found)"
                : "expected \(expected) fields, found \(found)"
        case .tooManyFields(let expected, let found, let semicolon):
            if da {
                return
                    "der skulle være \(expected) felter, men der er \(found): en celle med \(semicolon ? "semikolon" : "komma") "
                    + "i skal stå i anførselstegn"
            }
            return
                "expected \(expected) fields, found \(found): a cell with a \(semicolon ? "semicolon" : "comma") in it must be quoted"
        case .unclosedQuote:
            return pick("a quoted field is never closed", "et felt i anførselstegn bliver aldrig afsluttet")
        case .utf16:
            return da
                ? "filen er gemt som UTF-16 (Excels \"Unicode-tekst\"); gem den som \"CSV UTF-8\" eller \"CSV (semikolonsepareret)\""
                : "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or \"CSV (semicolon separated)\""
        case .mixedEncoding(let byte, let utf8Line):
            let hex = String(byte, radix: 16, uppercase: true)
            return da
                ? "filen blander tegnsæt: byten 0x\(hex) her er ikke UTF-8, men linje \(utf8Line) har UTF-8-bogstaver; "
                    + "gem hele filen som \"CSV UTF-8\" (eller hele filen som Windows-1252)"
                : "the file mixes encodings: byte 0x\(hex) here is not UTF-8, but line \(utf8Line) has UTF-8 letters; "
                    + "save the whole file as \"CSV UTF-8\" (or all of it as Windows-1252)"
        case .emptyID(let table):
            if da { return table == .areas ? "boligområdets id er tomt" : "ansøgningens id er tomt" }
            return table == .areas ? "the area id is empty" : "the application id is empty"
        case .duplicateID(let table, let id, let firstLine):
            if da {
                return
                    "\(table == .areas ? "boligområdets" : "ansøgningens") id '\(id)' er brugt før (første gang på linje \(firstLine))"
            }
            return "duplicate \(table == .areas ? "area" : "application") id '\(id)' (first on line \(firstLine))"
        case .unknownArea(let id, let suggestion):
            return (pick("unknown area '\(id)'", "ukendt boligområde '\(id)'")) + didYouMean(suggestion)
        case .unknownWord(let kind, let raw, let suggestion, let expected, let danish):
            let what = vocabulary(kind)
            if raw.isEmpty {
                return da
                    ? "\(what) mangler; skriv en af: " + danish.joined(separator: ", ")
                    : "missing \(what); expected one of " + expected.joined(separator: ", ")
            }
            return da
                ? "ukendt \(what) '\(raw)'" + didYouMean(suggestion) + "; skriv en af: "
                    + danish.joined(separator: ", ")
                : "unknown \(what) '\(raw)'" + didYouMean(suggestion) + "; expected one of "
                    + expected.joined(separator: ", ")
        case .unknownListWord(let kind, let raw, let suggestion):
            return (pick("unknown \(vocabulary(kind)) '\(raw)'", "ukendt \(vocabulary(kind)) '\(raw)'"))
                + didYouMean(suggestion)
        case .notYesNo(let raw):
            return da
                ? "'\(raw)' er hverken ja eller nej (ja/nej, yes/no, true/false, 1/0)"
                : "'\(raw)' is not a yes/no value (yes/no, true/false, ja/nej, 1/0)"
        case .notAmount(let raw):
            return pick("'\(raw)' is not an amount in kroner", "'\(raw)' er ikke et beløb i kroner")
        case .amountOutOfRange(let raw, let why):
            return (pick("the amount \(raw) ", "beløbet \(raw) ")) + amount(why)
        case .notFraction(let raw):
            return pick("'\(raw)' is not a fraction between 0 and 1", "'\(raw)' er ikke en andel mellem 0 og 1")
        case .coFundingAboveBudget(let year, let request, let other, let total):
            let n = NumberFormat(language)
            return da
                ? "anden finansiering (\(n.kr(Int(other)))) og det ansøgte (\(n.kr(Int(request)))) er tilsammen mere end det samlede budget for \(year) (\(n.kr(Int(total))))"
                : "other funding (\(n.kr(Int(other)))) and the request (\(n.kr(Int(request)))) add up to more than the \(year) total budget (\(n.kr(Int(total))))"
        case .notAssessment(let raw):
            return da
                ? "'\(raw)' er ikke en vurdering; skriv et helt tal fra 1 til 5, eller lad feltet stå tomt"
                : "'\(raw)' is not an assessment; write a whole number from 1 to 5, or leave it blank"
        case .proportionalSpread(let smallYear, let small, let largeYear, let large):
            if da {
                let n = NumberFormat(.da)
                return
                    "med commitment = \"proportional\" dækker én andel alle årene, men \(smallYear) søger \(n.kr(Int(small))) "
                    + "og \(largeYear) \(n.kr(Int(large))), mere end en million gange så meget; lad \(smallYear) stå tom, "
                    + "eller brug commitment = \"per_year\""
            }
            return
                "under commitment = \"proportional\" one share covers every year, but \(smallYear) asks \(Int(small)) kr. "
                + "and \(largeYear) \(Int(large)) kr., more than a million times as much; leave \(smallYear) blank or use "
                + "commitment = \"per_year\""
        case .tomlSyntax(let syntax):
            return (pick("TOML syntax: ", "TOML-syntaks: ")) + toml(syntax)
        case .wrongType(let key, let expected, let found):
            return da
                ? "'\(key)' skal være \(self.expected(expected)), ikke \(self.found(found))"
                : "'\(key)' must be \(self.expected(expected)), not \(self.found(found))"
        case .emptyValue(let key):
            return pick("'\(key)' is empty", "'\(key)' er tom")
        case .amountKey(let key, let why):
            return "'\(key)' " + amount(why)
        case .weightOutOfRange(let key, let value):
            return da
                ? "'\(key)' skal være en vægt mellem 0 og 1.000.000, ikke \(number(value))"
                : "'\(key)' must be a weight between 0 and 1000000, not \(value)"
        case .fractionOutOfRange(let key, let value):
            return da
                ? "'\(key)' skal være mellem 0 og 1, ikke \(number(value))"
                : "'\(key)' must be between 0 and 1, not \(value)"
        case .unknownKey(let key, let suggestion):
            return (pick("unknown key '\(key)'", "ukendt nøgle '\(key)'")) + didYouMean(suggestion)
        case .extendsCycle(let files):
            return (pick("'extends' makes a cycle: ", "'extends' går i ring: ")) + files.joined(separator: " → ")
        case .extendsTooLong(let maximum):
            return da
                ? "'extends' kæder mere end \(maximum) scenariefiler sammen"
                : "'extends' chains more than \(maximum) scenario files"
        case .extendsNotAPath:
            return da
                ? "'extends' skal være stien til en anden scenariefil"
                : "'extends' must be the path of another scenario file"
        case .yearsNotIncreasing:
            return da
                ? "'years' skal være stigende årstal, fx [2009, 2010, 2011, 2012]"
                : "'years' must be increasing years, such as [2009, 2010, 2011, 2012]"
        case .noTableFile(let key):
            if da {
                return
                    "scenariet angiver ingen '\(key)'-fil (stien til \(key == "areas" ? "boligområderne" : "ansøgningerne"))"
            }
            return "the scenario names no '\(key)' file (the path of its \(key).csv)"
        case .yearTwice(let key, let year, let first):
            return da
                ? "'\(key)' er året \(year) igen (også angivet som '\(first)'); angiv hvert år én gang"
                : "'\(key)' is the year \(year) again (also given as '\(first)'); give each year once"
        case .notAScenarioYear(let key, let years):
            let list = years.map(String.init).joined(separator: ", ")
            return da
                ? "'\(key)' er ikke et af scenariets år (\(list))"
                : "'\(key)' is not one of the scenario's years (\(list))"
        case .noEnvelope(let year):
            return pick("no envelope for \(year)", "der er ingen ramme for \(year)")
        case .noEnvelopeTable:
            return da
                ? "scenariet har ingen [envelope]-tabel (rammen i kr. pr. år)"
                : "the scenario has no [envelope] table (DKK per year)"
        case .unknownCommitment(let raw, let suggestion):
            return da
                ? "ukendt commitment '\(raw)'" + didYouMean(suggestion) + "; skriv proportional eller per_year"
                : "unknown commitment '\(raw)'" + didYouMean(suggestion) + "; expected proportional or per_year"
        case .unknownFocusMode(let raw, let suggestion):
            return da
                ? "ukendt focus_mode '\(raw)'" + didYouMean(suggestion) + "; skriv primary, max eller mean"
                : "unknown focus_mode '\(raw)'" + didYouMean(suggestion) + "; expected primary, max or mean"
        case .negativeMaxProjects:
            return pick("'max_projects' must be 0 or more", "'max_projects' skal være 0 eller mere")
        case .badReturns:
            return da
                ? "'returns' skal begynde med 1.0 og aldrig stige, og hver værdi skal være positiv, fx [1.0, 0.7, 0.4]"
                : "'returns' must start at 1.0 and never increase, with every value positive, such as [1.0, 0.7, 0.4]"
        case .indexOutOfRange(let key, let value):
            return da
                ? "'\(key)' skal være et pris- og lønindeks mellem 0,5 og 2 (fx 1,027), ikke \(number(value))"
                : "'\(key)' must be a price and wage index between 0.5 and 2 (such as 1.027), not \(value)"
        case .decisionWithoutReason(let id):
            return da
                ? "beslutningen om \(id) mangler sin begrundelse (reason = \"…\")"
                : "the decision on \(id) has no reason (reason = \"…\"): a decision is kept with why it was taken"
        case .decisionUnclear(let id):
            return da
                ? "beslutningen om \(id) skal sige netop én ting: fund = \"full\" eller \"none\", share, eller min og/eller max"
                : "the decision on \(id) must say exactly one thing: fund = \"full\" or \"none\", share, or min and/or max"
        case .decisionUnknownFund(let id, let value):
            return da
                ? "ukendt fund '\(value)' i beslutningen om \(id); skriv full eller none"
                : "unknown fund '\(value)' in the decision on \(id); expected full or none"
        case .decisionContradicts(let id, let low, let high):
            let n = NumberFormat(language)
            return da
                ? "beslutningen om \(id) modsiger sig selv: min \(n.kr(Int(low))) er over max \(n.kr(Int(high)))"
                : "the decision on \(id) contradicts itself: min \(n.kr(Int(low))) is above max \(n.kr(Int(high)))"
        case .decisionPerYearNeedsPerYear(let id):
            return da
                ? "beslutningen om \(id) giver beløb pr. år, men med commitment = \"proportional\" dækker én andel alle årene; brug min/max i alt eller commitment = \"per_year\""
                : "the decision on \(id) gives amounts per year, but under commitment = \"proportional\" one share covers every year; use min/max in all or commitment = \"per_year\""
        case .decisionUnknownApplication(let id, let suggestion):
            return
                (da
                ? "der er en beslutning om '\(id)', men ingen ansøgning med det id"
                : "a decision on '\(id)', but no application has that id")
                + didYouMean(suggestion)
        case .workbook(let problem):
            return workbook(problem)
        }
    }

    // MARK: Parts of sentences

    func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { pick(" (did you mean '\($0)'?)", " (mente du '\($0)'?)") } ?? ""
    }

    func vocabulary(_ kind: VocabularyKind) -> String {
        switch kind {
        case .focusArea: pick("focus area", "indsatsområde")
        case .objective: pick("objective", "formål")
        case .targetGroup: pick("target group", "målgruppe")
        case .theoryOfChange: pick("theory of change", "forandringsteori")
        case .riskClass: pick("risk class", "risikoklasse")
        }
    }

    func amount(_ why: AmountProblem) -> String {
        switch why {
        case .notFinite: pick("is not a finite number", "er ikke et endeligt tal")
        case .negative: pick("is negative", "er negativt")
        case .tooLarge:
            pick(
                "is larger than any budget this tool accepts (10.000.000.000.000 kr.)",
                "er større end noget budget, værktøjet tager imod (10.000.000.000.000 kr.)")
        }
    }

    /// Why an amount is refused, as a sentence's end ("is negative").
    public func amountProblem(_ why: AmountProblem) -> String { amount(why) }

    /// A number from a scenario as written there, with a decimal comma in Danish.
    func number(_ value: Double) -> String {
        pick("\(value)", "\(value)".replacingOccurrences(of: ".", with: ","))
    }

    func expected(_ kind: TOMLExpected) -> String {
        switch kind {
        case .string: pick("a string", "en tekst")
        case .boolean: pick("true or false", "true eller false")
        case .wholeNumber: pick("a whole number", "et heltal")
        case .finiteNumber: pick("a finite number", "et endeligt tal")
        case .wholeNumbers: pick("an array of whole numbers", "en liste af heltal")
        case .numbers: pick("an array of numbers", "en liste af tal")
        case .table: pick("a table", "en tabel")
        }
    }

    func found(_ kind: TOMLFound) -> String {
        switch kind {
        case .table: pick("a table", "en tabel")
        case .array: pick("an array", "en liste")
        case .string: pick("a string", "en tekst")
        case .integer: pick("an integer", "et heltal")
        case .number: pick("a number", "et tal")
        case .notANumber: pick("nan (not a number)", "nan (ikke et tal)")
        case .infinity(let negative):
            (negative ? "-" : "") + (pick("inf (not a finite number)", "inf (ikke et endeligt tal)"))
        case .boolean: pick("a boolean", "en sandhedsværdi")
        case .dateOrTime: pick("a date or time", "en dato eller et klokkeslæt")
        }
    }
}
