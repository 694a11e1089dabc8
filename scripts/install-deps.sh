#!/usr/bin/env bash
# Installs the system packages baton and its tests need, when they are missing.
# Safe to run again: it does nothing when everything is there.
set -euo pipefail

need=()
pkg-config --exists libgit2 2>/dev/null || need+=(libgit2-dev pkg-config)
command -v git >/dev/null 2>&1 || need+=(git)
# `make bench` and `make bench-quick` (CI) only: the timing tool and what the bench driver runs.
if [ "${BATON_BENCH_DEPS:-0}" = 1 ]; then
    command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
    [ -x /usr/bin/time ] || need+=(time)
    command -v python3 >/dev/null 2>&1 || need+=(python3)
    command -v strace >/dev/null 2>&1 || need+=(strace) # bench/physical.py counts what each command reads and writes
    command -v free >/dev/null 2>&1 || need+=(procps)
fi
# `make test` and `make site-demo` only (BATON_TEST_DEPS=1): what the tests run beside baton.
if [ "${BATON_TEST_DEPS:-0}" = 1 ]; then
    # Integration tests: sshd and ssh-keygen for the ssh transport, Python 3 for the smart-HTTP test server.
    [ -x /usr/sbin/sshd ] || need+=(openssh-server)
    command -v ssh-keygen >/dev/null 2>&1 || need+=(openssh-client)
    # The system-ssh tests: the OpenSSH client and agent, run in a mount namespace (util-linux's unshare, setsid).
    { command -v ssh && command -v ssh-agent && command -v ssh-add; } >/dev/null 2>&1 || need+=(openssh-client)
    { command -v unshare && command -v setsid; } >/dev/null 2>&1 || need+=(util-linux)
    command -v python3 >/dev/null 2>&1 || need+=(python3)
    # HTTPS tests: nginx + fcgiwrap in front of git http-backend, a throwaway CA made with openssl.
    [ -x /usr/sbin/nginx ] || need+=(nginx-light)
    [ -x /usr/sbin/fcgiwrap ] || need+=(fcgiwrap)
    command -v openssl >/dev/null 2>&1 || need+=(openssl)
    # Dashboard tests and `make site-demo`: headless Chromium opens the generated pages and measures the
    # response-window charts (drawn with no script); a font for the charts' text and the screenshots.
    command -v chromium >/dev/null 2>&1 || need+=(chromium)
    [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
    # The install test: `man -l` renders the page; bash (through bash-completion's loader), zsh and fish
    # load the completion scripts `make install` put where they look.
    command -v man >/dev/null 2>&1 || need+=(man-db)
    [ -e /usr/share/bash-completion/bash_completion ] || need+=(bash-completion)
    command -v zsh >/dev/null 2>&1 || need+=(zsh)
    command -v fish >/dev/null 2>&1 || need+=(fish)
fi

if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; else SUDO=; fi
    echo "installing: ${need[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
