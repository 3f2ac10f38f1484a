import Foundation
import Testing

/// The project's documents hold together: every relative link in the README, the changelog,
/// `docs/` and `Benchmarks/README.md` names a file that exists (and a heading of it, when the link
/// has an anchor), and the README stays a front door.
@Suite struct DocumentationLinksTests {
    static let root = CLITests.root

    static var documents: [String] {
        let docs =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
        return ["README.md", "CHANGELOG.md", "Benchmarks/README.md"]
            + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }

    /// `[text](target)` outside code blocks and code spans.
    static func links(in text: String) -> [String] {
        var result: [String] = []
        var fenced = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { fenced.toggle() }
            if fenced { continue }
            // Drop code spans, then read each `](…)`.
            let plain = line.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter {
                $0.offset % 2 == 0
            }
            .map(\.element).joined(separator: " ")
            var rest = Substring(plain)
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                result.append(String(after[..<close]))
                rest = after[close...]
            }
        }
        return result
    }

    /// A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens.
    static func anchor(_ heading: String) -> String {
        String(
            heading.lowercased().unicodeScalars.compactMap { c -> Character? in
                if c == " " { return "-" }
                if c == "-" || c == "_" || CharacterSet.alphanumerics.contains(c) { return Character(c) }
                return nil
            })
    }

    static func anchors(of file: URL) -> Set<String> {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return Set(
            text.split(separator: "\n").filter { $0.hasPrefix("#") }.map {
                anchor(String($0.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces))
            })
    }

    @Test func everyLinkResolves() throws {
        var broken: [String] = []
        var count = 0
        for document in Self.documents {
            let file = Self.root.appendingPathComponent(document)
            let text = try String(contentsOf: file, encoding: .utf8)
            for link in Self.links(in: text)
            where !link.hasPrefix("http://") && !link.hasPrefix("https://") && !link.hasPrefix("mailto:") {
                count += 1
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target =
                    parts[0].isEmpty
                    ? file : file.deletingLastPathComponent().appendingPathComponent(parts[0]).standardizedFileURL
                guard FileManager.default.fileExists(atPath: target.path) else {
                    broken.append("\(document): \(link) (no such file)")
                    continue
                }
                if parts.count == 2, target.pathExtension == "md", !Self.anchors(of: target).contains(parts[1]) {
                    broken.append("\(document): \(link) (no such heading)")
                }
            }
        }
        #expect(count >= 20, "links found: \(count)")
        #expect(broken.isEmpty, "\(broken.joined(separator: "\n"))")
    }

    @Test func readmeIsAFrontDoor() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(lines <= 300, "README.md has \(lines) lines")
        for document in Self.documents where document != "README.md" {
            #expect(readme.contains("](\(document))"), "README.md links \(document)")
        }
        #expect(!readme.contains("../shared"))
    }

    @Test func linksAreFoundAndAnchorsMade() {
        #expect(
            Self.links(in: "see [a](docs/a.md) and `[b](no.md)`\n```\n[c](no.md)\n```\n[d](#x-y)") == [
                "docs/a.md", "#x-y",
            ])
        #expect(Self.anchor("The wish proposal: `wish SCENARIO`") == "the-wish-proposal-wish-scenario")
    }
}
