import JournalModel

/// One side of a merge of a file's bytes: its content (nil: deleted on that side) and who changed it.
public struct MergeFileSide: Sendable {
    public var bytes: [UInt8]?
    public var author: String

    public init(bytes: [UInt8]?, author: String) {
        self.bytes = bytes
        self.author = author
    }
}

/// A version that could not be merged with the other one, to be kept whole beside the merged path.
public struct KeptVersion: Sendable, Equatable {
    /// The exact bytes of that side.
    public var bytes: [UInt8]
    /// Who made that version.
    public var author: String

    /// The name to keep it under (see `JournalMerge.KeptBesideName`); `attempt` > 1 when an
    /// earlier name is taken.
    public func path(beside original: String, attempt: Int = 1) -> String {
        JournalMerge.KeptBesideName.path(beside: original, author: author, attempt: attempt)
    }
}

/// The result of merging one file's bytes.
public struct FileMergeResult: Sendable {
    /// What stays at the path, nil when the file is deleted.
    public var bytes: [UInt8]?
    /// The other side's whole version, when the two could not be merged (not text, or not readable).
    public var keptBeside: KeptVersion?
    /// True collisions kept both ways inside the merged text.
    public var collisions: Int
    /// A short line for a commit message.
    public var summary: String
    /// The front matter fields both sides changed differently, and how each was settled.
    public var settled: [SettledCollision] = []
}
