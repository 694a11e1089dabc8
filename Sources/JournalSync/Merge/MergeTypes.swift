import JournalModel

/// One side of a three-way merge: the file's text on that side and who made its changes.
///
/// `text == nil` means the file was deleted on that side. `author` is a handle or a name;
/// it is used to attribute kept collisions and to order the two sides deterministically.
public struct MergeSide: Sendable {
    public var text: String?
    public var author: String

    public init(text: String?, author: String) {
        self.text = text
        self.author = author
    }
}

/// What a merge leaves at the path: some content, or no file at all.
public enum MergeOutcome: Sendable, Equatable {
    case content(String)
    case deleted
}

/// The result of merging one journal file.
public struct MergeResult: Sendable {
    /// The merged file (always ending with exactly one newline), or `.deleted`.
    public var outcome: MergeOutcome
    /// How many true collisions (both sides changed the same thing differently) were kept both ways.
    public var collisions: Int
    /// A short line for a commit message, e.g. `tasks/k7q2xm.md: fields merged`.
    public var summary: String
    /// The front matter fields both sides changed differently, and how each was settled.
    public var settled: [SettledCollision]

    public init(outcome: MergeOutcome, collisions: Int, summary: String, settled: [SettledCollision] = []) {
        self.outcome = outcome
        self.collisions = collisions
        self.summary = summary
        self.settled = settled
    }
}
