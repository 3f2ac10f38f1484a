import BoligsocialCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The parts of input problems that concern the files themselves: a TOML syntax error, a workbook,
/// its XML, a file that cannot be opened; and the problems of a request to the page's server.
extension InputProblemWords {
    func toml(_ problem: TOMLSyntaxProblem) -> String {
        switch problem {
        case .endsWhereKeyOrValueShould:
            return da
                ? "filen slutter, hvor der skulle stå en nøgle eller en værdi"
                : "the file ends where a key or value should be"
        case .nulByte:
            return pick("a NUL byte is not allowed in a scenario file", "en NUL-byte er ikke tilladt i en scenariefil")
        case .nonASCII(let c):
            return da
                ? "uventet tegn '\(c)': uden for anførselstegn skrives nøgler og værdier med almindelige ASCII-tegn "
                    + "(sæt en nøgle som \"Mjølnerparken\" i anførselstegn)"
                : "unexpected character '\(c)': outside quotes, keys and values are plain ASCII (quote a key like \"Mjølnerparken\")"
        case .badKeyStart(let c):
            return da
                ? "uventet tegn '\(c)', hvor en nøgle skulle begynde (et bogstav, et ciffer, _, - eller et anførselstegn)"
                : "unexpected character '\(c)' where a key should start (a letter, a digit, _, - or a quote)"
        case .unexpectedAfterKey(let c):
            return pick("unexpected character '\(c)' after a key", "uventet tegn '\(c)' efter en nøgle")
        case .tooManyKeyParts(let maximum):
            return da
                ? "en nøgle med punktummer i mere end \(maximum) dele" : "a dotted key of more than \(maximum) parts"
        case .nestedTooDeep(let maximum):
            return da
                ? "lister og indlejrede tabeller i mere end \(maximum) niveauer"
                : "arrays and inline tables nested more than \(maximum) deep"
        case .arraySeparator:
            return pick("expected ',' or ']' in an array", "der skulle stå ',' eller ']' i en liste")
        case .inlineTableSeparator:
            return pick("expected ',' or '}' in an inline table", "der skulle stå ',' eller '}' i en indlejret tabel")
        case .textAfterValue:
            return da
                ? "uventet tekst efter linjens nøgle eller værdi"
                : "unexpected text after the end of the line's key or value"
        case .stringNotClosedOnLine:
            return pick("a string is not closed on its line", "en tekst i anførselstegn afsluttes ikke på sin linje")
        case .stringNeverClosed:
            return pick("a string is never closed", "en tekst i anførselstegn afsluttes aldrig")
        case .reader(let detail):
            // The TOML library's own sentence, which only exists in English.
            return pick(detail, "TOML-læseren melder: \(detail)")
        }
    }

    func workbook(_ problem: WorkbookProblem) -> String {
        switch problem {
        case .encryptedOrOld:
            return da
                ? "projektmappen er krypteret (beskyttet med adgangskode) eller en gammel .xls-fil; gem den som en .xlsx-projektmappe uden adgangskode"
                : "the workbook is encrypted (password-protected) or an old .xls file; save it as an .xlsx workbook without a password"
        case .notZip:
            return pick("not an .xlsx workbook (not a zip archive)", "ikke en .xlsx-projektmappe (ikke et zip-arkiv)")
        case .noTemporaryCopy:
            return da
                ? "projektmappen kan ikke åbnes: der er ikke plads til en midlertidig kopi"
                : "the workbook cannot be opened: no room for a temporary copy"
        case .partTooLarge(let part, let megabytes):
            return da
                ? "projektmappens \(part) fylder \(megabytes) MB udpakket, mere end nogen ansøgningsrunde kræver"
                : "the workbook's \(part) unpacks to \(megabytes) MB, more than any round needs"
        case .damagedPart(let part):
            return da
                ? "projektmappens \(part) kan ikke læses: den er beskadiget eller større, end den angiver"
                : "the workbook's \(part) cannot be read: it is damaged or larger than it says"
        case .noWorkbookPart:
            return da
                ? "et zip-arkiv, men ikke en .xlsx-projektmappe (ingen xl/workbook.xml)"
                : "a zip archive, but not an .xlsx workbook (no xl/workbook.xml)"
        case .noSheets:
            return pick("the workbook has no sheets", "projektmappen har ingen ark")
        case .noSuchSheet(let name, let suggestion, let sheets):
            return
                (pick("the workbook has no sheet named '\(name)'", "projektmappen har intet ark, der hedder '\(name)'"))
                + didYouMean(suggestion) + (pick("; its sheets: ", "; dens ark: ")) + sheets.joined(separator: ", ")
        case .missingSheetPart(let sheet, let part):
            return da
                ? "projektmappen nævner arket '\(sheet)', men har ingen \(part)"
                : "the workbook names sheet '\(sheet)' but has no \(part)"
        case .malformedXML(let xml):
            return (pick("the sheet is not well-formed XML: ", "arket er ikke gyldig XML: ")) + self.xml(xml)
        case .tooManyRows(let maximum):
            return da
                ? "arket har mere end \(NumberFormat(.da).kroner(maximum)) rækker"
                : "the sheet has more than \(maximum) rows"
        case .rowsOutOfOrder(let row, let after):
            return da
                ? "arkets rækker står i forkert rækkefølge (række \(row) efter \(after))"
                : "the sheet's rows are out of order (row \(row) after \(after))"
        case .tooMuchText(let megabytes):
            return da
                ? "arket rummer mere end \(megabytes) MB tekst" : "the sheet holds more than \(megabytes) MB of text"
        }
    }

