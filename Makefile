# Set-up and everyday commands. `make run` and `make test` work on a fresh Debian machine:
# they install what is missing (as root, or with sudo), build, and run.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup setup-test build run test lint format release bench fuzz clean

# Debian packages: GLPK and libxlsxwriter to build; Chromium and openpyxl (for Debian's python3)
# for the tests that open the HTML report in a real browser and read the XLSX back; chromium-driver
# and python3-selenium for the test that works the what-if page of `serve` in the browser;
# poppler-utils (pdftotext) to read back what a printed page holds.
BUILD_PACKAGES = libglpk-dev libxlsxwriter-dev
TEST_PACKAGES = chromium chromium-driver python3-openpyxl python3-selenium poppler-utils

setup:
	@missing=""; for p in $(BUILD_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

setup-test: setup
	@missing=""; for p in $(TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: setup
	$(SWIFT) build

run: build
	$(SWIFT) run boligsocial solve Scenarios/baseline.toml

test: setup-test lint
	$(SWIFT) build
	$(SWIFT) test

# The project's style (.swift-format, docs/architecture.md): `make lint` checks it, as `make test`
# does first; `make format` applies it.
lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests

format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests

# The release binary carries the Swift runtime inside (--static-swift-stdlib): it runs on a
# machine without Swift and starts in about 6 ms instead of 10 (no dynamic loading of
# the runtime's libraries; `--version` measured 5.7 ms against 9.6 ms), which is most of what a
# small round costs.
release: setup
	$(SWIFT) build -c release --static-swift-stdlib

# Benchmarks (ordo-one/benchmark) in their own package, so `make test` never builds them.
bench: setup
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

# libFuzzer on the loaders and the whole `validate` path (InputCheck), in its own package (Fuzz/)
# built with -sanitize=fuzzer,address; seeds in Fuzz/seeds, what it learns in Fuzz/corpus, a
# finding as Fuzz/crash-*. Leak reports are off: TOMLKit leaks ~100 bytes per TOML syntax error.
FUZZ_SECONDS ?= 600
fuzz: setup
	cd Fuzz && $(SWIFT) build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
	mkdir -p Fuzz/corpus
	cd Fuzz && ASAN_OPTIONS=detect_leaks=0 .build/debug/boligsocial-fuzz corpus seeds \
		-max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1

clean:
	rm -rf .build
