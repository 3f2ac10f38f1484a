/// The legal range of an amount in kroner, checked in one place for every amount the tool reads
/// (CSV requests, TOML envelopes and floors), whichever way it is written.
public enum Amount {
    /// The largest amount accepted: 10^13 kr., far above any municipal budget.
    public static let maximum = 1e13

    /// Why `value` is not a legal amount, or `nil` when it is.
    public static func problem(_ value: Double) -> AmountProblem? {
        if !value.isFinite { return .notFinite }
        if value < 0 { return .negative }
        if value > maximum { return .tooLarge }
        return nil
    }
}
