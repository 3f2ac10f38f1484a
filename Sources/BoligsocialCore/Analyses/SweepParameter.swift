import LinearProgramming
import Parallel

/// What a sweep varies.
public enum SweepParameter: Sendable, Equatable {
    /// Every year's envelope times each value.
    case scale([Double])
    /// One year's envelope set to each amount (DKK).
    case year(Int, [Double])
}
