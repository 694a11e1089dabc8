extension Repository {
    /// The paths of the files that differ between two trees (added, removed or changed), sorted;
    /// only subtrees whose ids differ are read, so the cost follows the change, not the tree's size.
    public func changedPaths(from old: ObjectID, to new: ObjectID) throws -> [String] {
        try TreeWalkDiff(repository: self, paths: []).deltas(from: old, to: new).map(\.path)
    }
}
