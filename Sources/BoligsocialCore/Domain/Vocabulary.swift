/// The memo's vocabulary (docs/formats.md). Raw values are the stable keys of the input files;
/// Danish labels for reports live in the reports module's label table.

/// The memo's "konkrete indsatsområder", plus volunteering.
public enum FocusArea: String, CaseIterable, Sendable, Codable, Comparable {
    case networks
    case employmentEducation = "employment_education"
    case cultureLeisure = "culture_leisure"
    case health, volunteering

    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
    var order: Int { Self.allCases.firstIndex(of: self)! }
}

/// The memo's four overall objectives ("Målene med indsatsen").
public enum Objective: String, CaseIterable, Sendable, Codable {
    case socialIntegration = "social_integration"
    case ethnicIntegration = "ethnic_integration"
    case crimeSafety = "crime_safety"
    case image
}

/// How exposed a housing area is; `vulnerable` and `atRisk` are the memo's primary areas.
public enum RiskClass: String, CaseIterable, Sendable, Codable, Comparable {
    case vulnerable
    case atRisk = "at_risk"
    case other
    case otherHousing = "other_housing"

    /// "Indsatserne skal primært fokusere på … udsatte boligområder og boligområder i risiko".
    public var isPrimary: Bool { self == .vulnerable || self == .atRisk }
    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
    var order: Int { Self.allCases.firstIndex(of: self)! }
}

/// Whom a project is for: primarily vulnerable children, young people and adults.
public enum TargetGroup: String, CaseIterable, Sendable, Codable {
    case primary, secondary
}

/// What the money pays for ("Der kan konkret gives støtte til").
public enum CostCategory: String, CaseIterable, Sendable, Codable, Comparable {
    case salary, rent, activities
    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
    var order: Int { Self.allCases.firstIndex(of: self)! }
}

/// Whether the project description contains a theory of change ("helst eksplicit").
public enum TheoryOfChange: String, CaseIterable, Sendable, Codable {
    case explicit, implicit, none
}

/// The quality criteria that earn a bonus in `Q[a]` (docs/model.md).
public enum QualityCriterion: String, CaseIterable, Sendable, Codable {
    case clearGoals = "clear_goals"
    case theoryOfChangeExplicit = "theory_of_change_explicit"
    case theoryOfChangeImplicit = "theory_of_change_implicit"
    case anchoringPlan = "anchoring_plan"
    case coordinatorRole = "coordinator_role"
    case crossAdmin = "cross_admin"
    /// Need and relevance documented ("Krav til indhold": "klart fremgå … hvorfor indsatsen er relevant").
    case needDocumented = "need_documented"
    /// The target group's involvement and empowerment ("aktive inddragelse, deltagelse og empowerment").
    case involvement
    /// A holistic approach ("helhedsorientering"; with coordination "afgørende").
    case holistic
    /// A common interest or goal for the residents ("et fælles mål for beboerne").
    case commonGoal = "common_goal"
    /// Indicators for following up the goals ("eventuelt indikatorer").
    case indicators

    /// The criteria read from optional columns (a round without them keeps working).
    public static let optional: [QualityCriterion] = [
        .needDocumented, .involvement, .holistic, .commonGoal, .indicators,
    ]
}

/// How the focus factor `F` is taken from an application's focus areas: the first one listed (the
/// primary focus, as floors and reports use), the largest weight among them, or their mean.
public enum FocusMode: String, CaseIterable, Sendable, Codable {
    case primary, max, mean
}

/// Whether an application's share is one for all years or one per year.
public enum Commitment: String, CaseIterable, Sendable, Codable {
    case proportional
    case perYear = "per_year"
}
