import CGit2
import Foundation

/// An open git repository with a work tree. Owns its libgit2 handle; use from one thread at a time.
public final class Repository {
    let pointer: OpaquePointer
    /// The index as last parsed, for the checks (`unreadableIndexFeature`, `indexHasConflicts`), the
    /// work-tree scan and the splice: read once while the file on disk stays the same.
    public let indexFileCache = IndexFileCache()

    init(pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_repository_free(pointer) }

    /// Opens the repository whose work tree (or `.git`) is exactly `path`.
    public static func open(at path: String) throws -> Repository {
        var repo: OpaquePointer?
        try check(
            git_repository_open_ext(&repo, path, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil),
            "open repository at \(path)")
        return Repository(pointer: repo!)
    }

    /// Finds the work tree root of the repository containing `path`, searching upward; nil when there is none.
    public static func discoverWorkTree(from path: String) -> String? {
        var repo: OpaquePointer?
        guard git_repository_open_ext(&repo, path, 0, nil) == 0, let repo else { return nil }
        defer { git_repository_free(repo) }
        guard let wd = git_repository_workdir(repo) else { return nil }
        return String(String(cString: wd).dropLast(while: { $0 == "/" }))
    }

    /// Creates a new non-bare repository at `path` whose first branch is `initialBranch`.
    public static func create(at path: String, initialBranch: String = "main") throws -> Repository {
        try initialize(
            at: path, initialBranch: initialBranch, flags: GIT_REPOSITORY_INIT_NO_REINIT.rawValue, what: "repository")
    }

    /// Creates a bare repository (used by tests and demos as a remote).
    public static func createBare(at path: String, initialBranch: String = "main") throws -> Repository {
        try initialize(
            at: path, initialBranch: initialBranch, flags: GIT_REPOSITORY_INIT_BARE.rawValue, what: "bare repository")
    }

    private static func initialize(at path: String, initialBranch: String, flags: UInt32, what: String) throws
        -> Repository
    {
        var opts = git_repository_init_options()
        try check(git_repository_init_options_init(&opts, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)), "init options")
        opts.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | flags
        var repo: OpaquePointer?
        try initialBranch.withCString { branch in
            opts.initial_head = branch
            try check(git_repository_init_ext(&repo, path, &opts), "create \(what) at \(path)")
        }
        return Repository(pointer: repo!)
    }

    /// The work tree root, without a trailing slash.
    public var workTree: String {
        guard let wd = git_repository_workdir(pointer) else { return gitDirectory }
        return String(String(cString: wd).dropLast(while: { $0 == "/" }))
    }

    /// The `.git` folder, without a trailing slash.
    public var gitDirectory: String {
        String(String(cString: git_repository_path(pointer)).dropLast(while: { $0 == "/" }))
    }

    /// True while a merge, rebase or similar operation started by another tool is in progress.
    public var hasOperationInProgress: Bool {
        git_repository_state(pointer) != Int32(GIT_REPOSITORY_STATE_NONE.rawValue)
    }

    /// Clears a leftover MERGE_HEAD and similar state files.
    public func cleanupState() throws {
        try check(git_repository_state_cleanup(pointer), "clean up repository state")
    }
}

extension String {
    func dropLast(while predicate: (Character) -> Bool) -> Substring {
        var s = Substring(self)
        while let last = s.last, predicate(last), s.count > 1 { s = s.dropLast() }
        return s
    }
}
