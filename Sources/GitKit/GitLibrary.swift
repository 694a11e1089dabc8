import CGit2

/// Process-wide setup of libgit2. Call `initialize()` once before using any other GitKit type
/// and `shutdown()` when done; the calls are reference counted by libgit2 itself.
public enum GitLibrary {
    /// Initializes libgit2 and turns on fsync of objects and refs, so a commit baton reported survives a crash.
    public static func initialize() {
        GitLibraryWarmUp.shared.wait()
        setUp()
    }

    static func setUp() {
        git_libgit2_init()
        _ = baton_git_enable_fsync(1)
        _ = baton_git_enable_strict_hash_verification(1)
        // A journal's tasks/ tree is hundreds of kilobytes, and history walks look it up again and again:
        // keep trees up to 1 MB cached, in a cache bounded at 32 MB so memory stays low.
        _ = baton_git_set_cache_object_limit(GIT_OBJECT_TREE, 1 << 20)
        _ = baton_git_set_cache_max_size(32 << 20)
    }

    /// Releases libgit2's global state.
    public static func shutdown() {
        git_libgit2_shutdown()
    }

    /// Points libgit2's global and XDG config search at `home`, so tests and sandboxes see their own `.gitconfig`.
    public static func setConfigSearchPath(home: String) {
        _ = baton_git_set_search_path(Int32(GIT_CONFIG_LEVEL_GLOBAL.rawValue), home)
    }

    /// The libgit2 version this binary runs with, e.g. "1.5.1".
    public static var version: String {
        var major: Int32 = 0, minor: Int32 = 0, rev: Int32 = 0
        git_libgit2_version(&major, &minor, &rev)
        return "\(major).\(minor).\(rev)"
    }
}
