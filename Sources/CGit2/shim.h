#ifndef BATON_CGIT2_SHIM_H
#define BATON_CGIT2_SHIM_H

#include <git2.h>

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

#endif
