# baton: build, test and demo. Every target installs what it needs when missing.
SWIFT ?= swift
SWIFT_FLAGS ?=
BIN := .build/debug/baton

.PHONY: all deps test-deps build release test demo site-demo clean format lint bench bench-quick bench-deps man install \
	uninstall

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
# to the 80 MB binary, about 1 ms of every start (docs/PERFORMANCE.md). scripts/build-release.sh links
# libgit2 and the libraries it uses in as well where their static archives are installed (Debian's are):
# 10 shared libraries to load instead of 20, `--help` in 4 ms instead of 11. BATON_STATIC_LIBGIT2=0: shared.
ifeq ($(shell uname -s),Linux)
RELEASE_FLAGS ?= --static-swift-stdlib -Xlinker -no-pie
else
RELEASE_FLAGS ?= --static-swift-stdlib
endif

release: deps
	SWIFT="$(SWIFT)" bash scripts/build-release.sh .build $(RELEASE_FLAGS) $(SWIFT_FLAGS)

# `make install`: the release binary, the man page and the bash, zsh and fish completion scripts, each
# where its reader looks under PREFIX (bash-completion and fish read $$XDG_DATA_DIRS, /usr/local/share
# among them; zsh's fpath has $(PREFIX)/share/zsh/site-functions). DESTDIR stages the files for a package.
# INSTALL_BIN installs that build of baton instead of building the release one (the install test uses it).
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASH_COMPLETION_DIR ?= $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR ?= $(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR ?= $(PREFIX)/share/fish/vendor_completions.d
INSTALL_BIN ?=
INSTALL_FROM := $(if $(INSTALL_BIN),$(INSTALL_BIN),.build/release/baton)
INSTALLED := $(DESTDIR)$(BINDIR)/baton $(DESTDIR)$(MANDIR)/man1/baton.1 $(DESTDIR)$(BASH_COMPLETION_DIR)/baton \
	$(DESTDIR)$(ZSH_COMPLETION_DIR)/_baton $(DESTDIR)$(FISH_COMPLETION_DIR)/baton.fish

# The man page comes from the command definitions: swift-argument-parser's generate-manual tool reads
# `baton --experimental-dump-help`. The tool is built once, from the checkout SwiftPM resolved, in its own
# build folder (so it never waits for, or rebuilds, baton's). The page is dated by the last commit.
MAN_TOOL_BUILD := .build/tools
MAN_TOOL := $(MAN_TOOL_BUILD)/debug/generate-manual
MAN_DATE ?= $(shell git log -1 --format=%cs 2>/dev/null || date +%F)
# generate-manual keeps the blank lines of a command's discussion, which mdoc warns about: make them `.Pp`.
define generate-man
$(MAN_TOOL) "$(1)" --date $(MAN_DATE) --output-directory "$(2)"
sed 's/^$$/.Pp/' "$(2)/baton.1" > "$(2)/baton.1.tmp" && mv "$(2)/baton.1.tmp" "$(2)/baton.1"
endef

$(MAN_TOOL):
	$(SWIFT) package resolve
	$(SWIFT) build --package-path .build/checkouts/swift-argument-parser --scratch-path $(MAN_TOOL_BUILD) \
		--product generate-manual

# The page alone, from the release binary, in .build/man (read it with `man -l .build/man/baton.1`).
man: release $(MAN_TOOL)
	mkdir -p .build/man
	$(call generate-man,.build/release/baton,.build/man)

install: $(if $(INSTALL_BIN),,release) $(MAN_TOOL)
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)/man1" "$(DESTDIR)$(BASH_COMPLETION_DIR)" \
		"$(DESTDIR)$(ZSH_COMPLETION_DIR)" "$(DESTDIR)$(FISH_COMPLETION_DIR)"
	install -m 755 "$(INSTALL_FROM)" "$(DESTDIR)$(BINDIR)/baton"
	$(call generate-man,$(DESTDIR)$(BINDIR)/baton,$(DESTDIR)$(MANDIR)/man1)
	chmod 644 "$(DESTDIR)$(MANDIR)/man1/baton.1"
	"$(DESTDIR)$(BINDIR)/baton" --generate-completion-script bash > "$(DESTDIR)$(BASH_COMPLETION_DIR)/baton"
	"$(DESTDIR)$(BINDIR)/baton" --generate-completion-script zsh > "$(DESTDIR)$(ZSH_COMPLETION_DIR)/_baton"
	"$(DESTDIR)$(BINDIR)/baton" --generate-completion-script fish > "$(DESTDIR)$(FISH_COMPLETION_DIR)/baton.fish"
	@echo "installed: $(INSTALLED)"

uninstall:
	rm -f $(INSTALLED)

# The install test runs `make install`: its man page tool is built here, before the tests, not under one.
test: deps test-deps $(MAN_TOOL)
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

# `make bench`: every shape of journal and clone (docs/PERFORMANCE.md), in under 20 minutes once the
# journals are generated; bench/run.sh builds the release binary with these flags in .build-bench.
bench: deps bench-deps
	@BENCH_RELEASE_FLAGS="$(RELEASE_FLAGS)" bash bench/run.sh

# The bench's own smoke test (CI): the small journal fresh and after `git reset --hard`, 3 runs, every
# command once through the whole pipeline and the tables. It fails when the bench breaks (a command
# failed, a row or a table is missing), never on the numbers. It times the binary `make release` built.
BENCH_BIN ?= .build/release/baton
bench-quick: deps bench-deps release
	@BENCH_QUICK=1 BENCH_BIN="$(BENCH_BIN)" bash bench/run.sh

# swift-format from the toolchain, with the project's .swift-format (based on swift-argument-parser's).
FORMAT_PATHS := Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive --parallel $(FORMAT_PATHS)

# What CI runs: fails on any finding.
lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

clean:
	rm -rf .build
