import Foundation

/// A failed system call (open, read, write, rename, mkdir, fsync...): what baton was doing, on which
/// path, and the `errno` the system gave. GitKit throws it for the operating system's failures and
/// `GitError` for libgit2's only.
public struct SystemError: Error, LocalizedError, Equatable, Sendable, CustomStringConvertible {
    /// What was attempted, as a verb: "read", "write", "rename", "create".
    public let operation: String
    /// The file or folder it was attempted on (journal-relative where the caller has that).
    public let path: String
    /// The system's error number.
    public let code: Int32

    /// A failure of `operation` on `path`; `code` defaults to the current `errno`.
    public init(operation: String, path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// The system's own words for `code` ("Permission denied").
    public var reason: String { String(cString: strerror(code)) }

    public var description: String { "\(operation) \(path): \(reason)" }

    public var errorDescription: String? {
        "cannot \(operation) \(path) (\(reason)); check its permissions and the free disk space, then try again"
    }
}
