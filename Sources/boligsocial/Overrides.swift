import ArgumentParser
import BoligsocialCore
import Foundation

/// Quick what-ifs without a new file, on every command that reads a scenario: the overrides are
/// typed changes merged over the scenario named, in memory, and checked by the same loader as a
/// file that extends it (`--save-scenario` writes that file).
struct ScenarioOverrides: ParsableArguments {
    @Option(
        name: .customLong("envelope"),
        help: "One year's envelope, YEAR=KRONER (repeatable), e.g. --envelope 2010=27000000.")
    var envelopes: [String] = []

    @Option(
        name: .customLong("scale-envelope"), help: "Every year's envelope times this factor, e.g. --scale-envelope 0.9."
    )
    var scaleEnvelope: Double?

    @Option(
        name: .customLong("set"),
        help:
            "Any scenario key, KEY=VALUE with the value written as in TOML (repeatable), e.g. --set rules.min_fraction=0.25."
    )
    var settings: [String] = []

    @Option(
        name: .customLong("decide"),
        help: "A committee decision, ID=full|none|SHARE:REASON (repeatable), e.g. --decide \"A12=full:Videreførelse\".")
    var decisions: [String] = []

    @Option(
        name: .customLong("save-scenario"),
        help: "Write the overrides as a scenario file that extends the original (and read that).")
    var saveScenario: String?

    /// The overrides as given, for the stamp.
    var given: [String] {
        (scaleEnvelope.map { ["--scale-envelope \($0)"] } ?? []) + envelopes.map { "--envelope \($0)" }
            + settings.map { "--set \($0)" } + decisions.map { "--decide \($0)" }
    }

    var isEmpty: Bool { envelopes.isEmpty && scaleEnvelope == nil && settings.isEmpty && decisions.isEmpty }

    func validate() throws {
        for e in envelopes {
            let parts = e.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let year = Int(parts[0]), (1900...2200).contains(year),
                let amount = Double(parts[1].replacingOccurrences(of: "_", with: "")),
                amount.isFinite, amount >= 0, amount <= Amount.maximum
            else {
                throw ValidationError("--envelope '\(e)': expected YEAR=KRONER, such as 2010=27000000")
            }
        }
        if let f = scaleEnvelope, !(f.isFinite && f > 0 && f <= 1000) {
            throw ValidationError("--scale-envelope must be a factor above 0 and at most 1000")
        }
        for s in settings {
            let parts = s.split(separator: "=", maxSplits: 1).map(String.init)
            let keyCharacters = CharacterSet(
                charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
            guard parts.count == 2, !parts[0].isEmpty, parts[0].unicodeScalars.allSatisfy(keyCharacters.contains),
                !parts[0].hasPrefix("."), !parts[0].hasSuffix("."), !parts[0].contains(".."),
                !parts[1].trimmingCharacters(in: .whitespaces).isEmpty,
                !parts[1].contains("\n")
            else {
                throw ValidationError("--set '\(s)': expected KEY=VALUE, such as rules.min_fraction=0.25")
            }
        }
        for d in decisions where Self.decision(d) == nil {
            throw ValidationError(
                "--decide '\(d)': expected ID=full|none|SHARE:REASON, such as \"A12=full:Videreførelse\"")
        }
        if saveScenario != nil && isEmpty {
            throw ValidationError(
                "--save-scenario needs an override to save (--envelope, --scale-envelope, --set or --decide)")
        }
    }

    /// `ID=KIND:REASON` as a decision: its id, `full`/`none` or a share, and its reason.
    static func decision(_ text: String) -> (id: String, fund: String?, share: Double?, reason: String)? {
        guard let equals = text.firstIndex(of: "="), let colon = text[equals...].firstIndex(of: ":") else { return nil }
        let id = String(text[..<equals])
        let kind = String(text[text.index(after: equals)..<colon])
        let reason = String(text[text.index(after: colon)...])
        guard !id.isEmpty, !reason.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        switch kind {
        case "full", "none": return (id, kind, nil, reason)
        default:
            guard let share = Double(kind), (0...1).contains(share) else { return nil }
            return (id, nil, share, reason)
        }
    }

    /// The overrides as typed changes on top of the scenario at `path`, each with the option that
    /// gave it, so a problem in it is named by that option (`--scale-envelope` reads the envelopes
    /// it scales from the scenario).
    func patch(for path: String) throws(InputError) -> ScenarioPatch {
        var patch = ScenarioPatch()
        if let factor = scaleEnvelope {
            let scenario = try ScenarioLoader.read(path)
            for (y, year) in scenario.years.enumerated() {
                patch.setEnvelope(
                    year: year, kroner: scenario.envelopes[y] * factor, origin: .option("--scale-envelope \(factor)"))
            }
        }
        for e in envelopes {
            let parts = e.split(separator: "=", maxSplits: 1).map(String.init)
            // Checked by `validate()`.
            let year = Int(parts[0])!
            let kroner = Double(parts[1].replacingOccurrences(of: "_", with: ""))!
            patch.setEnvelope(year: year, kroner: kroner, origin: .option("--envelope \(e)"))
        }
        for s in settings {
            let parts = s.split(separator: "=", maxSplits: 1).map(String.init)
            try patch.set(parts[0], toml: parts[1], origin: .option("--set \(s)"))
        }
        for d in decisions {
            let (id, fund, share, reason) = Self.decision(d)!
            patch.decide(id, fund: fund, share: share, reason: reason, origin: .option("--decide \(d)"))
        }
        return patch
    }

    /// `path` as seen from `directory` (absolute when they share nothing but the root).
    static func relative(_ path: String, from directory: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: directory).standardizedFileURL.pathComponents
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        if common <= 1 { return URL(fileURLWithPath: path).standardizedFileURL.path }
        return (Array(repeating: "..", count: base.count - common) + target[common...]).joined(separator: "/")
    }
}
