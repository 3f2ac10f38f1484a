/// The four factors of `w = F·R·T·Q`, with what sets each for one application.
public enum WeightFactor: Sendable, Hashable {
    /// F: its best focus area (`nil` = outside the focus areas).
    case focus(FocusArea?)
    /// R: its area's risk class.
    case risk(RiskClass)
    /// T: its target group.
    case targetGroup(TargetGroup)
    /// Q: the quality criteria it meets.
    case quality
}
