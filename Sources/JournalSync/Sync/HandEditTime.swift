import Foundation

/// When a batch of hand edits was made, for the commit that records them: the latest modification
/// time of the edited files, kept within [the previous commit, the sync that commits them].
enum HandEditTime {
    /// `modified` (the files' modification times; deleted files have none) clamped to
    /// `previousCommit...now`; `now` when no file has a time or the previous commit is later than now.
    static func authored(modified: [Date], previousCommit: Date?, now: Date) -> Date {
        guard let latest = modified.max() else { return now }
        var time = min(latest, now)
        if let previousCommit, time < previousCommit { time = min(previousCommit, now) }
        return time
    }

    /// The modification time of the file at `path` itself (a link is not followed), nil when it is gone.
    static func modificationTime(of path: String) -> Date? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let spec = info.st_mtim
        return Date(timeIntervalSince1970: TimeInterval(spec.tv_sec) + TimeInterval(spec.tv_nsec) / 1e9)
    }
}
