/// Writes a round as areas.csv and applications.csv in the canonical dialect (UTF-8, comma).
public enum RoundWriter {
    public static func areasCSV(_ round: Round) -> String {
        var out = "id,name,district,risk\n"
        for a in round.areas {
            out += [a.id, a.name, a.district, a.risk.rawValue].map(quoted).joined(separator: ",") + "\n"
        }
        return out
    }

    public static func applicationsCSV(_ round: Round) -> String {
        var out =
            (RoundLoader.applicationColumns(years: round.years) + ["min_fraction"]
            + QualityCriterion.optional.map(\.rawValue)
            + ["assessment"] + round.years.flatMap { ["total_budget_\($0)", "other_funding_\($0)"] }).joined(
                separator: ",") + "\n"
        let yesNo = { (b: Bool) in b ? "yes" : "no" }
        for a in round.applications {
            var fields = [
                a.id, a.title, a.areaID, a.focus.map(\.rawValue).joined(separator: "|"),
                a.objectives.map(\.rawValue).joined(separator: "|"), a.targetGroup.rawValue,
                yesNo(a.sofInSteeringGroup), yesNo(a.clearGoals), yesNo(a.anchoringPlan), yesNo(a.coordinatorRole),
                yesNo(a.crossAdmin), yesNo(a.activityAccounting), a.theoryOfChange.rawValue,
            ]
            for y in round.years.indices {
                for c in CostCategory.allCases {
                    let v = a.request(c, year: y)
                    fields.append(v == 0 ? "" : (v == v.rounded() ? String(Int(v)) : String(v)))
                }
            }
            fields.append(a.minFraction.map { String($0) } ?? "")
            fields += QualityCriterion.optional.map { a.meets($0) ? "yes" : "" }
            fields.append(a.assessment.map(String.init) ?? "")
            for y in round.years.indices {
                fields.append(a.totalBudget(year: y).map { String(Int($0)) } ?? "")
                let other = a.otherFunding(year: y)
                fields.append(other == 0 ? "" : String(Int(other)))
            }
            out += fields.map(quoted).joined(separator: ",") + "\n"
        }
        return out
    }

    /// A scenario file naming the two CSV files beside it.
    public static func scenarioTOML(_ scenario: Scenario) -> String {
        var out = "# Generated round: amounts are illustrative.\nname = \"\(scenario.name)\"\n"
        out += "applications = \"applications.csv\"\nareas = \"areas.csv\"\n"
        out += "years = [\(scenario.years.map(String.init).joined(separator: ", "))]\n\n[envelope]\n"
        for year in scenario.years { out += "\(year) = \(Int(scenario.envelope[year] ?? 0))\n" }
        return out
    }

    static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
