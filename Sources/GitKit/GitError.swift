import CGit2

/// A failed libgit2 call: which operation, libgit2's code and error class, and its message.
public struct GitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of failure this is, for callers that react differently to each.
    public enum Kind: Sendable, Equatable {
        case notFound, exists, ambiguous, nonFastForward, locked, conflict, unbornBranch
        case authentication, certificate, unreachable, rejected, other
        /// A TLS failure other than an untrusted certificate.
        case tls
        /// HEAD names a commit, not a branch, where baton needs a branch.
        case detachedHead
    }

    public let operation: String
    public let code: Int32
    public let errorClass: Int32
    public let message: String
    /// For a refused ssh host key: what `known_hosts` said about it (unknown host or changed key).
    public let hostKey: HostKeyRejection?
    /// A kind no libgit2 code expresses (a detached HEAD); nil: derived from `code` and `errorClass`.
    let assignedKind: Kind?

    public init(
        operation: String, code: Int32, errorClass: Int32, message: String, hostKey: HostKeyRejection? = nil,
        kind: Kind? = nil
    ) {
        self.operation = operation
        self.code = code
        self.errorClass = errorClass
        self.message = message
        self.hostKey = hostKey
        self.assignedKind = kind
    }

    /// HEAD is detached while `operation` needs the branch it should name.
    static func detachedHead(operation: String) -> GitError {
        GitError(
            operation: operation, code: GIT_ERROR.rawValue, errorClass: Int32(GIT_ERROR_REFERENCE.rawValue),
            message: "HEAD is detached; check out a branch with `git checkout main`", kind: .detachedHead)
    }

    public var kind: Kind {
        if let assignedKind { return assignedKind }
        switch code {
        case GIT_ENOTFOUND.rawValue: return .notFound
        case GIT_EEXISTS.rawValue: return .exists
        case GIT_EAMBIGUOUS.rawValue: return .ambiguous
        case GIT_ENONFASTFORWARD.rawValue: return .nonFastForward
        case GIT_ELOCKED.rawValue: return .locked
        case GIT_ECONFLICT.rawValue, GIT_EMERGECONFLICT.rawValue: return .conflict
        case GIT_EUNBORNBRANCH.rawValue: return .unbornBranch
        case GIT_EAUTH.rawValue: return .authentication
        case GIT_ECERTIFICATE.rawValue: return .certificate
        case GIT_EMODIFIED.rawValue: return .rejected
        default: break
        }
        if errorClass == Int32(GIT_ERROR_SSL.rawValue) { return .tls }
        if errorClass == Int32(GIT_ERROR_NET.rawValue) || errorClass == Int32(GIT_ERROR_OS.rawValue)
            || errorClass == Int32(GIT_ERROR_SSH.rawValue) || errorClass == Int32(GIT_ERROR_HTTP.rawValue)
        {
            if message.localizedCaseInsensitiveContains("authentication")
                || message.localizedCaseInsensitiveContains("credentials")
            {
                return .authentication
            }
            return .unreachable
        }
        return .other
    }

    public var description: String { "\(operation): \(message)" }

    /// Builds an error from libgit2's thread-local last error.
    static func last(operation: String, code: Int32) -> GitError {
        var cls: Int32 = 0
        var text = "libgit2 error \(code)"
        if let err = git_error_last() {
            cls = err.pointee.klass
            if let msg = err.pointee.message { text = String(cString: msg) }
        }
        return GitError(operation: operation, code: code, errorClass: cls, message: text)
    }
}

/// Throws a `GitError` when a libgit2 call returned a negative status.
func check(_ status: Int32, _ operation: @autoclosure () -> String) throws {
    if status < 0 { throw GitError.last(operation: operation(), code: status) }
}
