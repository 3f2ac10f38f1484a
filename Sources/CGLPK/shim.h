// Debian's libglpk-dev ships no pkg-config file; this shim brings in the system header.
#include <glpk.h>

#include <malloc.h>

/// GLPK allocates and frees its working arrays at every solve. Blocks up to `mmap_threshold`
/// bytes come from the heap instead of fresh pages from the kernel, and up to `trim_threshold`
/// bytes of freed heap are kept for the next solve (glibc's mallopt, which Swift's Glibc module
/// does not show).
static inline void boligsocial_keep_freed_memory(int mmap_threshold, int trim_threshold) {
    mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    mallopt(M_TRIM_THRESHOLD, trim_threshold);
}
