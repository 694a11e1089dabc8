#!/usr/bin/env bash
# Checks the binary `make release` built (`scripts/check-release.sh BIN`; .ci/run runs it): on Linux with
# libgit2's static archives installed, libgit2 and the libraries it uses are linked in (none of them is
# among its shared libraries), and libgit2's start still leaves the CA bundle unread (DeferredCertificates:
# the linker's --wrap sends mbedTLS's certificate-file parser to baton; without it the bundle is parsed
# on every run, about 9 ms). Needs strace.
set -euo pipefail

bin=${1:?usage: scripts/check-release.sh BIN}
root=$(cd "$(dirname "$0")/.." && pwd)
[ "$(uname -s)" = Linux ] || exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! bash "$root/scripts/static-libgit2.sh" "$tmp/static-libgit2" >/dev/null 2>&1; then
    echo "check-release: libgit2's static archives are not installed; nothing to check"
    exit 0
fi
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p')
for lib in libgit2 libssh2 libmbedtls libmbedx509 libmbedcrypto libcrypto libhttp_parser libpcre2 libz libstdc++; do
    if grep -q "^$lib\." <<<"$needed"; then
        echo "check-release: $bin loads $lib as a shared library; scripts/build-release.sh links it in" >&2
        exit 1
    fi
done
mkdir "$tmp/journal"
# Any command that needs a journal starts libgit2 (and waits for it before it exits), even where there is none.
status=0
strace -f -qq -e trace=open,openat -o "$tmp/trace" "$bin" -C "$tmp/journal" status >/dev/null 2>&1 || status=$?
[ "$status" -eq 78 ] || { echo "check-release: baton status outside a journal exited $status, not 78" >&2; exit 1; }
if grep -E '/etc/ssl|\.crt"|\.pem"' "$tmp/trace"; then
    echo "check-release: libgit2's start read the CA bundle: the certificate deferral is not linked in" >&2
    exit 1
fi
echo "check-release: $bin: libgit2 linked in ($(wc -l <<<"$needed") shared libraries), CA bundle deferred"
