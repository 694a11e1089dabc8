/// A commit copied out of libgit2: its id, parents, tree, people and message.
public struct Commit: Sendable, Equatable {
    public let id: ObjectID
    public let parents: [ObjectID]
    public let tree: ObjectID
    public let author: Signature
    public let committer: Signature
    public let message: String

    /// The first line of the message.
    public var summary: String {
        String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}

/// One change to a tree: put a blob at a path, or remove whatever is there.
public enum TreeChange: Sendable, Equatable {
    case upsert(path: String, blob: ObjectID)
    case remove(path: String)
}

/// A file that differs between two trees.
public struct TreeDelta: Sendable, Equatable {
    public enum Status: Sendable, Equatable { case added, deleted, modified }
    public let path: String
    public let status: Status
    public let oldBlob: ObjectID?
    public let newBlob: ObjectID?
}
