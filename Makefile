# Set-up and everyday commands. `make run` and `make test` work on a fresh Debian machine:
# they install what is missing (as root, or with sudo), build, and run.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup build run test release bench clean

setup:
	@if [ ! -f /usr/include/glpk.h ]; then \
		echo "Installing libglpk-dev (GLPK's C library and header)"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libglpk-dev; \
	fi

build: setup
	$(SWIFT) build

run: build
	$(SWIFT) run boligsocial solve Scenarios/baseline.toml

test: setup
	$(SWIFT) build
	$(SWIFT) test

release: setup
	$(SWIFT) build -c release

# Benchmarks (ordo-one/benchmark) in their own package, so `make test` never builds them.
bench: setup
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

clean:
	rm -rf .build
