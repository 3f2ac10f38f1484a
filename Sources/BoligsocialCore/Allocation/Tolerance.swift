/// The tolerances the domain applies to the solver's numbers, each named for what it guards.
/// The solver's own tolerances (feasibility, pivots, integrality) live with the solver.
public enum Tolerance {
    /// A share within this of 0 or 1 is exactly 0 or 1, so "fully funded" means what it says: far
    /// below a krone on any legal request, far above the solver's rounding of a share.
    public static let share = 1e-9
    /// Kroner added to a line before it is rounded down (a tenth of an øre), so a share the solver
    /// returns as 0.99999999999 of 1.000 kr. still grants the whole 1.000 kr.
    public static let lineKroner = 1e-4
    /// A row is tight when its activity is within this of a bound, relative to the bound (at
    /// least 1): the solver's primal feasibility tolerance.
    public static let tightRow = 1e-7
    /// A tight row whose dual is below this prices nothing: it does not hold an application back.
    public static let pricedDual = 1e-9
    /// A wish target counts as funded when its share is at most this below the asked share: the
    /// solver's primal feasibility tolerance on the target rows.
    public static let targetShare = 1e-7
    /// An elastic slack above this (1.000 kr., or projects) is a rule the scenario misses.
    public static let elasticSlack = 1e-7
    /// Weights within this of the wish threshold count as reaching it (equal weights computed
    /// along different products of the same factors).
    public static let weightTie = 1e-12
}
