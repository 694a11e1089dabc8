import Basics
import CGit2

/// Process-wide setup of libgit2. Call `initialize()` once before using any other GitKit type
/// and `shutdown()` when done; the calls are reference counted by libgit2 itself.
public enum GitLibrary {
    /// Initializes libgit2 and turns on fsync of objects and refs, so a commit baton reported survives a crash.
    public static func initialize() {
        GitLibraryWarmUp.shared.wait()
        setUp()
    }

    /// Whether the process-wide settings below were made. libgit2's registries of transports and streams
    /// have no lock of their own: changing them while another thread connects crashes, so they are set
    /// once, and every later call only counts another `git_libgit2_init()`.
    private static let configured = Locked(false)

    static func setUp() {
        configured.withLock { configured in
            if configured {
                _ = git_libgit2_init()
            } else {
                applyProcessWideSettings()
                configured = true
            }
        }
    }

    private static func applyProcessWideSettings() {
        // The CA bundle is parsed on the first HTTPS transfer, not here (see DeferredCertificates).
        DeferredCertificates.whileInitializing { _ = git_libgit2_init() }
        // Every socket libgit2 opens (git://, http(s)://, proxies, ssh) gets a no-progress deadline.
        DeadlineSocketStream.register()
        _ = baton_git_enable_fsync(1)
        // libgit2 re-hashes every object it reads (git does not): on a history walk that reads a
        // 200 KB tasks/ tree per commit, that was two thirds of the time. zlib still checks every
        // object it inflates, objects fetched from a remote are hashed as they are indexed, and
        // `git fsck` verifies the rest.
        _ = baton_git_enable_strict_hash_verification(0)
        // A journal's tasks/ tree is hundreds of kilobytes, and history walks look it up again and again:
        // keep trees up to 1 MB cached, in a cache bounded at 8 MB.
        _ = baton_git_set_cache_object_limit(GIT_OBJECT_TREE, 1 << 20)
        _ = baton_git_set_cache_max_size(8 << 20)
        // Map packs in 1 MB windows, at most 16 MB at a time, so a walk over years of history does not
        // keep every page it touched resident.
        _ = baton_git_set_pack_window_limits(1 << 20, 16 << 20)
        // ssh through the user's own ssh program (and ~/.ssh/config), as git does; libssh2 where there is none.
        SSHExecSubtransport.register()
    }

    /// Loads the CA certificates libgit2's initialization left for later, when `url` may need them
    /// (HTTPS, or HTTP that may redirect there). Called before every transfer.
    static func prepareCertificates(forURL url: String?) throws {
        guard let scheme = url?.lowercased(), scheme.hasPrefix("http"), DeferredCertificates.isPending else { return }
        let status = DeferredCertificates.load()
        // Plain HTTP goes on without them (only a redirect to HTTPS would need them).
        if scheme.hasPrefix("https:") { try check(status, "load the system's CA certificates") }
    }

    /// Releases libgit2's global state; only as the process ends (the transports are registered once).
    public static func shutdown() {
        git_libgit2_shutdown()
    }

    /// Points libgit2's global and XDG config search at `home`, so tests and sandboxes see their own `.gitconfig`.
    public static func setConfigSearchPath(home: String) {
        _ = baton_git_set_search_path(Int32(GIT_CONFIG_LEVEL_GLOBAL.rawValue), home)
    }

    /// The libgit2 version this binary runs with, e.g. "1.5.1".
    public static var version: String {
        var major: Int32 = 0
        var minor: Int32 = 0
        var rev: Int32 = 0
        git_libgit2_version(&major, &minor, &rev)
        return "\(major).\(minor).\(rev)"
    }
}
