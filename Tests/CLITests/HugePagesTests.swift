import Foundation
import Testing

/// The process asks for huge pages for its heap by starting itself again with
/// `glibc.malloc.hugetlb=1` added to `GLIBC_TUNABLES` when the kernel offers them on request and
/// the round it loads is large enough (`BOLIGSOCIAL_HUGE_PAGES_FROM` bytes of applications; the
/// shipped round is far below the default). Seen where it matters: the heap mapping of a running
/// `serve` process carries the kernel's huge-page advice (`hg` among its flags in /proc/PID/smaps).
@Suite(.serialized) struct HugePagesTests {
    typealias CLI = CLITests

    /// Whether this kernel's transparent huge pages are in `madvise` mode.
    static var offeredOnRequest: Bool {
        ((try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? "").contains(
            "[madvise]")
    }

    /// Whether the heap of a `serve` process started with `environment` is advised for huge pages.
    static func heapAdvisedHuge(startedWith environment: [String: String]) throws -> Bool {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "Scenarios/baseline.toml", "--port", "0"]
        process.currentDirectoryURL = CLI.root
        var env = ProcessInfo.processInfo.environment
        env["GLIBC_TUNABLES"] = nil
        env["BOLIGSOCIAL_NO_HUGE_PAGES"] = nil
        env["BOLIGSOCIAL_HUGE_PAGES_FROM"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        // Listening: the first line is out, the round loaded, the heap grown.
        _ = out.fileHandleForReading.availableData
        let smaps = try String(contentsOfFile: "/proc/\(process.processIdentifier)/smaps", encoding: .utf8)
        let lines = smaps.split(separator: "\n")
        guard let heap = lines.firstIndex(where: { $0.hasSuffix("[heap]") }) else { return false }
        let flags = lines[(heap + 1)...].first { $0.hasPrefix("VmFlags:") } ?? ""
        return flags.split(separator: " ").contains("hg")
    }

    /// The size of the shipped round's applications file, in bytes.
    static var shippedRound: Int {
        let path = CLI.root.appendingPathComponent("Scenarios/data/applications.csv").path
        return ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    @Test func aSmallRoundNeverPaysTheRestart() throws {
        #expect(try !Self.heapAdvisedHuge(startedWith: [:]))
    }

    @Test func theHeapAsksForHugePagesFromTheThreshold() throws {
        let size = Self.shippedRound
        #expect(size > 1000)
        #expect(
            try Self.heapAdvisedHuge(startedWith: ["BOLIGSOCIAL_HUGE_PAGES_FROM": "\(size)"]) == Self.offeredOnRequest)
        #expect(try !Self.heapAdvisedHuge(startedWith: ["BOLIGSOCIAL_HUGE_PAGES_FROM": "\(size + 1)"]))
    }

    @Test func otherTunablesAreKept() throws {
        let environment = ["GLIBC_TUNABLES": "glibc.malloc.arena_max=2", "BOLIGSOCIAL_HUGE_PAGES_FROM": "0"]
        #expect(try Self.heapAdvisedHuge(startedWith: environment) == Self.offeredOnRequest)
    }

    @Test func aTunableAlreadySetIsLeftAlone() throws {
        let environment = ["GLIBC_TUNABLES": "glibc.malloc.hugetlb=0", "BOLIGSOCIAL_HUGE_PAGES_FROM": "0"]
        #expect(try !Self.heapAdvisedHuge(startedWith: environment))
    }

    @Test func theSwitchLeavesTheHeapAsItIs() throws {
        #expect(
            try !Self.heapAdvisedHuge(startedWith: [
                "BOLIGSOCIAL_NO_HUGE_PAGES": "1", "BOLIGSOCIAL_HUGE_PAGES_FROM": "0",
            ]))
    }
}
