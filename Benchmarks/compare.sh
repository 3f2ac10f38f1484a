#!/usr/bin/env bash
# boligsocial against glpsol and HiGHS in one run on this machine (Benchmarks/compare.py does the
# measuring). Installs what is missing: glpk-utils (glpsol) from Debian, highspy, XlsxWriter and
# openpyxl from PyPI; builds the release binary. Options go to compare.py, e.g. --sizes 10000 --repeat 1.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
if ! command -v glpsol >/dev/null; then
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq glpk-utils
fi
python3 -c "import highspy" 2>/dev/null || python3 -m pip install --quiet highspy
# XlsxWriter and openpyxl write the workbooks for the workbook-against-CSV lines.
python3 -c "import xlsxwriter" 2>/dev/null || python3 -m pip install --quiet XlsxWriter
python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install --quiet openpyxl
make release >/dev/null
exec python3 Benchmarks/compare.py "$@"
