# baton: build, test and demo. Every target installs what it needs when missing.
SWIFT ?= swift
SWIFT_FLAGS ?=
BIN := .build/debug/baton

.PHONY: all deps test-deps build release test demo site-demo clean format lint bench bench-deps

all: build

# System packages: libgit2 and git to build and run; the tests' servers and browser only for tests.
deps:
	@bash scripts/install-deps.sh

test-deps:
	@BATON_TEST_DEPS=1 bash scripts/install-deps.sh

build: deps
	$(SWIFT) build $(SWIFT_FLAGS)

# The Swift runtime and Foundation are linked in: the binary starts about twice as fast
# (no dynamic symbol binding of Foundation) and runs without a Swift toolchain installed.
# On Linux it is linked at a fixed address (-no-pie): the loader then has no relocations to apply
# to the 80 MB binary, about 1 ms of every start (docs/PERFORMANCE.md).
ifeq ($(shell uname -s),Linux)
RELEASE_FLAGS ?= --static-swift-stdlib -Xlinker -no-pie
else
RELEASE_FLAGS ?= --static-swift-stdlib
endif

release: deps
	$(SWIFT) build -c release --product baton $(RELEASE_FLAGS) $(SWIFT_FLAGS)

test: deps test-deps
	$(SWIFT) build $(SWIFT_FLAGS)
	$(SWIFT) test $(SWIFT_FLAGS)

demo: build
	@bash scripts/demo.sh $(BIN)

# A demo journal, its dashboard in demo/site, and screenshots in docs/screenshots.
site-demo: build test-deps
	@bash scripts/site-demo.sh $(BIN)

# Benchmarks against the git CLI (docs/PERFORMANCE.md); needs hyperfine, installed only here.
bench-deps:
	@BATON_BENCH_DEPS=1 bash scripts/install-deps.sh

bench: deps bench-deps
	@bash bench/run.sh

# swift-format from the toolchain, with the project's .swift-format (based on swift-argument-parser's).
FORMAT_PATHS := Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive --parallel $(FORMAT_PATHS)

# What CI runs: fails on any finding.
lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

clean:
	rm -rf .build
