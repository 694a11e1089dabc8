import Foundation

extension Repository {
    /// Brings the index in line with a commit that changed `paths` from `oldTree` to `newTree`,
    /// as `stage(paths:)` does, but without parsing or re-hashing the rest of the index: the
    /// changed entries are spliced into the raw file, the cache-tree is updated on the changed
    /// paths only (so it stays valid where it was), and the file is written once under
    /// `index.lock`. Cost: one read, one copy and one SHA-1 of the index file, whatever the
    /// journal's size. Whatever `FastPathPolicy` declines (conflicts, index v4, unknown extensions,
    /// flagged entries, symlinks, attributes and filters) goes through libgit2 (`stage(committed:)`).
    public func recordInIndex(_ paths: [CommittedPath], oldTree: ObjectID?, newTree: ObjectID) throws {
        let policy = FastPathPolicy(repository: self)
        let refusal = policy.contentRefusal(paths: paths.map(\.path))
        if let oldTree, refusal == nil, try spliceIndex(paths, oldTree: oldTree, newTree: newTree) {
            FastPathReport.fast(.index)
            return
        }
        FastPathReport.declined(
            .index, oldTree == nil ? "first commit" : refusal ?? policy.indexRefusal() ?? "the index splice declined")
        try stage(committed: paths)
    }

    /// Runs `IndexSplice`; a failed write of the index file is a `SystemError`.
    private func spliceIndex(_ paths: [CommittedPath], oldTree: ObjectID, newTree: ObjectID) throws -> Bool {
        let entries = paths.map { IndexSplice.Entry(path: $0.path, blob: $0.blob, stat: $0.file?.stat, mode: $0.mode) }
        return try IndexSplice(repository: self, paths: entries, oldTree: oldTree.rawID, newTree: newTree.rawID).run()
    }
}
