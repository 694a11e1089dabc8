import Foundation

/// Which way each git step went: when the environment names a file in `BATON_PATH_REPORT`, every
/// decision between a hand-written fast path and libgit2 appends one line to it,
/// `<step>\t<fast|libgit2>\t<reason>` (the reason is `-` for the fast path). The benchmarks show these
/// next to each timing, so a repository that declines to libgit2 is visible. Off (no cost beyond one
/// environment lookup) when the variable is unset.
public enum FastPathReport {
    /// The steps that report: the work-tree scan behind `status` and sync's hand-edit check, the raw
    /// index splice after a commit, raw tree edits, and blobs stored from a file's raw bytes.
    public enum Step: String, Sendable {
        case status, index, tree, blob
    }

    private static let file: String? = {
        guard let path = ProcessInfo.processInfo.environment["BATON_PATH_REPORT"], !path.isEmpty else { return nil }
        return path
    }()

    /// Records that `step` ran the fast path.
    public static func fast(_ step: Step) {
        append(step, way: "fast", reason: "-")
    }

    /// Records that `step` went to libgit2 for `reason`, which is worked out only when a report is asked for.
    public static func declined(_ step: Step, _ reason: @autoclosure () -> String) {
        guard file != nil else { return }
        append(step, way: "libgit2", reason: reason())
    }

    private static func append(_ step: Step, way: String, reason: String) {
        guard let file else { return }
        let clean = reason.map { $0 == "\t" || $0 == "\n" ? " " : $0 }
        let line = "\(step.rawValue)\t\(way)\t\(String(clean))\n"
        let fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = line.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
    }
}
