import Foundation
import Testing

/// The process asks for huge pages for its heap by starting itself again with
/// `glibc.malloc.hugetlb=1` added to `GLIBC_TUNABLES` when the kernel offers them on request. Seen
/// where it matters: the heap mapping of a running `serve` process carries the kernel's huge-page
/// advice (`hg` among its flags in /proc/PID/smaps).
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

    @Test func theHeapAsksForHugePagesWhenTheKernelOffersThem() throws {
        #expect(try Self.heapAdvisedHuge(startedWith: [:]) == Self.offeredOnRequest)
    }

    @Test func otherTunablesAreKept() throws {
        #expect(
            try Self.heapAdvisedHuge(startedWith: ["GLIBC_TUNABLES": "glibc.malloc.arena_max=2"])
                == Self.offeredOnRequest)
    }

    @Test func aTunableAlreadySetIsLeftAlone() throws {
        #expect(try !Self.heapAdvisedHuge(startedWith: ["GLIBC_TUNABLES": "glibc.malloc.hugetlb=0"]))
    }

    @Test func theSwitchLeavesTheHeapAsItIs() throws {
        #expect(try !Self.heapAdvisedHuge(startedWith: ["BOLIGSOCIAL_NO_HUGE_PAGES": "1"]))
    }
}
