/// The policy rules of a scenario (docs/formats.md `[rules]`, the rows of docs/model.md). `nil` means the rule is off.
public struct Rules: Sendable, Equatable {
    public var requireSofInSteeringGroup = true
    public var requireObjective = true
    public var requireActivityAccounting = true
    /// `require_need_documented`: an application must document its need and relevance (off by
    /// default, so a round without the column keeps working).
    public var requireNeedDocumented = false
    public var commitment = Commitment.proportional
    public var primaryShareMin: Double?
    public var areaShareMax: Double?
    public var carryOver = false
    /// Diminishing returns `[d1, …, dS]`: positive, non-increasing, `d1 = 1`.
    public var returns: [Double]?
    public var minFraction: Double?
    public var maxProjects: Int?
    /// Under `per_year`: how much an application's share may change from one year to the next
    /// (`year_to_year_change_max`), so a grant can staff a project year after year.
    public var yearToYearChangeMax: Double?
    /// DKK per year that must go to applications whose primary focus is the key.
    public var focusFloor: [FocusArea: Double] = [:]
    /// `sof_share_max`: in each year, SOF grants at most this share of a project's total budget
    /// (applications without a total budget that year are not bound).
    public var sofShareMax: Double?
    public init() {}
}
