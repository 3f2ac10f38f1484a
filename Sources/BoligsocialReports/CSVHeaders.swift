import BoligsocialCore

/// The headers of the CSV tables (and of the workbooks made from them), from one table: the keys
/// for scripts with `--lang en`, the administration's words in a Danish report. A key ending in a
/// year (`allocated_2009`) keeps its year after the word ("Fordelt 2009"); one ending in a
/// scenario's number (`share_2`) keeps it in brackets, as the compare tables write it ("Andel [2]").
extension Labels {
    static let danishCSVHeaders: [String: String] = [
        "above": "Lige over intervallet",
        "allocated": "Fordelt",
        "applications": "Ansøgninger",
        "below": "Lige under intervallet",
        "category": "Kategori",
        "change": "Største ændring mod [1]",
        "envelope": "Ramme",
        "full": "Fuld støtte",
        "granted": "Bevilget",
        "id": "ID",
        "key": "Vægt",
        "lower": "Nedre grænse",
        "marginal_points_per_1000": "Point pr. ekstra 1.000 kr.",
        "partial": "Delvis støtte",
        "priority_points": "Prioritetspoint",
        "requested": "Ansøgt",
        "row": "Post",
        "scale": "Skala",
        "share": "Andel",
        "step": "Trin",
        "title": "Titel",
        "total": "I alt",
        "total_envelope": "Samlet ramme",
        "unfunded": "Ingen støtte",
        "upper": "Øvre grænse",
        "value": "Værdi",
        "year": "År",
    ]

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
