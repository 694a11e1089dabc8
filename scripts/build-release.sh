#!/usr/bin/env bash
# Builds the release binary: `scripts/build-release.sh SCRATCH [swift build flags...]` (`make release`,
# and bench/run.sh in its own scratch folder).
#
# On Linux, libgit2 and the libraries it uses are linked into the executable when their static archives
# are installed (scripts/static-libgit2.sh): the loader then opens 10 shared libraries instead of 20, and
# `baton --help` starts in about 4 ms instead of 11 (docs/PERFORMANCE.md). GitKit then takes mbedTLS's
# certificate-file parser over with the linker's --wrap (BATON_STATIC_LIBGIT2, DeferredCertificates.swift)
# instead of by interposition. BATON_STATIC_LIBGIT2=0 links them as shared libraries.
set -euo pipefail

scratch=${1:?usage: scripts/build-release.sh SCRATCH [swift build flags...]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
export BATON_STATIC_LIBGIT2=${BATON_STATIC_LIBGIT2:-1}
if [ "$(uname -s)" = Linux ] && [ "$BATON_STATIC_LIBGIT2" = 1 ] &&
    dir=$(bash "$root/scripts/static-libgit2.sh" "$(cd "$root" && mkdir -p "$scratch" && cd "$scratch" && pwd)/static-libgit2"); then
    export PKG_CONFIG_PATH="$dir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
    set -- "$@" -Xlinker --wrap=mbedtls_x509_crt_parse_file
else
    export BATON_STATIC_LIBGIT2=0
fi
cd "$root"
exec "${SWIFT:-swift}" build -c release --product baton --scratch-path "$scratch" "$@"
