import BoligsocialCore
import Spreadsheet

/// An empty round to hand out (`boligsocial template`): the areas and applications sheets with
/// the headers the tool reads, a note on every header saying what the column holds in the memo's
/// terms, drop-down lists for every vocabulary and yes/no column, amounts formatted as kroner, and
/// one filled example row. Filled in, a scenario that names it reads it as it is.
public struct RoundTemplate: Sendable {
    public let years: [Int]
    let labels: Labels

    public init(years: [Int], language: Language) {
        self.years = years
        labels = Labels(language)
    }

    var danish: Bool { labels.language == .da }
    func pick(_ en: String, _ da: String) -> String { danish ? da : en }

    /// The sheets' names, as a scenario names them after `#`.
    public var areasSheet: String { pick("Areas", "Områder") }
    public var applicationsSheet: String { pick("Applications", "Ansøgninger") }

    func words<K: RawRepresentable>(_ cases: [K], _ danishWord: (K) -> String) -> [String] where K.RawValue == String {
        cases.map { danish ? danishWord($0) : $0.rawValue }
    }

    public func workbook() -> Workbook {
        let yesNo = Choices(danish ? ["ja", "nej"] : ["yes", "no"], strict: true)
        // Areas.
        var areas = Sheet(
            name: areasSheet, header: danish ? ["id", "navn", "bydel", "risiko"] : ["id", "name", "district", "risk"],
            rows: [[.text("MJP"), .text("Mjølnerparken"), .text("Nørrebro"), .text(danish ? "udsat" : "vulnerable")]])
        areas.notes = [
            0: pick(
                "A short, unique code for the area; the applications name their area by it.",
                "En kort, entydig kode for boligområdet; ansøgningerne angiver deres område med den."),
            1: pick("The area's name as the reports print it.", "Boligområdets navn, som rapporterne skriver det."),
            2: pick("The district (bydel).", "Bydelen."),
            3: pick(
                "The area's risk class: vulnerable and at-risk areas are the memo's primary target.",
                "Boligområdets risikoklasse: udsatte områder og områder i risiko er notatets primære målgruppe."),
        ]
        areas.choices = [3: Choices(words(RiskClass.allCases) { labelsWord($0) }, strict: true)]
        // Applications.
        var header =
            danish
            ? [
                "id", "titel", "område", "indsatsområder", "formål", "målgruppe", "sof_i_styregruppe", "klare_mål",
                "forankring",
                "koordinatorrolle", "tværgående_samarbejde", "regnskab_for_aktiviteter", "forandringsteori",
            ]
            : [
                "id", "title", "area", "focus", "objectives", "target_group", "sof_in_steering_group", "clear_goals",
                "anchoring_plan",
                "coordinator_role", "cross_admin", "activity_accounting", "theory_of_change",
            ]
        let categories: [(en: String, da: String)] = [
            ("salary", "løn"), ("rent", "husleje"), ("activities", "aktiviteter"),
        ]
        for year in years { for c in categories { header.append("\(danish ? c.da : c.en)_\(year)") } }
        header.append(danish ? "mindste_andel" : "min_fraction")
        // The memo's further criteria (optional yes/no columns) and the caseworker's assessment.
        let further: [(en: String, da: String, noteEN: String, noteDA: String)] = [
            (
                "need_documented", "behov_dokumenteret",
                "Does the application document why the project is relevant and which need it meets?",
                "Fremgår det klart af ansøgningen, hvorfor indsatsen er relevant, og hvilket behov den vil bidrage til at opfylde?"
            ),
            (
                "involvement", "inddragelse", "Are the residents involved actively, with empowerment?",
                "Inddrages målgruppen aktivt, med deltagelse og empowerment?"
            ),
            (
                "holistic", "helhedsorientering", "Is the approach holistic, coordinated with the area's other work?",
                "Er indsatsen helhedsorienteret og koordineret med de øvrige indsatser i lokalområdet?"
            ),
            (
                "common_goal", "fælles_mål", "Does the project start from a common interest or goal of the residents?",
                "Tager indsatsen udgangspunkt i en fælles interesse eller et fælles mål for beboerne?"
            ),
            (
                "indicators", "indikatorer", "Are there indicators for following up the goals?",
                "Er der indikatorer for målopfølgning?"
            ),
        ]
        header += further.map { danish ? $0.da : $0.en }
        header.append(danish ? "vurdering" : "assessment")
        var example: [Cell] = [
            .text("A01"), .text(pick("Homework café", "Lektiecafé")), .text("MJP"),
            .text(
                danish ? "beskæftigelse og uddannelse | inklusion i sociale netværk" : "employment_education|networks"),
            .text(danish ? "integration af socialt udsatte" : "social_integration"),
            .text(danish ? "primær" : "primary"),
            .text(danish ? "ja" : "yes"), .text(danish ? "ja" : "yes"), .text(danish ? "ja" : "yes"),
            .text(danish ? "nej" : "no"),
            .text(danish ? "nej" : "no"), .text(danish ? "ja" : "yes"), .text(danish ? "eksplicit" : "explicit"),
        ]
        for _ in years { example += [.number(450_000, .kroner), .empty, .number(50_000, .kroner)] }
        example.append(.empty)
        example += further.map { _ in .text(danish ? "ja" : "yes") } + [.empty]
        var applications = Sheet(name: applicationsSheet, header: header, rows: [example])
        var notes: [Int: String] = [
            0: pick("A unique id for the application.", "Ansøgningens entydige id."),
            1: pick("The project's title.", "Projektets titel."),
            2: pick(
                "The id of the project's area on the areas sheet.",
                "Id på projektets boligområde fra arket med områder."),
            3: pick(
                "The memo's concrete focus areas the project works in, separated by |; the first is its main one. Outside every focus area: leave it empty.",
                "Notatets konkrete indsatsområder, som projektet arbejder inden for, adskilt af |; det første er det primære. Uden for indsatsområderne: lad feltet stå tomt."
            ),
            4: pick(
                "The memo's overall objectives the project works for, separated by |; at least one is required.",
                "Notatets overordnede målsætninger, som projektet arbejder for, adskilt af |; mindst én er et krav."),
            5: pick(
                "Primary: vulnerable children, young people and adults; secondary: residents in general.",
                "Primær: udsatte børn, unge og voksne; sekundær: beboerne generelt."),
            6: pick(
                "Is Socialforvaltningen represented in the project's steering group? The memo requires it.",
                "Er Socialforvaltningen repræsenteret i projektets styregruppe? Notatet forudsætter det."),
            7: pick("Clear goals and criteria of success?", "Klare mål og succeskriterier?"),
            8: pick(
                "A plan for anchoring the work locally from the start?",
                "En plan for forankring af indsatsen i lokalområdet fra starten?"),
            9: pick(
                "Does the project leader work mainly as coordinator and network builder?",
                "Fungerer projektlederen primært som projektkoordinator og netværksskaber?"),
            10: pick(
                "Are the other relevant administrations committed to the work?",
                "Er de relevante forvaltninger inddraget i et forpligtende samarbejde?"),
            11: pick(
                "Will the project leader account for activity money afterwards? Without it, activity lines cannot be funded.",
                "Vil projektlederen efterfølgende aflægge regnskab for aktivitetsmidlerne? Uden det kan aktivitetslinjerne ikke støttes."
            ),
            12: pick(
                "Is there a theory of change, explicit or implicit?",
                "Indgår der en forandringsteori, eksplicit eller implicit?"),
        ]
        for (k, year) in years.enumerated() {
            for (j, c) in categories.enumerated() {
                notes[13 + 3 * k + j] = pick(
                    "Requested for \(c.en) in \(year), in kroner; empty is 0.",
                    "Ansøgt til \(c.da) i \(year), i kroner; tom er 0.")
            }
        }
        let last = header.count - further.count - 2
        for (k, f) in further.enumerated() {
            notes[last + 1 + k] = pick(
                "Optional: " + f.noteEN + " Blank is no.", "Valgfrit: " + f.noteDA + " Tom er nej.")
            applications.choices[last + 1 + k] = yesNo
        }
        notes[header.count - 1] = pick(
            "Optional: the caseworker's overall assessment, a whole number from 1 to 5; blank is not assessed.",
            "Valgfrit: sagsbehandlerens samlede vurdering, et helt tal fra 1 til 5; tom er ikke vurderet.")
        notes[last] = pick(
            "Optional: below this share of its request (0–1) the project is not viable.",
            "Valgfrit: under denne andel af det ansøgte (0–1) kan projektet ikke gennemføres.")
        applications.notes = notes
        applications.choices.merge([
            3: Choices(words(FocusArea.allCases) { labelsWord($0) }, strict: false),
            4: Choices(words(Objective.allCases) { labelsWord($0) }, strict: false),
            5: Choices(words(TargetGroup.allCases) { labelsWord($0) }, strict: true),
            12: Choices(words(TheoryOfChange.allCases) { labelsWord($0) }, strict: true),
        ]) { $1 }
        for c in 6...11 { applications.choices[c] = yesNo }
        for c in 13..<last { applications.columnStyles[c] = .kroner }
        applications.columnStyles[last] = .decimal(2)
        return Workbook(title: pick("Applications round", "Ansøgningsrunde"), sheets: [areas, applications])
    }

    /// The Danish word the tool reads for a key (the first of its spellings).
    func labelsWord<K: RawRepresentable>(_ key: K) -> String where K.RawValue == String {
        InputSpellings.danish(key.rawValue) ?? key.rawValue
    }
}
