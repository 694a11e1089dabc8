# baton: build, test and demo. Every target installs what it needs when missing.
SWIFT ?= swift
SWIFT_FLAGS ?=
BIN := .build/debug/baton

.PHONY: all deps build release test demo site-demo clean format

all: build

# System packages: libgit2 for the product; git, openssh-server and friends for the tests.
deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build $(SWIFT_FLAGS)

release: deps
	$(SWIFT) build -c release $(SWIFT_FLAGS)

test: deps
	$(SWIFT) build $(SWIFT_FLAGS)
	$(SWIFT) test $(SWIFT_FLAGS)

demo: build
	@bash scripts/demo.sh $(BIN)

# A demo journal, its dashboard in demo/site, and screenshots in docs/screenshots.
site-demo: build
	@bash scripts/site-demo.sh $(BIN)

clean:
	rm -rf .build
