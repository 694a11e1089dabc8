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

/// The mode of a file entry in a git tree, as git writes it.
public enum EntryMode: UInt32, Sendable, Equatable {
    case regular = 0o100644
    case executable = 0o100755
    case symlink = 0o120000
    /// A submodule: the id is a commit in another repository.
    case gitlink = 0o160000

    /// Whether the entry's content is a text file baton may merge (not a link or a submodule).
    public var isFile: Bool { self == .regular || self == .executable }
}

/// One change to a tree: put a blob (or, with `.gitlink`, a submodule commit) at a path, or remove
/// whatever is there.
public enum TreeChange: Sendable, Equatable {
    case upsert(path: String, blob: ObjectID, mode: EntryMode = .regular)
    case remove(path: String)
}

/// A file that differs between two trees: its content and mode on each side (nil: absent).
public struct TreeDelta: Sendable, Equatable {
    public enum Status: Sendable, Equatable { case added, deleted, modified }
    public let path: String
    public let status: Status
    public let oldBlob: ObjectID?
    public let newBlob: ObjectID?
    public let oldMode: EntryMode?
    public let newMode: EntryMode?

    public init(
        path: String, status: Status, oldBlob: ObjectID?, newBlob: ObjectID?, oldMode: EntryMode? = nil,
        newMode: EntryMode? = nil
    ) {
        self.path = path
        self.status = status
        self.oldBlob = oldBlob
        self.newBlob = newBlob
        self.oldMode = oldMode ?? oldBlob.map { _ in .regular }
        self.newMode = newMode ?? newBlob.map { _ in .regular }
    }
}
