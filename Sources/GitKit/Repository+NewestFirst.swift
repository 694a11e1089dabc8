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
        try commitsNewestFirst(from: from) { commit, _ in try body(commit) }
    }

    /// `commitsNewestFirst`, also handing over the first parent's tree when the walk has it at hand
    /// (it reads each parent before the child is handed over), so a caller comparing each commit with
    /// its parent does not read the parent a second time. Nil for a first commit, or when the parent
    /// was handed over already (clocks out of order): then read it.
    public func commitsNewestFirst(from: ObjectID, _ body: (Commit, _ firstParentTree: ObjectID?) throws -> Bool)
        throws
    {
        // Sorted by commit time, oldest first, so the newest is popped from the end.
        var queue: [Commit] = [try commit(from)]
        var seen: Set<ObjectID> = [from]
        while let next = queue.popLast() {
            for parent in next.parents where seen.insert(parent).inserted {
                let queued = try commit(parent)
                var index = queue.endIndex
                while index > queue.startIndex, queue[index - 1].committer.time >= queued.committer.time { index -= 1 }
                queue.insert(queued, at: index)
            }
            let firstParentTree = next.parents.first.flatMap { id in queue.last { $0.id == id }?.tree }
            guard try body(next, firstParentTree) else { return }
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
