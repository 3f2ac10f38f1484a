/// The memo's Danish words for the keys of the input files, accepted beside the English keys in any
/// mix: what a budget officer's spreadsheet says (`sundhed`, `primær`, `udsat`, `eksplicit`).
/// Matched after `InputWords.normalized`, so case, spaces versus underscores and `æ ø å` written
/// as `ae oe aa` do not matter.
protocol DanishSpelled: RawRepresentable, CaseIterable where RawValue == String {
    /// The Danish words (and their short forms) for each case.
    var danish: [String] { get }
}

extension FocusArea: DanishSpelled {
    var danish: [String] {
        switch self {
        case .networks: ["inklusion i sociale netværk", "netværk", "sociale netværk"]
        case .employmentEducation: ["beskæftigelse og uddannelse", "beskæftigelse", "uddannelse"]
        case .cultureLeisure:
            ["kultur- og fritidsliv", "kultur og fritid", "kultur og fritidsliv", "kultur- og fritid"]
        case .health: ["sundhed"]
        case .volunteering:
            ["den frivillige indsats", "frivillighed", "frivillig indsats", "frivillighed og beboerdeltagelse"]
        }
    }
}

extension Objective: DanishSpelled {
    var danish: [String] {
        switch self {
        case .socialIntegration: ["integration af socialt udsatte", "socialt udsatte"]
        case .ethnicIntegration: ["integration af etniske minoriteter", "etniske minoriteter"]
        case .crimeSafety: ["kriminalitet og tryghed", "kriminalitetsforebyggelse og tryghed", "tryghed"]
        case .image: ["image", "boligområdets image"]
        }
    }
}

extension RiskClass: DanishSpelled {
    var danish: [String] {
        switch self {
        case .vulnerable: ["udsat", "udsat boligområde"]
        case .atRisk: ["i risiko", "i risiko for at blive udsat"]
        case .other: ["uden for risikogruppen", "udenfor risikogruppen"]
        case .otherHousing: ["andre boligformer", "anden boligform"]
        }
    }
}

extension TargetGroup: DanishSpelled {
    var danish: [String] {
        switch self {
        case .primary: ["primær"]
        case .secondary: ["sekundær"]
        }
    }
}

extension TheoryOfChange: DanishSpelled {
    var danish: [String] {
        switch self {
        case .explicit: ["eksplicit"]
        case .implicit: ["implicit"]
        case .none: ["ingen"]
        }
    }
}

/// How the words of an input file are compared.
enum InputWords {
    /// Lower case, `æ ø å` as `ae oe aa`, every run of spaces and underscores as one `_`, no
    /// surrounding spaces: `Kultur- og Fritidsliv`, `kultur-_og_fritidsliv` and `KULTUR- OG FRITIDSLIV`
    /// are one word.
    static func normalized(_ text: String) -> String {
        var out = ""
        var pendingSeparator = false
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case " ", "_", "\t", "\u{A0}":
                pendingSeparator = !out.isEmpty
                continue
            default: break
            }
            if pendingSeparator {
                out += "_"
                pendingSeparator = false
            }
            switch scalar {
            case "æ": out += "ae"
            case "ø": out += "oe"
            case "å": out += "aa"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The Danish header names of both files, normalized, with the English key each stands for.
    /// A yearly amount column is `løn_YYYY`, `husleje_YYYY` or `aktiviteter_YYYY`.
    static let danishHeaders: [String: String] = {
        let pairs: [(String, String)] = [
            ("navn", "name"), ("bydel", "district"), ("risiko", "risk"), ("risikoklasse", "risk"),
            ("titel", "title"), ("område", "area"), ("boligområde", "area"), ("indsatsområder", "focus"),
            ("indsatsområde", "focus"),
            ("formål", "objectives"), ("målsætninger", "objectives"), ("målgruppe", "target_group"),
            ("sof_i_styregruppe", "sof_in_steering_group"), ("klare_mål", "clear_goals"),
            ("forankring", "anchoring_plan"),
            ("koordinatorrolle", "coordinator_role"), ("tværgående_samarbejde", "cross_admin"),
            ("regnskab_for_aktiviteter", "activity_accounting"), ("forandringsteori", "theory_of_change"),
            ("mindste_andel", "min_fraction"), ("behov_dokumenteret", "need_documented"),
            ("inddragelse", "involvement"),
            ("helhedsorientering", "holistic"), ("fælles_mål", "common_goal"), ("indikatorer", "indicators"),
            ("vurdering", "assessment"),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { (normalized($0.0), $0.1) })
    }()

    static let danishCategoryPrefixes: [(String, String)] = [
        ("loen_", "salary_"), ("husleje_", "rent_"), ("aktiviteter_", "activities_"),
        ("samlet_budget_", "total_budget_"), ("anden_finansiering_", "other_funding_"),
    ]

    /// The English key a header stands for: itself, normalized, or its Danish name's key.
    static func canonicalHeader(_ name: String) -> String {
        let key = normalized(name)
        if let english = danishHeaders[key] { return english }
        for (danish, english) in danishCategoryPrefixes where key.hasPrefix(danish) {
            return english + key.dropFirst(danish.count)
        }
        return key
    }
}

/// The first Danish word of each key, for what hands the vocabulary out (the round template).
public enum InputSpellings {
    static let firstDanish: [String: String] = {
        var map: [String: String] = [:]
        func add<K: DanishSpelled>(_: K.Type) { for k in K.allCases { map[k.rawValue] = k.danish.first } }
        add(FocusArea.self)
        add(Objective.self)
        add(RiskClass.self)
        add(TargetGroup.self)
        add(TheoryOfChange.self)
        return map
    }()

    /// The Danish word the input files may use for `key` (a focus area, objective, risk class,
    /// target group or theory-of-change key).
    public static func danish(_ key: String) -> String? { firstDanish[key] }
}
