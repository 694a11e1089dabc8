import Foundation

/// Which part of the journal's history `Journal.fileHistory` reads.
public struct FileHistoryQuery: Sendable {
    /// The order commits are handed over in.
    public enum Order: Sendable {
        /// Newest commit time first (`git log`'s order); the walk reads only as far as it is asked to.
        case newestFirst
        /// Oldest first: the same single walk, handed over once it is complete.
        case oldestFirst
    }

    /// Journal-relative paths or folders whose changes each commit reports.
    public var paths: [String]
    public var order: Order
    /// Commits with an earlier committer date end the walk (newest first, so nothing older is read).
    public var committedSince: Date?
    /// Also hand over merge commits (with no files: each side's own commits carry the changes), for
    /// what their messages say, such as the field collisions a sync merge settled.
    public var includeMerges: Bool

    public init(
        paths: [String], order: Order = .newestFirst, committedSince: Date? = nil, includeMerges: Bool = false
    ) {
        self.paths = paths
        self.order = order
        self.committedSince = committedSince
        self.includeMerges = includeMerges
    }
}
