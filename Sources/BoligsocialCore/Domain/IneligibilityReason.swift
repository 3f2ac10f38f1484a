/// Why an application, or some of its lines, may not be funded: each tied to the memo's principle.
public enum IneligibilityReason: String, Sendable, Equatable, CaseIterable {
    /// `require_sof_in_steering_group`: the whole application.
    case sofNotInSteeringGroup = "sof_not_in_steering_group"
    /// `require_objective`: the whole application.
    case noObjective = "no_objective"
    /// `require_activity_accounting`: only the activity lines.
    case activitiesWithoutAccounting = "activities_without_accounting"
    /// `require_need_documented`: the whole application.
    case needNotDocumented = "need_not_documented"

    /// Whether the reason shuts out the whole application (otherwise only its activity lines).
    public var isWholeApplication: Bool { self != .activitiesWithoutAccounting }

    /// The memo's section and words the rule comes from.
    public var principle: String {
        switch self {
        case .sofNotInSteeringGroup:
            "Krav til organisering: \"Det forudsættes, at Socialforvaltningen bliver repræsenteret i styregruppen for at et projekt kan modtage støtte.\""
        case .noObjective:
            "Krav til indhold: \"Der kan gives støtte til indsatser, som arbejder for … en eller flere af de overordnede beskrevne målsætninger.\""
        case .needNotDocumented:
            "Krav til indhold: \"Det skal klart fremgå … hvorfor indsatsen er relevant\""
        case .activitiesWithoutAccounting:
            "Der kan konkret gives støtte til: \"Det vil således være et krav, at projektlederen efterfølgende kan aflægge regnskab for aktivitetsmidlerne\""
        }
    }
}
