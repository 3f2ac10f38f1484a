/// Every check of `validate` on inputs held in memory: the scenario's TOML text (without
/// `extends`, which needs files) and the bytes of both CSV files. For the fuzzer (`Fuzz/`), and for
/// any caller that has the inputs but not as files.
public enum InputCheck {
    /// The problems found, in the order `validate` prints them; empty when the inputs are sound.
    public static func problems(scenario: [UInt8], areas: [UInt8], applications: [UInt8]) -> [Diagnostic] {
        var diagnostics = DiagnosticCollector()
        let (utf8, _) = decodeToUTF8(scenario)
        var years = Scenario.defaultYears
        var proportional = true
        do {
            let entries = try TOMLTree.parse(String(decoding: utf8, as: UTF8.self), file: "scenario.toml")
            let parsed = ScenarioLoader.interpret(entries, files: ["scenario.toml"], diagnostics: &diagnostics)
            if !parsed.years.isEmpty { years = parsed.years }
            proportional = parsed.rules.commitment == .proportional
        } catch {
            if case .badData(let found) = error { diagnostics.diagnostics += found }
        }
        // A part that starts like a zip archive (or an encrypted workbook) is read as a workbook.
        func table(_ bytes: [UInt8], _ name: String) -> [UInt8]? {
            guard bytes.starts(with: [0x50, 0x4B]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) else { return bytes }
            do {
                return try WorkbookSheet.read(bytes, file: name + ".xlsx", sheet: nil).csv
            } catch {
                if case .badData(let found) = error { diagnostics.diagnostics += found }
                return nil
            }
        }
        let parsedAreas =
            table(areas, "areas").map { RoundLoader.parseAreas($0, file: "areas.csv", diagnostics: &diagnostics) } ?? []
        if let applications = table(applications, "applications") {
            _ = RoundLoader.parseApplications(
                applications, file: "applications.csv", years: years, areas: parsedAreas,
                diagnostics: &diagnostics, proportional: proportional)
        }
        return diagnostics.diagnostics.sorted { $0.location < $1.location }
    }
}
