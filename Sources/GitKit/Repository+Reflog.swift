import CGit2

extension Repository {
    /// Rewrites every reflog message that contains `secret` with `replacement` in its place, keeping
    /// each entry's ids and identity. libgit2's clone writes the remote's full URL, credentials included,
    /// into the reflogs it creates; git itself writes the URL without them.
    public func replaceInReflogs(_ secret: String, with replacement: String) throws {
        guard !secret.isEmpty, secret != replacement else { return }
        for name in try referenceNames(under: "") + ["HEAD"] {
            try rewriteReflog(of: name) { $0.replacingOccurrences(of: secret, with: replacement) }
        }
    }

    private func rewriteReflog(of name: String, _ transform: (String) -> String) throws {
        var reflog: OpaquePointer?
        try check(git_reflog_read(&reflog, pointer, name), "read the reflog of \(name)")
        defer { git_reflog_free(reflog) }
        let count = git_reflog_entrycount(reflog)
        guard count > 0 else { return }
        // Entries come newest first; keep them oldest first to append them again in order.
        var entries: [(id: git_oid, committer: UnsafeMutablePointer<git_signature>, message: String?)] = []
        defer { for entry in entries { git_signature_free(entry.committer) } }
        var changed = false
        for index in stride(from: count - 1, through: 0, by: -1) {
            guard let entry = git_reflog_entry_byindex(reflog, index) else { continue }
            var copy: UnsafeMutablePointer<git_signature>?
            try check(git_signature_dup(&copy, git_reflog_entry_committer(entry)), "copy a reflog identity")
            let message = git_reflog_entry_message(entry).map { String(cString: $0) }
            let rewritten = message.map(transform)
            if rewritten != message { changed = true }
            entries.append((git_reflog_entry_id_new(entry).pointee, copy!, rewritten))
        }
        guard changed else { return }
        for _ in 0..<count { try check(git_reflog_drop(reflog, 0, 0), "rewrite the reflog of \(name)") }
        for entry in entries {
            var id = entry.id
            try check(git_reflog_append(reflog, &id, entry.committer, entry.message), "rewrite the reflog of \(name)")
        }
        try check(git_reflog_write(reflog), "write the reflog of \(name)")
    }
}
