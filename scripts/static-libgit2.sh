#!/usr/bin/env bash
# Prepares DIR so that SwiftPM links libgit2 into the executable: `scripts/static-libgit2.sh DIR`.
#
# DIR/lib gets links to the static archives of libgit2 and of the libraries it uses (Debian's
# libgit2-dev and the -dev packages it depends on ship them), and DIR/pkgconfig/libgit2.pc names them;
# with PKG_CONFIG_PATH=DIR/pkgconfig, CGit2's `-lgit2` finds the archive first. GSSAPI (krb5: Debian has
# no static archive of it) stays a shared library. libstdc++, which the Swift runtime needs, is linked in too.
# Prints DIR; exits 1, saying what is missing, when something is not installed (the caller then links
# libgit2 as a shared library, as a debug build does).
set -euo pipefail

dir=${1:?usage: scripts/static-libgit2.sh DIR}
missing() {
    echo "static-libgit2: $1; linking libgit2 as a shared library" >&2
    exit 1
}

pcfile=
for candidate in "/usr/lib/$(uname -m)-linux-gnu/pkgconfig" /usr/lib64/pkgconfig /usr/lib/pkgconfig \
    /usr/local/lib/pkgconfig; do
    if [ -f "$candidate/libgit2.pc" ]; then
        pcfile="$candidate/libgit2.pc"
        break
    fi
done
[ -n "$pcfile" ] || missing "libgit2.pc not found (install libgit2-dev)"
libdir=$(sed -n 's/^libdir=//p' "$pcfile" | tr -d '"')
includedir=$(sed -n 's/^includedir=//p' "$pcfile" | tr -d '"')
version=$(sed -n 's/^Version: *//p' "$pcfile")
[ -d "$libdir" ] || missing "libgit2's libdir $libdir does not exist"

mkdir -p "$dir/lib" "$dir/pkgconfig"
# In the order a static link needs: each archive before the ones it uses.
archives=(git2 mbedtls mbedx509 mbedcrypto http_parser ssh2 crypto pcre2-8 z)
for name in "${archives[@]}"; do
    [ -f "$libdir/lib$name.a" ] || missing "$libdir/lib$name.a is not installed"
    ln -sfn "$libdir/lib$name.a" "$dir/lib/lib$name.a"
done
gssapi=$(ls "$libdir"/libgssapi_krb5.so.* 2>/dev/null | head -n 1 || true)
[ -n "$gssapi" ] || missing "libgssapi_krb5 is not installed"
ln -sfn "$gssapi" "$dir/lib/libgssapi_krb5.so"
stdcxx=
for cc in "${CC:-}" cc gcc clang; do
    [ -n "$cc" ] && command -v "$cc" >/dev/null || continue
    found=$("$cc" -print-file-name=libstdc++.a 2>/dev/null || true)
    if [ "${found#/}" != "$found" ] && [ -f "$found" ]; then
        stdcxx=$found
        break
    fi
done
[ -n "$stdcxx" ] || missing "libstdc++.a not found"
ln -sfn "$stdcxx" "$dir/lib/libstdc++.a"

libs="-L$dir/lib"
for name in "${archives[@]}"; do libs+=" -l$name"; done
cat >"$dir/pkgconfig/libgit2.pc.tmp" <<PC
Name: libgit2
Description: libgit2 and the libraries it uses, linked statically (scripts/static-libgit2.sh)
Version: $version
Libs: $libs -lgssapi_krb5
Cflags: -I$includedir
PC
mv "$dir/pkgconfig/libgit2.pc.tmp" "$dir/pkgconfig/libgit2.pc"
echo "$dir"
