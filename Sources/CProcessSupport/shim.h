// glibc's mallopt, which Swift's Glibc module does not show.
#include <malloc.h>

/// Blocks up to `mmap_threshold` bytes come from the heap instead of fresh pages from the kernel,
/// and up to `trim_threshold` bytes of freed heap are kept for the next use.
static inline void boligsocial_keep_freed_memory(int mmap_threshold, int trim_threshold) {
    mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    mallopt(M_TRIM_THRESHOLD, trim_threshold);
}
