import BoligsocialReports
import Foundation
import Testing

@testable import BoligsocialCore

/// Scenario TOML: defaults, `extends` with relative paths, and every problem located.
@Suite struct ScenarioLoaderTests {
    /// Writes files into a fresh temporary directory and returns its path.
    static func directory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scn-\(UUID().uuidString)")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir.path
    }

    static let base = """
        name = "Base"
        applications = "data/applications.csv"
        areas = "data/areas.csv"
        [envelope]
        2009 = 1_000_000
        2010 = 2_000_000
        2011 = 3_000_000
        2012 = 4_000_000
        [weights.focus]
        health = 1.2
        [rules]
        area_share_max = 0.25
        """

    @Test func defaultsAndExtends() throws {
        let dir = try Self.directory([
            "base.toml": Self.base,
            "what-if/cut.toml": """
            name = "Cut"
            extends = "../base.toml"
            [envelope]
            2010 = 1_500_000
            [rules]
            commitment = "per_year"
            """,
        ])
        let base = try ScenarioLoader.load(dir + "/base.toml")
        #expect(base.years == [2009, 2010, 2011, 2012] && base.envelope[2012] == 4_000_000)
        #expect(
            base.rules.requireSofInSteeringGroup && base.rules.commitment == .proportional
                && base.rules.areaShareMax == 0.25)
        #expect(
            base.weights.focus[.health] == 1.2 && base.weights.risk[.atRisk] == 0.8 && base.weights.outsideFocus == 0.5)
        let cut = try ScenarioLoader.load(dir + "/what-if/cut.toml")
        #expect(
            cut.name == "Cut" && cut.envelope == [2009: 1_000_000, 2010: 1_500_000, 2011: 3_000_000, 2012: 4_000_000])
        #expect(cut.rules.commitment == .perYear && cut.rules.areaShareMax == 0.25 && cut.weights.focus[.health] == 1.2)
        // Paths stay relative to the file that wrote them.
        #expect(cut.applicationsPath == dir + "/data/applications.csv")
        #expect(cut.files == [dir + "/what-if/cut.toml", dir + "/base.toml"])
    }

    static func problems(_ text: String) throws -> [String] {
        let dir = try directory(["s.toml": text])
        do {
            _ = try ScenarioLoader.load(dir + "/s.toml")
            return []
        } catch {
            guard case .badData(let diagnostics) = error else { return ["\(error)"] }
            return diagnostics.map { InputProblemWords(.en).line($0).replacingOccurrences(of: dir + "/", with: "") }
        }
    }

    @Test func unknownKeysAndWrongTypesAreLocated() throws {
        let text = Self.base + "\nprimary_shar_min = 0.7\nmax_projects = \"ten\"\n[rules.focus_floor]\nhelth = 5\n"
        #expect(
            try Self.problems(text) == [
                "s.toml:13:1: unknown key 'rules.primary_shar_min' (did you mean 'primary_share_min'?)",
                "s.toml:14:1: 'rules.max_projects' must be a whole number, not a string",
                "s.toml:16:1: unknown key 'rules.focus_floor.helth' (did you mean 'health'?)",
            ])
        #expect(
            try Self.problems("nmae = \"x\"\n" + Self.base.split(separator: "\n").dropFirst().joined(separator: "\n"))
                == ["s.toml:1:1: unknown key 'nmae' (did you mean 'name'?)"])
        #expect(
            try Self.problems(Self.base.replacingOccurrences(of: "2012 = 4_000_000", with: "2013 = 4_000_000")) == [
                "s.toml:4:1: no envelope for 2012",
                "s.toml:8:1: '2013' is not one of the scenario's years (2009, 2010, 2011, 2012)",
            ])
        #expect(
            try Self.problems(Self.base + "\nreturns = [1.0, 1.2]\n")
                == [
                    "s.toml:13:1: 'returns' must start at 1.0 and never increase, with every value positive, such as [1.0, 0.7, 0.4]"
                ])
        #expect(try Self.problems("name = \"x\n").first?.hasPrefix("s.toml:1:") == true)
    }

    /// The weights of the memo's objectives, the assessment, the focus mode and the need rule:
    /// read, inherited through `extends`, and every bad value located.
    @Test func objectiveAssessmentFocusModeAndNeedRule() throws {
        let more =
            "\n[weights]\nfocus_mode = \"mean\"\n[weights.objective]\nimage = 0.5\n[weights.assessment]\n1 = 0.5\n5 = 1.5\n"
        let dir = try Self.directory([
            "base.toml": Self.base + "\nrequire_need_documented = true\n" + more,
            "child.toml": "extends = \"base.toml\"\nname = \"Child\"\n[weights.assessment]\n5 = 2.0\n",
        ])
        let child = try ScenarioLoader.load(dir + "/child.toml")
        #expect(child.rules.requireNeedDocumented && child.weights.focusMode == .mean)
        #expect(child.weights.objective[.image] == 0.5 && child.weights.objective[.crimeSafety] == 1)
        #expect(child.weights.assessment == [1: 0.5, 5: 2.0])
        #expect(try ScenarioLoader.load(dir + "/base.toml").weights.assessment == [1: 0.5, 5: 1.5])
        #expect(Weights().focusMode == .primary && !Rules().requireNeedDocumented)
        #expect(
            try Self.problems(
                Self.base
                    + "\n[weights]\nfocus_mode = \"maks\"\n[weights.assessment]\n6 = 1.0\n[weights.objective]\nimag = 1.0\n"
            ) == [
                "s.toml:14:1: unknown focus_mode 'maks' (did you mean 'max'?); expected primary, max or mean",
                "s.toml:16:1: unknown key 'weights.assessment.6' (did you mean '1'?)",
                "s.toml:18:1: unknown key 'weights.objective.imag' (did you mean 'image'?)",
            ])
    }

    @Test func extendsCyclesAndMissingParents() throws {
        let dir = try Self.directory([
            "a.toml": "extends = \"b.toml\"\n", "b.toml": "extends = \"a.toml\"\n",
            "c.toml": "extends = \"gone.toml\"\n",
        ])
        #expect(throws: InputError.self) { try ScenarioLoader.load(dir + "/a.toml") }
        do {
            _ = try ScenarioLoader.load(dir + "/c.toml")
            Issue.record("expected a missing file")
        } catch {
            guard case .cannotOpen(let path, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(path.hasSuffix("gone.toml"))
        }
        #expect(throws: InputError.cannotOpen(path: dir + "/none.toml", reason: .system(ENOENT))) {
            try ScenarioLoader.load(dir + "/none.toml")
        }
    }
}
