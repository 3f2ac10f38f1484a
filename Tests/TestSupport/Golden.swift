import Foundation

/// Golden files: whole reports checked in beside the tests. A mismatch comes back as a line diff
/// (`-` the golden file, `+` the output) to print with the failure; `RECORD_GOLDEN=1` writes the
/// output as the new golden file instead (review it with `git diff`).
public enum Golden {
    /// `nil` when `text` equals the golden file `name` in `directory` (or was recorded), else the diff.
    public static func mismatch(_ text: String, against name: String, in directory: URL) throws -> String? {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try Data(text.utf8).write(to: url)
            return nil
        }
        // Decoded as it is: a byte-order mark at the start is part of what is compared.
        let expected = (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard text != expected else { return nil }
        return "\(name) differs from its golden file (re-record with RECORD_GOLDEN=1 if intended):\n"
            + diff(expected, text)
    }

    /// A line diff of `old` against `new` by longest common subsequence, with two lines of context
    /// around each change; long runs of equal lines are elided.
    public static func diff(_ old: String, _ new: String) -> String {
        // Lines end at LF or CRLF (a Swift `Character`, so split on both, or a CSV is one line).
        let a = old.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(
            String.init)
        let b = new.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(
            String.init)
        let n = a.count
        let m = b.count
        // lcs[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var lines: [(mark: Character, text: String)] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                lines.append((" ", a[i]))
                i += 1
                j += 1
            } else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] {
                lines.append(("+", b[j]))
                j += 1
            } else {
                lines.append(("-", a[i]))
                i += 1
            }
        }
        let changed = lines.indices.filter { lines[$0].mark != " " }
        var out: [String] = []
        var shownUpTo = -1
        for k in lines.indices {
            guard changed.contains(where: { abs($0 - k) <= 2 }) else { continue }
            if k > shownUpTo + 1 { out.append("@@ line \(k + 1)") }
            // A stray carriage return is shown, not obeyed.
            out.append("\(lines[k].mark) " + lines[k].text.replacingOccurrences(of: "\r", with: "\\r"))
            shownUpTo = k
        }
        return out.joined(separator: "\n")
    }
}