    func xml(_ problem: XMLProblem) -> String {
        switch problem {
        case .commentNotClosed: pick("a comment is never closed", "en kommentar afsluttes aldrig")
        case .cdataNotClosed: pick("a CDATA section is never closed", "en CDATA-sektion afsluttes aldrig")
        case .declarationNotClosed: pick("a declaration is never closed", "en erklæring afsluttes aldrig")
        case .endTagNotClosed: pick("an end tag is never closed", "et slutmærke afsluttes aldrig")
        case .startTagNotClosed: pick("a start tag is never closed", "et startmærke afsluttes aldrig")
        case .tagWithoutName: pick("a tag without a name", "et mærke uden navn")
        case .straySlash: pick("a stray '/' in a tag", "en løs '/' i et mærke")
        case .attributeWithoutValue: pick("an attribute without a value", "en attribut uden værdi")
        case .attributeValueWithoutQuotes:
            pick("an attribute value without quotes", "en attributværdi uden anførselstegn")
        case .attributeValueNotClosed: pick("an attribute value is never closed", "en attributværdi afsluttes aldrig")
        }
    }

    func open(_ problem: OpenProblem) -> String {
        switch problem {
        case .system(let number):
            let system = String(cString: strerror(number))
            guard da else { return system }
            switch number {
            case ENOENT: return "filen findes ikke"
            case EACCES, EPERM: return "der er ikke adgang til filen"
            case EISDIR: return "det er en mappe, ikke en fil"
            case ENOTDIR: return "en del af stien er ikke en mappe"
            case ELOOP: return "for mange symbolske links i stien"
            case ENAMETOOLONG: return "stien er for lang"
            default: return "systemfejl (\(system))"
            }
        case .notRegularFile:
            return pick("not a regular file", "ikke en almindelig fil")
        case .tooLarge(let megabytes):
            return da
                ? "større end \(megabytes) MB, mere end nogen ansøgningsrunde eller noget scenarie kræver"
                : "larger than \(megabytes) MB, more than any round or scenario needs"
        case .extended(let reason, let from):
            return open(reason) + (pick(" (extended by \(from))", " (nævnt i 'extends' i \(from))"))
        }
    }
}

extension InputProblemWords {
    /// What is wrong with a what-if request to `serve`, in the page's language.
    public func sentence(_ problem: RequestProblem) -> String {
        let da = language == .da
        switch problem {
        case .notJSON: return pick("the body is not JSON", "forespørgslen er ikke JSON")
        case .notAnObject:
            return da
                ? "forespørgslen skal være et JSON-objekt med ændringer" : "the body must be a JSON object of changes"
        case .unknownKey(let key, let allowed):
            return
                (da
                ? "ukendt nøgle '\(key)'; en forespørgsel kan ændre " : "unknown key '\(key)'; a request may change ")
                + allowed.joined(separator: ", ")
        case .notAnApplicationID: return pick("'id' must be an application id", "'id' skal være en ansøgnings id")
        case .scaleOutOfRange:
            return da
                ? "'scale' skal være en faktor over 0 og højst 1000"
                : "'scale' must be a factor above 0 and at most 1000"
        case .notAnObjectOf(let key):
            return da
                ? "'\(key)' skal være et objekt (\(key == "envelope" ? "år → kroner" : "id → beslutning"))"
                : "'\(key)' must be an object of \(key == "envelope" ? "year → kroner" : "id → decision")"
        case .notAnAmount(let key):
            return da
                ? "'\(key)' skal være et beløb i kroner, 0 eller mere"
                : "'\(key)' must be an amount in kroner, 0 or more"
        case .decisionNotAnObject:
            return da
                ? "en beslutning skal være et objekt som {\"fund\": \"full\", \"reason\": \"…\"}"
                : "a decision must be an object such as {\"fund\": \"full\", \"reason\": \"…\"}"
        case .nestsTooDeep(let key): return pick("'\(key)' nests too deep", "'\(key)' er indlejret for dybt")
        case .tooManyChanges: return pick("too many changes in one request", "for mange ændringer i én forespørgsel")
        case .notFinite(let key): return pick("'\(key)' must be a finite number", "'\(key)' skal være et endeligt tal")
        case .tooLong(let key): return pick("'\(key)' is too long", "'\(key)' er for lang")
        case .tooManyValues(let key): return pick("'\(key)' has too many values", "'\(key)' har for mange værdier")
        case .notANumberList(let key):
            return pick("'\(key)' must be a list of numbers", "'\(key)' skal være en liste af tal")
        case .noValue(let key): return pick("'\(key)' has no value", "'\(key)' har ingen værdi")
        case .objectNotValue(let key):
            return pick("'\(key)' must be a value, not an object", "'\(key)' skal være en værdi, ikke et objekt")
        case .badSession:
            return da
                ? "sessionen skal være 1 til 64 bogstaver, cifre eller bindestreger"
                : "the session must be 1 to 64 letters, digits or dashes"
        case .bodyTooLarge(let kilobytes):
            return pick("the body is larger than \(kilobytes) kB", "forespørgslen er over \(kilobytes) kB")
        case .idMissing:
            return pick("'id' names the application to explain", "'id' skal angive den ansøgning, der skal forklares")
        case .unknownApplication(let id):
            return pick("no application '\(id)' in the round", "runden har ingen ansøgning '\(id)'")
        }
    }
}
