import LinearProgramming

/// The kinds of rows the model has, so a binding row can be explained in the memo's terms; the
/// policy rule a row belongs to is `rule` (PolicyRule.swift).
public enum ConstraintKind: Sendable, Hashable {
    case envelope(year: Int)
    /// `e[y] = t·E[y]` (only in the frontier's model).
    case envelopeScale(year: Int)
    case primaryShare(year: Int)
    case areaShare(area: String, year: Int)
    /// A focus area's least money in a year.
    case floor(FocusArea, year: Int)
    case minimumFraction(application: String)
    case fundedOnlyIfSelected(application: String)
    case maxProjects
    /// How much an application's share may change from the year before.
    case yearToYear(application: String, year: Int)
    /// The committee's decision on an application (`[decisions]`).
    case decision(application: String)
    /// SOF's share of a project's total budget in a year.
    case sofShare(application: String, year: Int)
}
