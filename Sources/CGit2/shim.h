#ifndef BATON_CGIT2_SHIM_H
#define BATON_CGIT2_SHIM_H

#include <git2.h>
#include <git2/sys/transport.h>
#include <git2/sys/stream.h>
#include <git2/sys/credential.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>

// git_libgit2_opts is C-variadic and does not import into Swift;
// these wrappers expose the few options baton sets.

static inline int baton_git_enable_fsync(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}

static inline int baton_git_enable_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

static inline int baton_git_set_search_path(int level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}

// Objects of `type` up to `size` bytes stay in libgit2's object cache (trees: 4 KB by default, so a
// large folder's tree was inflated and parsed again on every lookup).
static inline int baton_git_set_cache_object_limit(git_object_t type, size_t size) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, size);
}

// The object cache's total size (256 MB by default).
static inline int baton_git_set_cache_max_size(ssize_t size) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, size);
}

// How much of the pack files libgit2 keeps mapped, and in windows of what size (1 GB windows and an
// 8 GB limit by default on 64-bit systems: every page a history walk touches stays resident).
static inline int baton_git_set_pack_window_limits(size_t window_size, size_t mapped_limit) {
    int error = git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, window_size);
    return error ? error : git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, mapped_limit);
}

// Loads the CA certificates in `file` for HTTPS (mbedTLS and OpenSSL builds).
static inline int baton_git_set_ssl_cert_file(const char *file) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, (const char *)0);
}

// Trusts the CA certificates in `file` and/or the hashed folder `path` instead of the ones loaded before.
static inline int baton_git_set_ssl_cert_locations(const char *file, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}

// mbedTLS's own certificate-file parser where libgit2 is linked into the executable with
// `--wrap=mbedtls_x509_crt_parse_file` (the linker defines `__real_`); only that build calls it.
int __real_mbedtls_x509_crt_parse_file(void *chain, const char *path);
static inline int baton_real_mbedtls_x509_crt_parse_file(void *chain, const char *path) {
    return __real_mbedtls_x509_crt_parse_file(chain, path);
}

// Starts writing `fd`'s unwritten data to the disk without waiting for it (Linux's `sync_file_range`,
// declared as glibc does, which exposes it only to _GNU_SOURCE builds); elsewhere does nothing.
#ifdef __linux__
#include <sys/types.h>
extern int sync_file_range(int fd, __off64_t offset, __off64_t count, unsigned int flags);
static inline int baton_start_writeback(int fd) {
    return sync_file_range(fd, 0, 0, 2 /* SYNC_FILE_RANGE_WRITE */);
}
#else
static inline int baton_start_writeback(int fd) {
    (void)fd;
    return 0;
}
#endif

#endif
