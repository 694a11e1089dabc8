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
