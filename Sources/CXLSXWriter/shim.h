// Debian's libxlsxwriter-dev: the C library that writes XLSX workbooks.
#include <xlsxwriter.h>
