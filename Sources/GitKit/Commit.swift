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
        let bytes = message.utf8
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return message }
        // "\r\n" is one Character, which a split on "\n" does not cut: keep that answer.
        if newline > bytes.startIndex, bytes[bytes.index(before: newline)] == UInt8(ascii: "\r") {
            return String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        }
        return String(message[..<newline])
    }
}
