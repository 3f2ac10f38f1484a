// Debian's libglpk-dev ships no pkg-config file; this shim brings in the system header.
#include <glpk.h>
