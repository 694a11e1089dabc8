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
