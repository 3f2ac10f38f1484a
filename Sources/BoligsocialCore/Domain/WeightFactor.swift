/// The factors of `w = F·R·T·Q·O·V`, with what sets each for one application.
public enum WeightFactor: Sendable, Hashable {
    /// F: its best focus area (`nil` = outside the focus areas).
    case focus(FocusArea?)
    /// R: its area's risk class.
    case risk(RiskClass)
    /// T: its target group.
    case targetGroup(TargetGroup)
    /// Q: the quality criteria it meets.
    case quality
    /// O: the weights of its objectives.
    case objective
    /// V: the caseworker's score (`nil`: not assessed).
    case assessment(Int?)
}
