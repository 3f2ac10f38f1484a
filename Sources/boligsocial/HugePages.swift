#if canImport(Glibc)
    import Glibc
#endif

/// Huge pages for the heap. A round of a million applications holds 2.7 GB, read at random by
/// every stage; with 4 KB pages the processor's address translation covers a few megabytes of it.
/// glibc backs its heap with the kernel's transparent huge pages (2 MB) when its
/// `glibc.malloc.hugetlb=1` tunable is set, and reads tunables only as a process starts: measured
/// on the 2-core machine, 7–15 % off a million-application `solve`, nothing either way at 100,000.
/// So when the kernel offers huge pages on request (`madvise` in
/// /sys/kernel/mm/transparent_hugepage/enabled) and the tunable is not set yet, the process
/// starts itself again, once, with it added to `GLIBC_TUNABLES`: same program, arguments, process
/// id and everything else. `BOLIGSOCIAL_NO_HUGE_PAGES=1` leaves the heap as it is; if the new
/// start fails, the process goes on as it was.
enum HugePages {
    static let tunable = "glibc.malloc.hugetlb=1"

    static func restartWithHugePagesIfOffered() {
        guard getenv("BOLIGSOCIAL_NO_HUGE_PAGES") == nil, kernelOffersOnRequest() else { return }
        let current = getenv("GLIBC_TUNABLES").map { String(cString: $0) }
        if let current, current.contains("glibc.malloc.hugetlb") { return }
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
}
