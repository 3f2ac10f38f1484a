import BoligsocialCore

/// The headers of the CSV tables (and of the workbooks made from them), from one table: the keys
/// for scripts with `--lang en`, the administration's words in a Danish report. A key ending in a
/// year (`allocated_2009`) keeps its year after the word ("Fordelt 2009"); one ending in a
/// scenario's number (`share_2`) keeps it in brackets, as the compare tables write it ("Andel [2]").
extension Labels {
    /// Each key's Danish words: those of the report's own text tables, so a Danish report names a
    /// column alike on screen, in HTML, in its CSV and in its workbook.
    static let danishCSVHeaders: [String: String] = {
        let da = Labels(.da)
        return [
            "above": da.justAbove, "allocated": da.allocated, "applications": da.applicationsLine,
            "below": da.justBelow, "category": da.category, "change": da.largestChange, "envelope": da.envelope,
            "full": da.full, "granted": da.granted, "id": da.id, "key": da.weight, "lower": da.lowerLimit,
            "marginal_points_per_1000": da.marginal, "partial": da.partial, "priority_points": da.priorityPoints,
            "requested": da.requested, "row": "Post", "scale": da.scale, "share": da.share, "step": da.step,
            "title": da.title, "total": da.total, "total_envelope": da.totalEnvelope, "unfunded": da.unfunded,
            "upper": da.upperLimit, "value": da.value, "year": da.year,
        ]
    }()

    /// A CSV header: the key itself in English, its Danish words in Danish (a key the table lacks
    /// stays a key, and `DanishCSVHeaderTests` finds it).
    func csvHeader(_ key: String) -> String {
        guard language == .da else { return key }
        if let word = Self.danishCSVHeaders[key] { return word }
        if let underscore = key.lastIndex(of: "_"), let n = Int(key[key.index(after: underscore)...]),
            let word = Self.danishCSVHeaders[String(key[..<underscore])]
        {
            return n >= 1900 ? "\(word) \(n)" : "\(word) [\(n)]"
        }
        return key
    }

    func csvHeaders(_ keys: [String]) -> [String] { keys.map(csvHeader) }
}
