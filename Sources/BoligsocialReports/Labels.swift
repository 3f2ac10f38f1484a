import BoligsocialCore

/// The report language (`--lang`).
public enum Language: String, Sendable, CaseIterable {
    case en, da
}

/// Every word a report prints, in one place: the vocabulary of SPEC §2 and the reports' headings.
public struct Labels: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    private func pick(_ en: String, _ da: String) -> String { language == .da ? da : en }

    public func focus(_ f: FocusArea?) -> String {
        guard let f else { return pick("outside the focus areas", "udenfor indsatsområderne") }
        return switch f {
        case .networks: pick("networks", "inklusion i sociale netværk")
        case .employmentEducation: pick("employment and education", "beskæftigelse og uddannelse")
        case .cultureLeisure: pick("culture and leisure", "kultur- og fritidsliv")
        case .health: pick("health", "sundhed")
        case .volunteering: pick("volunteering", "frivillighed og beboerdeltagelse")
        }
    }

    public func risk(_ r: RiskClass) -> String {
        switch r {
        case .vulnerable: pick("vulnerable area", "udsat boligområde")
        case .atRisk: pick("at risk", "i risiko for at blive udsat")
        case .other: pick("outside the risk group", "udenfor risikogruppen")
        case .otherHousing: pick("other housing", "anden boligform")
        }
    }

    public func category(_ c: CostCategory) -> String {
        switch c {
        case .salary: pick("salary", "løn")
        case .rent: pick("rent", "husleje")
        case .activities: pick("activities", "aktivitetsmidler")
        }
    }

    public func status(_ s: FundingStatus) -> String {
        switch s {
        case .full: pick("full", "fuld")
        case .partial: pick("partial", "delvis")
        case .unfunded: pick("unfunded", "ikke støttet")
        case .ineligible: pick("ineligible", "ikke berettiget")
        }
    }

    // Headings and column names.
    var byYear: String { pick("By year", "Pr. år") }
    var byApplication: String { pick("By application", "Pr. ansøgning") }
    var byFocus: String { pick("By focus area", "Pr. indsatsområde") }
    var byRisk: String { pick("By risk class", "Pr. risikoklasse") }
    var byArea: String { pick("By area", "Pr. boligområde") }
    var byCategory: String { pick("By cost category", "Pr. udgiftskategori") }
    var year: String { pick("Year", "År") }
    var envelope: String { pick("Envelope", "Ramme") }
    var allocated: String { pick("Allocated", "Fordelt") }
    var unspent: String { pick("Unspent", "Ikke fordelt") }
    var marginal: String { pick("Points per extra 1,000 kr.", "Point pr. ekstra 1.000 kr.") }
    var total: String { pick("Total", "I alt") }
    var id: String { "ID" }
    var title: String { pick("Title", "Titel") }
    var area: String { pick("Area", "Boligområde") }
    var status: String { pick("Status", "Status") }
    var weight: String { pick("Weight", "Vægt") }
    var share: String { pick("Share", "Andel") }
    var requested: String { pick("Requested", "Ansøgt") }
    var granted: String { pick("Granted", "Bevilget") }
    var focusArea: String { pick("Focus area", "Indsatsområde") }
    var riskClass: String { pick("Risk class", "Risikoklasse") }
    var category: String { pick("Category", "Kategori") }
    var priorityPoints: String { pick("Priority points", "Prioritetspoint") }
    var scenario: String { pick("Scenario", "Scenarie") }
    var solverStatus: String { pick("Solver status", "Løserstatus") }
    var applicationsLine: String { pick("Applications", "Ansøgninger") }
    var mipNote: String {
        pick("Mixed-integer model: marginal values are not defined.", "Heltalsmodel: marginalværdier er ikke defineret.")
    }
    var amountsIn: String { pick("Amounts in kr.", "Beløb i kr.") }
}
