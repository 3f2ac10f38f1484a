import CProcessSupport

/// How the process's heap keeps what it frees.
public enum FreedMemory {
    /// For a process that solves many times (a sweep, a frontier, the what-if server): GLPK
    /// allocates and frees its working arrays at every solve, and glibc hands blocks above
    /// 128 KB back to the kernel as soon as they are freed. A 1,000-step sweep on a
    /// 1,000-application round took 58,000 page faults and a quarter of its time in the kernel
    /// zeroing fresh pages. Blocks up to 32 MB now come from the heap, and freed memory is kept
    /// for the next solve: 2,500 page faults, 0.59 s to 0.42 s. Call once, before any solve.
    public static func keepBetweenSolves() {
        boligsocial_keep_freed_memory(32 << 20, 1 << 30)
    }
}
