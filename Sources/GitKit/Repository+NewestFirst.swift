import CGit2

extension Repository {
    /// Commits reachable from `from`, newest commit time first (`git log`'s order; a commit with the
    /// same time as another comes after the ones queued before it), read one at a time. `body`
    /// returns false to stop.
    ///
    /// libgit2's revwalk reads every commit of the history before it returns the first one (0.6 s on
    /// a 67,000-commit journal); this reads only the commits it returns and the parents queued behind
    /// them, so a walk that stops after a week of history costs a week of history.
    public func commitsNewestFirst(from: ObjectID, _ body: (Commit) throws -> Bool) throws {
        // Sorted by commit time, oldest first, so the newest is popped from the end.
        var queue: [Commit] = [try commit(from)]
        var seen: Set<ObjectID> = [from]
        while let next = queue.popLast() {
            guard try body(next) else { return }
            for parent in next.parents where seen.insert(parent).inserted {
                let queued = try commit(parent)
                var index = queue.endIndex
                while index > queue.startIndex, queue[index - 1].committer.time >= queued.committer.time { index -= 1 }
                queue.insert(queued, at: index)
            }
        }
    }

    /// The tree of a commit, without copying the rest of it.
    public func tree(ofCommit id: ObjectID) throws -> ObjectID {
        var commit: OpaquePointer?
        var oid = id.raw
        try check(git_commit_lookup(&commit, pointer, &oid), "read commit \(id.short)")
        defer { git_commit_free(commit) }
        return ObjectID(git_commit_tree_id(commit))
    }
}
