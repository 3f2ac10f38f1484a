// Debian's libxlsxwriter-dev: the C library that writes XLSX workbooks.
#include <xlsxwriter.h>

#include <sys/syscall.h>
#include <unistd.h>

/// An anonymous file that lives in memory only (Linux's memfd_create, called through syscall
/// because the C library's wrapper is not visible to Swift): the workbook the what-if server
/// hands to the browser is written into one, so the server names and leaves no file. -1 on error.
static inline int boligsocial_memory_file(const char *name) {
    return (int)syscall(SYS_memfd_create, name, 0);
}
