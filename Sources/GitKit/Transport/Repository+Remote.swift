import Basics
import CGit2
import Foundation

extension Repository {
    /// The URL of a remote, or nil when there is no such remote.
    public func remoteURL(_ name: String = "origin") throws -> String? {
        var remote: OpaquePointer?
        let status = git_remote_lookup(&remote, pointer, name)
        if status == GIT_ENOTFOUND.rawValue || status == GIT_EINVALIDSPEC.rawValue { return nil }
        try check(status, "read remote \(name)")
        defer { git_remote_free(remote) }
        return git_remote_url(remote).map { String(cString: $0) }
    }

    /// Adds a remote with git's default fetch refspec.
    public func addRemote(_ name: String, url: String) throws {
        var remote: OpaquePointer?
        do {
            try check(git_remote_create(&remote, pointer, name, url), "add remote \(name)")
        } catch let error as GitError {
            throw error.redacting(url: url, secrets: [])
        }
        git_remote_free(remote)
    }

    /// Downloads new commits from a remote and updates its `refs/remotes/<name>/*`.
    public func fetch(remote name: String = "origin", options: TransferOptions = TransferOptions()) throws {
        try withRemote(name, pushing: false, options: options) { remote, state in
            var opts = git_fetch_options()
            try check(git_fetch_options_init(&opts, UInt32(GIT_FETCH_OPTIONS_VERSION)), "fetch options")
            state.install(into: &opts.callbacks)
            state.install(into: &opts.proxy_opts)
            opts.prune = GIT_FETCH_PRUNE
            try state.transfer { try check(git_remote_fetch(remote, nil, &opts, "fetch"), "fetch from \(name)") }
        }
    }

    /// Runs `body` with the remote `name` and the callback state for its fetch URL (or push URL, for a
    /// push), the certificate locations already set; frees the remote afterwards.
    private func withRemote(
        _ name: String, pushing: Bool, options: TransferOptions, _ body: (OpaquePointer, CallbackState) throws -> Void
    ) throws {
        let remote = try lookupRemote(name)
        defer { git_remote_free(remote) }
        let url = ((pushing ? git_remote_pushurl(remote) : nil) ?? git_remote_url(remote)).map { String(cString: $0) }
        let state = CallbackState(options: options, url: url, repository: pointer, remote: name)
        try state.prepareTrust()
        try body(remote, state)
    }

    /// Pushes `refspecs` (e.g. "refs/heads/main:refs/heads/main"). Throws a `.nonFastForward` error when the
    /// remote moved on, and a `.rejected` one when the server refused the update.
    public func push(remote name: String = "origin", refspecs: [String], options: TransferOptions = TransferOptions())
        throws
    {
        try withRemote(name, pushing: true, options: options) { remote, state in
            var opts = git_push_options()
            try check(git_push_options_init(&opts, UInt32(GIT_PUSH_OPTIONS_VERSION)), "push options")
            state.install(into: &opts.callbacks)
            state.install(into: &opts.proxy_opts)
            try state.transfer {
                try StringArray(refspecs).withStrArray { specs in
                    try check(git_remote_push(remote, &specs, &opts), "push to \(name)")
                }
            }
            if !state.rejections.isEmpty {
                let text = state.rejections.joined(separator: "; ")
                let nonFastForward = text.contains("non-fast-forward") || text.contains("fetch first")
                throw GitError(
                    operation: "push to \(name)",
                    code: nonFastForward ? GIT_ENONFASTFORWARD.rawValue : GIT_EMODIFIED.rawValue,
                    errorClass: 0, message: "the remote refused the update (\(text))")
            }
        }
    }

    /// Clones `url` into `path` and checks out its default branch.
    public static func clone(url: String, to path: String, options: TransferOptions = TransferOptions()) throws
        -> Repository
    {
        let state = CallbackState(options: options, url: url)
        try state.prepareTrust()
        var opts = git_clone_options()
        try check(git_clone_options_init(&opts, UInt32(GIT_CLONE_OPTIONS_VERSION)), "clone options")
        state.install(into: &opts.fetch_opts.callbacks)
        state.install(into: &opts.fetch_opts.proxy_opts)
        var repo: OpaquePointer?
        try state.transfer { try check(git_clone(&repo, url, path, &opts), "clone \(RemoteAddress.redacted(url))") }
        let repository = Repository(pointer: repo!)
        let shown = RemoteAddress.redacted(url)
        if shown != url { try repository.replaceInReflogs(url, with: shown) }
        return repository
    }

    /// Sets `branch`'s upstream to `remote`'s branch of the same name in local config.
    public func setUpstream(branch: String, remote: String = "origin") throws {
        try setLocalConfig("branch.\(branch).remote", remote)
        try setLocalConfig("branch.\(branch).merge", "refs/heads/\(branch)")
    }

    private func lookupRemote(_ name: String) throws -> OpaquePointer {
        var remote: OpaquePointer?
        try check(git_remote_lookup(&remote, pointer, name), "find remote \(name)")
        return remote!
    }
}
