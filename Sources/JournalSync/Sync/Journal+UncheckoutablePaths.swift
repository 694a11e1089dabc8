import Foundation
import GitKit
import JournalModel

/// A path a teammate pushed that git refuses to check out (for example `sub/.git/config`), dropped by sync.
public struct DroppedPath: Sendable, Equatable {
    public let path: String
    /// The commit that brought it, abbreviated, and its author.
    public let commit: String
    public let author: String

    /// One line for the terminal.
    public var warning: String {
        "dropped \(path) from commit \(commit) by \(author): git cannot check out such a path in any clone"
    }
}

extension Journal {
    /// When `target`'s tree holds paths that git cannot check out and `current` did not, commits their
    /// removal on top of `target`, so the work tree, the index and every teammate's clone can follow.
    /// Returns the commit to move to (`target` when nothing was dropped).
    func droppingUncheckoutablePaths(current: ObjectID?, target: ObjectID) throws -> (
        commit: ObjectID, dropped: [DroppedPath]
    ) {
        let currentTree = try current.map { try repository.commit($0).tree }
        let targetCommit = try repository.commit(target)
        let added = try TreeComparer(repository: repository).deltas(from: currentTree, to: targetCommit.tree)
            .filter { $0.newBlob != nil && !CheckoutPath.isSafe($0.path) }
        guard !added.isEmpty else { return (target, []) }
        var dropped: [DroppedPath] = []
        for delta in added {
            let origin = try introducingCommit(of: delta.path, from: target, hiding: current)
            dropped.append(DroppedPath(path: delta.path, commit: origin.id.short, author: origin.author))
        }
        let tree = try repository.updatedTree(
            base: targetCommit.tree, changes: added.map { .remove(path: $0.path) })
        let signature = self.signature()
        let commit = try repository.createCommit(
            tree: tree, parents: [target], author: signature, committer: signature,
            message: CommitMessage.droppedPaths(
                dropped.map { .init(path: $0.path, commit: $0.commit, author: $0.author) }
            ).text)
        return (commit, dropped)
    }

    /// The newest commit from `tip` (not reachable from `hiding`) whose tree has `path` and whose first
    /// parent's tree does not.
    private func introducingCommit(of path: String, from tip: ObjectID, hiding: ObjectID?) throws -> (
        id: ObjectID, author: String
    ) {
        var found: (ObjectID, String)?
        try repository.walk(from: tip, hiding: hiding.map { [$0] } ?? []) { id in
            let commit = try repository.commit(id)
            guard try repository.blobID(atPath: path, inTree: commit.tree) != nil else { return true }
            var parentHas = false
            if let parent = commit.parents.first {
                parentHas = try repository.blobID(atPath: path, inTree: try repository.commit(parent).tree) != nil
            }
            if !parentHas {
                found = (id, commit.author.name)
                return false
            }
            return true
        }
        if let found { return found }
        return (tip, try repository.commit(tip).author.name)
    }
}
