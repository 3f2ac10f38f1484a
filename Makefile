# Set-up and everyday commands. `make run` and `make test` work on a fresh Debian machine:
# they install what is missing (as root, or with sudo), build, and run.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup setup-test build run test release bench clean

# Debian packages: GLPK and libxlsxwriter to build; Chromium and openpyxl (for Debian's python3)
# for the tests that open the HTML report in a real browser and read the XLSX back.
BUILD_PACKAGES = libglpk-dev libxlsxwriter-dev
TEST_PACKAGES = chromium python3-openpyxl

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

test: setup-test
	$(SWIFT) build
	$(SWIFT) test

release: setup
	$(SWIFT) build -c release

# Benchmarks (ordo-one/benchmark) in their own package, so `make test` never builds them.
bench: setup
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

clean:
	rm -rf .build
