#if canImport(Glibc)
    import Glibc
#endif

/// Huge pages for the heap of a large round. A round of a million applications holds 2.7 GB, read
/// at random by every stage; with 4 KB pages the processor's address translation covers a few
/// megabytes of it. glibc backs its heap with the kernel's transparent huge pages (2 MB) when its
/// `glibc.malloc.hugetlb=1` tunable is set, and reads tunables only as a process starts: measured
/// on the 2-core machine, 7–15 % off a million-application `solve`, nothing measurable at 100,000
/// (docs/commands.md, Environment). So when the kernel offers huge pages on request (`madvise` in
/// /sys/kernel/mm/transparent_hugepage/enabled), the tunable is not set yet, and the command loads
/// a round at least `threshold` bytes large, the process starts itself again, once, with the
/// tunable added to `GLIBC_TUNABLES`: same program, arguments, process id and everything else. The
/// new start costs about 15 ms, as much as a whole small round, so a small round never pays it.
///
/// `BOLIGSOCIAL_NO_HUGE_PAGES=1` leaves the heap as it is; `BOLIGSOCIAL_HUGE_PAGES_FROM=BYTES`
/// sets the threshold. If the new start fails, the process goes on as it was.
public enum HugePages {
    static let tunable = "glibc.malloc.hugetlb=1"

    /// The size of a round's applications file from which a new start pays (bytes): 200 MB, about
    /// 900,000 applications as `generate` writes them.
    public static let defaultThreshold = 200_000_000

    /// The threshold in force: `BOLIGSOCIAL_HUGE_PAGES_FROM` when it is a whole number of bytes.
    static var threshold: Int {
        getenv("BOLIGSOCIAL_HUGE_PAGES_FROM").flatMap { Int(String(cString: $0)) }.map { max(0, $0) }
            ?? defaultThreshold
    }

    /// Starts the process again with huge pages when they are offered and not yet asked for, and
    /// `roundBytes` (asked only then: how large a round this command loads, 0 for none) reaches
    /// the threshold.
    public static func restartIfWorthIt(roundBytes: () -> Int) {
        guard getenv("BOLIGSOCIAL_NO_HUGE_PAGES") == nil, kernelOffersOnRequest() else { return }
        let current = getenv("GLIBC_TUNABLES").map { String(cString: $0) }
        if let current, current.contains("glibc.malloc.hugetlb") { return }
        let limit = threshold
        guard limit == 0 || roundBytes() >= limit else { return }
        setenv("GLIBC_TUNABLES", current.map { $0 + ":" + tunable } ?? tunable, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Still here: the new start failed. Go on without, leaving the environment as it was.
        if let current { setenv("GLIBC_TUNABLES", current, 1) } else { unsetenv("GLIBC_TUNABLES") }
    }

    /// Whether the kernel's transparent huge pages are in `madvise` mode (with `always` every
    /// large heap gets them anyway; with `never` none can).
    static func kernelOffersOnRequest() -> Bool {
        guard let file = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r") else { return false }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 128)
        guard fgets(&line, Int32(line.count), file) != nil else { return false }
        return String(cString: line).contains("[madvise]")
    }

    /// The size of a file in bytes (0 when it cannot be read).
    public static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}
