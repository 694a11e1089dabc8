import JournalModel

/// What one `baton sync` did.
public struct SyncReport: Sendable, Equatable {
    /// Hand edits committed before syncing.
    public var committedHandEdits: [String] = []
    /// Commits that arrived from the remote.
    public var received = 0
    /// Local commits delivered to the remote.
    public var pushed = 0
    /// True when the histories had diverged and a merge commit was made.
    public var merged = false
    /// Files changed on both sides and merged by content.
    public var mergedFiles: [String] = []
    /// Paths from the remote that git cannot check out, dropped in a commit of their own.
    public var droppedPaths: [DroppedPath] = []
    /// Versions that could not be merged as text (not UTF-8 text, or unreadable as a task or note),
    /// kept whole beside the merged path (see `JournalMerge.mergeFile`).
    public var keptBeside: [String] = []
    /// Push attempts lost to someone else's push and retried.
    public var retries = 0

    public init() {}

    /// One line for the terminal.
    public var summary: String {
        var parts: [String] = []
        if !committedHandEdits.isEmpty { parts.append("committed \(committedHandEdits.count) hand edit(s)") }
        if received > 0 { parts.append("received \(received) commit(s)") }
        if merged {
            parts.append(mergedFiles.isEmpty ? "merged" : "merged \(mergedFiles.count) file(s) changed on both sides")
        }
        if !keptBeside.isEmpty {
            parts.append(
                "kept both versions of \(keptBeside.count) file(s) that could not be merged as text: "
                    + keptBeside.map { TextSafety.singleLine($0) }.joined(separator: ", "))
        }
        if pushed > 0 { parts.append("pushed \(pushed) commit(s)") }
        if retries > 0 { parts.append("after \(retries) retried push(es) (others pushed meanwhile)") }
        return parts.isEmpty ? "up to date" : parts.joined(separator: ", ")
    }
}
