// Debian's libglpk-dev ships no pkg-config file; this shim only brings in the system header.
#include <glpk.h>
