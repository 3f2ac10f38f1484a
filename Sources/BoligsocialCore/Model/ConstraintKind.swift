import LinearProgramming

/// The kinds of rows the model has, so a binding row can be explained in the memo's terms.
public enum ConstraintKind: Sendable, Hashable {
    case envelope(year: Int)
    /// `e[y] = t·E[y]` (only in the frontier's model).
    case envelopeScale(year: Int)
    case primaryShare(year: Int)
    case areaShare(area: String, year: Int)
    case focusFloor(FocusArea, year: Int)
    case minimumFraction(application: String)
    case fundedOnlyIfSelected(application: String)
    case maxProjects
    /// How much an application's share may change from the year before (`year_to_year_change_max`).
    case yearToYear(application: String, year: Int)
    /// The committee's decision on an application (`[decisions]`).
    case decision(application: String)
    /// SOF's share of a project's total budget in a year (`sof_share_max`).
    case sofShare(application: String, year: Int)
}
