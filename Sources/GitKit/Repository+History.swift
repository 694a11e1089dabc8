import CGit2

extension Repository {
    /// The best common ancestor of two commits, or nil when their histories are unrelated.
    public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws -> ObjectID? {
        var out = git_oid()
        var one = a.raw
        var two = b.raw
        let status = git_merge_base(&out, pointer, &one, &two)
        if status == GIT_ENOTFOUND.rawValue { return nil }
        try check(status, "find common ancestor")
        return ObjectID(out)
    }

    /// True when `commit` has `ancestor` in its history (or is it).
    public func isAncestor(_ ancestor: ObjectID, of commit: ObjectID) throws -> Bool {
        if ancestor == commit { return true }
        var c = commit.raw
        var a = ancestor.raw
        let status = git_graph_descendant_of(pointer, &c, &a)
        try check(status, "compare histories")
        return status == 1
    }

    /// How many commits `local` has that `upstream` lacks, and the reverse.
    public func aheadBehind(local: ObjectID, upstream: ObjectID) throws -> (ahead: Int, behind: Int) {
        var ahead = 0
        var behind = 0
        var l = local.raw
        var u = upstream.raw
        try check(git_graph_ahead_behind(&ahead, &behind, pointer, &l, &u), "count commits")
        return (ahead, behind)
    }

    /// Commits reachable from `from` but not from any of `hiding`, newest first (or oldest first with `reverse`).
    /// `body` returns false to stop early.
    /// With `topological` false, commits come newest first by commit time without waiting for the whole
    /// graph to be read, so a walk that stops early costs only what it visits.
    public func walk(
        from: ObjectID, hiding: [ObjectID] = [], reverse: Bool = false, topological: Bool = true,
        _ body: (ObjectID) throws -> Bool
    ) throws {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, pointer), "walk history")
        defer { git_revwalk_free(walker) }
        var mode = GIT_SORT_TIME.rawValue
        if topological { mode |= GIT_SORT_TOPOLOGICAL.rawValue }
        if reverse { mode |= GIT_SORT_REVERSE.rawValue }
        try check(git_revwalk_sorting(walker, mode), "sort history")
        var start = from.raw
        try check(git_revwalk_push(walker, &start), "walk from \(from.short)")
        for hide in hiding {
            var h = hide.raw
            try check(git_revwalk_hide(walker, &h), "hide \(hide.short)")
        }
        var oid = git_oid()
        while true {
            let status = git_revwalk_next(&oid, walker)
            if status == GIT_ITEROVER.rawValue { return }
            try check(status, "walk history")
            if try !body(ObjectID(oid)) { return }
        }
    }

    /// The files that differ between two trees (nil: the empty tree), optionally only under `paths`
    /// (files or folders), sorted by path. Only subtrees that differ are read (`TreeWalkDiff`). Code
    /// outside GitKit compares trees through `TreeComparer`, the one public door.
    func diff(from old: ObjectID?, to new: ObjectID?, paths: [String] = []) throws -> [TreeDelta] {
        try TreeWalkDiff(repository: self, paths: paths).deltas(from: old, to: new)
    }

    /// `diff` as libgit2's `git_diff_tree_to_tree` computes it (the tests' reference).
    func libgit2Diff(from old: ObjectID?, to new: ObjectID?, paths: [String] = []) throws -> [TreeDelta] {
        try withOptionalTree(old) { oldTree in
            try withOptionalTree(new) { newTree in
                var opts = git_diff_options()
                try check(git_diff_options_init(&opts, UInt32(GIT_DIFF_OPTIONS_VERSION)), "diff options")
                var diff: OpaquePointer?
                if !paths.isEmpty { opts.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue }
                try StringArray(paths).withStrArray { spec in
                    opts.pathspec = spec
                    try check(git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, &opts), "compare trees")
                }
                defer { git_diff_free(diff) }
                var deltas: [TreeDelta] = []
                for i in 0..<git_diff_num_deltas(diff) {
                    guard let d = git_diff_get_delta(diff, i)?.pointee else { continue }
                    let status: TreeDelta.Status
                    switch d.status {
                    case GIT_DELTA_ADDED: status = .added
                    case GIT_DELTA_DELETED: status = .deleted
                    default: status = .modified
                    }
                    let path = String(cString: (status == .deleted ? d.old_file.path : d.new_file.path))
                    deltas.append(
                        TreeDelta(
                            path: path, status: status,
                            oldBlob: status == .added ? nil : ObjectID(d.old_file.id),
                            newBlob: status == .deleted ? nil : ObjectID(d.new_file.id),
                            oldMode: status == .added ? nil : EntryMode(rawValue: UInt32(d.old_file.mode)),
                            newMode: status == .deleted ? nil : EntryMode(rawValue: UInt32(d.new_file.mode))))
                }
                return deltas
            }
        }
    }

    /// Calls `body` with the tree's handle, or nil for the empty tree (which libgit2 accepts in diffs).
    private func withOptionalTree<T>(_ id: ObjectID?, _ body: (OpaquePointer?) throws -> T) throws -> T {
        guard let id else { return try body(nil) }
        return try withTree(id) { try body($0) }
    }
}
