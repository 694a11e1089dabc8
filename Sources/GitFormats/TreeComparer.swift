/// The tree diff: the files that differ between two trees, optionally only under some paths. One
/// comparer serves many pairs of trees under the same paths, remembering where each looked-up name
/// was found so the lookup in the next, similar tree (the next commit's, in a history walk) starts
/// there, and reusing the trees the last comparison read.
public final class TreeComparer {
    private let diff: TreeWalkDiff

    public init(repository: any GitObjectDatabase, paths: [String] = []) {
        diff = TreeWalkDiff(repository: repository, paths: paths)
    }

    /// The files that differ between two trees (nil: the empty tree) under the paths, sorted by path.
    public func deltas(from old: ObjectID?, to new: ObjectID?) throws -> [TreeDelta] {
        try diff.deltas(from: old, to: new)
    }
}
