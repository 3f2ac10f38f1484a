import BoligsocialCore

/// The report language (`--lang`).
public enum Language: String, Sendable, CaseIterable {
    case en, da
}

/// Every word a report prints, in one place: the vocabulary of docs/formats.md and the reports' headings.
public struct Labels: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    func pick(_ en: String, _ da: String) -> String { language == .da ? da : en }

    public func focus(_ f: FocusArea?) -> String {
        guard let f else { return pick("outside the focus areas", "uden for indsatsområderne") }
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
        case .other: pick("outside the risk group", "uden for risikogruppen")
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
        case .full: pick("full", "fuldt støttet")
        case .partial: pick("partial", "delvist støttet")
        case .unfunded: pick("unfunded", "ikke støttet")
        case .ineligible: pick("ineligible", "ikke støtteberettiget")
        }
    }

    /// An outcome's status; fully funded with lines that may not be funded cut says so.
    public func status(_ o: ApplicationOutcome) -> String {
        let cut = o.reasons.contains { if case .fullyFunded(let cut) = $0 { cut > 0 } else { false } }
        return cut ? pick("full (eligible part)", "fuldt støttet (støtteberettiget del)") : status(o.status)
    }

    // Headings and column names.
    var byYear: String { pick("By year", "Pr. år") }
    var byApplication: String { pick("By application", "Pr. ansøgning") }
    var byFocus: String { pick("By focus area", "Pr. indsatsområde") }
    var byRisk: String { pick("By risk class", "Pr. risikoklasse") }
    var byObjective: String {
        pick(
            "By objective (an application's money split evenly over its objectives)",
            "Pr. målsætning (en ansøgnings midler fordelt ligeligt på dens målsætninger)")
    }
    var byTargetGroup: String { pick("By target group", "Pr. målgruppe") }

    // `sensitivity`
    var sensitivityTitle: String {
        pick("How sensitive the allocation is to each weight", "Fordelingens følsomhed over for hver vægt")
    }
    var sensitivityExplained: String {
        pick(
            "For each weight, the interval over which the same applications are fully funded, partly funded and unfunded (the other weights as set), and what changes first just outside it.",
            "For hver vægt: det interval, hvor de samme ansøgninger får fuld støtte, delvis støtte og ingen støtte (de øvrige vægte som sat), og hvad der ændrer sig først lige uden for det."
        )
    }
    func sensitivityUnused(_ list: String) -> String {
        pick(
            "No eligible application's weight depends on: \(list).",
            "Ingen støtteberettiget ansøgnings vægt afhænger af: \(list).")
    }
    var sensitivityChart: String {
        pick(
            "Each weight's interval, relative to its value (1 = as set)",
            "Hver vægts interval i forhold til dens værdi (1 = som sat)")
    }
    public var sensitivityNeedsLP: String {
        pick(
            "the scenario is a mixed-integer program (min_fraction or max_projects), which has no basis to range; turn those rules off to see the weights' intervals",
            "scenariet er en heltalsmodel (min_fraction eller max_projects), som ikke har et basis at afgrænse ud fra; slå de regler fra for at se vægtenes intervaller"
        )
    }
    var sensitivityAxis: String { pick("times the weight as set", "gange vægten som sat") }
    var value: String { pick("Value", "Værdi") }
    var lowerLimit: String { pick("From", "Fra") }
    var upperLimit: String { pick("To", "Til") }
    var justBelow: String { pick("Just below", "Lige under") }
    var justAbove: String { pick("Just above", "Lige over") }
    var noUpperLimit: String { pick("no limit", "ingen grænse") }
    var nothingDown: String { pick("(nothing changes down to 0)", "(intet ændrer sig ned til 0)") }
    /// A weight in words: its table and its key's meaning.
    func weightName(_ p: WeightParameter) -> String {
        switch p {
        case .focus(let f): "\(focusArea.lowercased()): \(focus(f))"
        case .outsideFocus: "\(focusArea.lowercased()): \(focus(nil))"
        case .risk(let r): "\(riskClass.lowercased()): \(risk(r))"
        case .targetGroup(let t): targetGroup(t)
        case .quality(let q): pick("quality: ", "kvalitet: ") + quality(q)
        case .objective(let o): pick("objective: ", "målsætning: ") + objective(o)
        case .assessment(let score): assessedAs(score)
        }
    }
    var coFundingTitle: String {
        pick(
            "Co-funding (over the years with a total budget)",
            "Medfinansiering (over de år, der er opgivet samlet budget for)")
    }
    var totalBudget: String { pick("Total budget", "Samlet budget") }
    var otherFunding: String { pick("Other funding", "Anden finansiering") }
    var grantedBySOF: String { pick("Granted by SOF", "Bevilget af SOF") }
    var sofShareOfBudget: String { pick("SOF's share", "SOF's andel") }
    var uncovered: String { pick("Not covered", "Ikke dækket") }
    var objectiveWord: String { pick("Objective", "Målsætning") }
    var targetGroupWord: String { pick("Target group", "Målgruppe") }
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
    var reason: String { pick("Reason", "Begrundelse") }
    var focusArea: String { pick("Focus area", "Indsatsområde") }
    var riskClass: String { pick("Risk class", "Risikoklasse") }
    var category: String { pick("Category", "Kategori") }
    var priorityPoints: String { pick("Priority points", "Prioritetspoint") }
    var scenario: String { pick("Scenario", "Scenarie") }
    var solverStatus: String { pick("Solver status", "Beregning") }
    var applicationsLine: String { pick("Applications", "Ansøgninger") }
    var mipNote: String {
        pick(
            "Mixed-integer model: marginal values are not defined.", "Heltalsmodel: marginalværdier er ikke defineret.")
    }
    var mipChosenNote: String {
        pick(
            "Mixed-integer model: the points per extra 1,000 kr. hold for the chosen set of projects (the selection fixed, the rest re-solved as an LP).",
            "Heltalsmodel: point pr. ekstra 1.000 kr. gælder for de valgte projekter (udvælgelsen fastholdt, resten løst igen som LP)."
        )
    }
    var amountsIn: String { pick("Amounts in kr.", "Beløb i kr.") }
    var perYear: String { pick("Per year", "Pr. år") }
    var changes: String { pick("Applications that gain or lose", "Ansøgninger, hvis bevilling ændres") }
    var scenarios: String { pick("Scenarios", "Scenarier") }
    var points: String { pick("Points", "Point") }
    var step: String { pick("Step", "Trin") }
    var scale: String { pick("Scale", "Skala") }
    var full: String { status(.full) }
    var partial: String { status(.partial) }
    var unfunded: String { status(.unfunded) }
    var sweep: String { pick("Sweep", "Variation af rammen") }
    var frontier: String { pick("Priority points against the envelope scale", "Prioritetspoint mod rammens skala") }
    var totalEnvelope: String { pick("Total envelope", "Samlet ramme") }
    var marginalPiece: String { pick("Points per extra 1,000 kr. from here", "Point pr. ekstra 1.000 kr. herfra") }
    var weightFactors: String { pick("Weight and its factors", "Vægtberegning") }
    var factor: String { pick("Factor", "Faktor") }
    var source: String { pick("From", "Kilde") }
    var eligibility: String { pick("Eligibility", "Berettigelse") }
    var check: String { pick("Check", "Krav") }
    var rule: String { pick("Rule", "Regel") }
    var result: String { pick("Result", "Resultat") }
    var principle: String { pick("Principle (the memo)", "Princip (jf. notatet)") }
    var allocation: String { pick("Allocation", "Fordeling") }
    var on: String { pick("on", "slået til") }
    var off: String { pick("off", "slået fra") }
    var passes: String { pick("passes", "opfyldt") }
    var fails: String { pick("fails", "ikke opfyldt") }

    var wish: String { pick("Wish proposal (ønskeforslag)", "Ønskeforslag") }
    func wishTable(_ years: String, prices: Int) -> String {
        pick(
            "Wish proposal \(years), 1,000 kr. (fixed \(prices) prices)",
            "Ønskeforslag \(years), 1.000 kr. (faste \(prices)-priser)")
    }
    func wishTableCurrent(_ years: String, base: Int) -> String {
        pick(
            "Wish proposal \(years), 1,000 kr. (current prices: price and wage index, \(base) = 1)",
            "Ønskeforslag \(years), 1.000 kr. (løbende priser: pris- og lønindeks, \(base) = 1)")
    }
    var priceIndex: String { pick("Price and wage index", "Pris- og lønindeks") }
    var notAllocated: String {
        pick("Not allocated (rounding up, share rules)", "Ikke fordelt (oprunding, andelsregler)")
    }
    var fundedApplications: String { pick("Applications it funds", "Ansøgninger, der støttes") }
    var carriedIn: String { pick("Carried in", "Overført fra året før") }
    var carriedOn: String { pick("Carried on", "Overført til næste år") }
    func changeAgainstFirst(_ k: Int) -> String { "[\(k)]−[1]" }
    var largestChange: String { pick("Largest change against [1]", "Største ændring mod [1]") }

    public func targetGroup(_ t: TargetGroup) -> String {
        t == .primary
            ? pick("primary target group", "primær målgruppe") : pick("secondary target group", "sekundær målgruppe")
    }
    public func objective(_ o: Objective) -> String {
        switch o {
        case .socialIntegration: pick("integration of socially vulnerable residents", "integration af socialt udsatte")
        case .ethnicIntegration: pick("integration of ethnic minorities", "integration af etniske minoriteter")
        case .crimeSafety: pick("crime prevention and safety", "kriminalitetsforebyggelse og tryghed")
        case .image: pick("the area's image", "boligområdets image")
        }
    }
    public func quality(_ q: QualityCriterion) -> String {
        switch q {
        case .clearGoals: pick("clear goals", "klare mål")
        case .theoryOfChangeExplicit: pick("explicit theory of change", "eksplicit forandringsteori")
        case .theoryOfChangeImplicit: pick("implicit theory of change", "implicit forandringsteori")
        case .anchoringPlan: pick("anchoring plan", "plan for forankring")
        case .coordinatorRole: pick("coordinator role", "koordinatorrolle")
        case .crossAdmin: pick("cross-administration cooperation", "tværgående samarbejde")
        case .needDocumented: pick("need and relevance documented", "behov og relevans dokumenteret")
        case .involvement: pick("involvement and empowerment of residents", "inddragelse og empowerment af beboerne")
        case .holistic: pick("holistic approach", "helhedsorientering")
        case .commonGoal: pick("a common goal for the residents", "fælles mål for beboerne")
        case .indicators: pick("indicators for follow-up", "indikatorer for målopfølgning")
        }
    }
    func scenarioKeys(_ keys: [String]) -> String {
        pick("Keys in the scenario: ", "Nøgler i scenariet: ") + keys.joined(separator: ", ")
    }

    // The priority list (`rank`).
    var rankTitle: String { pick("Priority list", "Prioriteringsliste") }
    var rankExplained: String {
        pick(
            "Eligible applications in order of priority points per krone; a line per year marks where funding stops: funded above it, not below",
            "Støtteberettigede ansøgninger i rækkefølge efter prioritetspoint pr. krone; en streg pr. år viser, hvor støtten stopper: støttet over stregen, ikke under"
        )
    }
    var place: String { pick("No.", "Nr.") }
    var pointsPerThousand: String { pick("Points per 1,000 kr.", "Point pr. 1.000 kr.") }
    func askedIn(_ year: Int) -> String { pick("Asked \(year)", "Ansøgt \(year)") }
    func runningIn(_ year: Int) -> String { pick("Running total \(year)", "Akkumuleret \(year)") }
    func cutLine(_ year: Int, envelope: String, allocated: String) -> String {
        pick(
            "——— \(year): funding stops here (envelope \(envelope), allocated \(allocated)) ———",
            "——— \(year): støtten stopper her (ramme \(envelope), fordelt \(allocated)) ———")
    }
    var envelopeRunsOut: String { pick("Funding stops below (years)", "Støtten stopper under (år)") }
    var ineligibleApplications: String { pick("Ineligible applications", "Ikke støtteberettigede ansøgninger") }
    var grantedTotal: String { pick("Granted in total", "Bevilget i alt") }
    var envelopeToAsk: String { pick("the envelope to ask for", "rammen, der søges om") }
    var askTotal: String { pick("Total (envelope to ask for)", "I alt (ønsket ramme)") }
    var inThousands: String { pick("Amounts in 1,000 kr.", "Beløb i 1.000 kr.") }
    var threshold: String {
        pick("Funds every eligible application with weight", "Støtter alle støtteberettigede ansøgninger med vægt")
    }
    var atShare: String { pick("at a share of at least", "med en andel på mindst") }
    var flatYears: String { pick("equal years", "ens år") }
    var minimumNote: String {
        pick("LP minimum before rounding up to whole 1,000 kr.", "LP-minimum før oprunding til hele 1.000 kr.")
    }
    var summary: String { pick("Summary", "Oversigt") }
    var inputsLine: String { pick("Inputs", "Inddata") }

    /// A rule of the model in the officer's words.
    public func constraint(_ kind: ConstraintKind) -> String {
        switch kind {
        case .envelope(let year): pick("the \(year) envelope", "rammen for \(year)")
        case .envelopeScale(let year): pick("the \(year) envelope scale", "skalering af rammen for \(year)")
        case .primaryShare(let year):
            pick("the minimum share for primary areas in \(year)", "minimumsandelen til primære boligområder i \(year)")
        case .areaShare(let area, let year):
            pick(
                "the cap on area \(area)'s share of the \(year) envelope",
                "loftet over boligområde \(area)s andel af rammen for \(year)")
        case .floor(let focus, let year):
            pick("the \(year) floor for \(self.focus(focus))", "minimumsbeløbet til \(self.focus(focus)) i \(year)")
        case .minimumFraction(let id): pick("the minimum viable share of \(id)", "mindste bæredygtige andel for \(id)")
        case .fundedOnlyIfSelected(let id): pick("the selection of \(id)", "udvælgelsen af \(id)")
        case .maxProjects: pick("the maximum number of projects", "det maksimale antal projekter")
        case .decision(let id): pick("the committee's decision on \(id)", "udvalgets beslutning om \(id)")
        case .yearToYear(let id, let year):
            pick(
                "the limit on how much \(id)'s share may change into \(year)",
                "grænsen for, hvor meget \(id)s andel må ændre sig til \(year)")
        case .sofShare(let id, let year):
            pick(
                "the cap on SOF's share of \(id)'s total budget in \(year)",
                "loftet over SOF's andel af \(id)s samlede budget i \(year)")
        }
    }

    public func withoutDecisionsName(_ name: String) -> String {
        pick("\(name), without its decisions", "\(name), uden beslutningerne")
    }
    var selectedTargets: String { pick("Only the applications chosen by", "Kun ansøgninger udvalgt efter") }
    var gaveWay: String {
        pick("Applications that gave way to the decisions", "Ansøgninger, der viger for beslutningerne")
    }
    var withoutDecisions: String { pick("Without the decisions", "Uden beslutningerne") }
    var withDecisions: String { pick("With the decisions", "Med beslutningerne") }
    var changeWord: String { pick("Change", "Ændring") }
    var committeeDecisions: String { pick("The committee's decisions", "Udvalgets beslutninger") }
    var decisionWord: String { pick("Decision", "Beslutning") }
    func decisionPrice(count: Int, price: String, without: String, gaveWay: Int) -> String {
        let others =
            gaveWay == 0
            ? pick("no other application gave way", "ingen anden ansøgning viger")
            : pick(
                "\(gaveWay) other application\(gaveWay == 1 ? "" : "s") gave way",
                "\(gaveWay) \(gaveWay == 1 ? "anden ansøgning viger" : "andre ansøgninger viger")")
        return pick(
            "The committee's \(count) decision\(count == 1 ? "" : "s") cost \(price) priority points (\(without) without them); \(others)",
            "Udvalgets \(count) \(count == 1 ? "beslutning" : "beslutninger") koster \(price) prioritetspoint (\(without) uden dem); \(others)"
        )
    }

    func decisionCannotHold(_ decided: String, _ possible: String) -> String {
        pick(
            "it asks for \(decided), and the envelopes and the other rules allow \(possible); change the decision or the envelopes",
            "den kræver \(decided), og rammerne og de øvrige regler giver plads til \(possible); ændr beslutningen eller rammerne"
        )
    }
}
