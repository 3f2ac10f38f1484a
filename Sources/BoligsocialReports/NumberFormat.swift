/// Numbers as a budget document writes them: `1,234,567` in English, `1.234.567` in Danish.
public struct NumberFormat: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    var groupSeparator: Character { language == .da ? "." : "," }
    var decimalSeparator: Character { language == .da ? "," : "." }

    /// Whole kroner with thousands separators.
    public func kroner(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(groupSeparator) }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }

    /// An amount in 1.000 kr., rounded to the nearest thousand, as a budget document shows it.
    public func thousands(_ kroner: Int) -> String {
        self.kroner(Int((Double(kroner) / 1000).rounded()))
    }

    /// `kroner(value) + " kr."`.
    public func kr(_ value: Int) -> String { kroner(value) + " kr." }

    /// A decimal with a fixed number of places.
    public func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "–" }
        let scale = pow10(places)
        let rounded = (value * scale).rounded() / scale
        let negative = rounded < 0
        let magnitude = abs(rounded)
        let whole = Int(magnitude.rounded(.down))
        var text = kroner(whole)
        if places > 0 {
            let fraction = Int(((magnitude - Double(whole)) * scale).rounded())
            let padded = String(fraction)
            text += String(decimalSeparator) + String(repeating: "0", count: max(0, places - padded.count)) + padded
        }
        return negative && rounded != 0 ? "-" + text : text
    }

    public func percent(_ share: Double) -> String { decimal(share * 100, places: 1) + " %" }

    private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
}
