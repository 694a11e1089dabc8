import Basics
import CGit2
import Foundation

/// What went wrong in a transport baton runs itself (the system `ssh` program, the socket stream with a
/// deadline), classified the way the layers above react to it.
public struct TransportFailure: Error, Sendable, Equatable {
    /// What the user has to do about it.
    public enum Kind: Sendable, Equatable {
        /// The host cannot be resolved or reached, or stopped answering: retry when online (exit 69).
        case unreachable
        /// The server refused the credentials or key (exit 77).
        case authentication
        /// The server's host key is unknown or changed (exit 77); `hostKey` says which when known.
        case hostKey
        /// The server has no such repository or refused access to it.
        case notFound
        case other
    }

    public var kind: Kind
    /// One line for the user, already free of control characters.
    public var message: String
    public var hostKey: HostKeyRejection?

    public init(kind: Kind, message: String, hostKey: HostKeyRejection? = nil) {
        self.kind = kind
        self.message = message
        self.hostKey = hostKey
    }
}

/// The state of the one fetch, push or clone running on this thread, for the parts of a transfer that
/// libgit2 calls without a payload (registered transports and streams): the remote's URL, the git
/// configuration that applies to it, how long a transfer may go without progress, and the failure a
/// transport recorded for the error that ends the transfer.
final class TransferContext {
    /// The URL the transfer started with.
    let url: String?
    /// The configuration for this transfer (the repository's, or git's default files for a clone).
    let config: GitConfigSnapshot?
    /// Seconds a transfer may go without receiving or sending a byte; 0 for no limit.
    let stallTimeout: TimeInterval
    /// Set by a transport when it knows better than libgit2's message what failed.
    var failure: TransportFailure? {
        get { recordedFailure.current }
        set { recordedFailure.withLock { $0 = newValue } }
    }
    /// Where `failure` is kept: locked, since a watchdog thread may set it (`SocketWatchdog`).
    let recordedFailure = Locked<TransportFailure?>(nil)

    init(url: String?, config: GitConfigSnapshot?, environment: [String: String] = ProcessInfo.processInfo.environment)
    {
        self.url = url
        self.config = config
        stallTimeout = Self.stallTimeout(environment: environment, config: config)
    }

    /// The default for `stallTimeout`, in seconds.
    static let defaultStallTimeout: TimeInterval = 60

    /// `BATON_TRANSFER_TIMEOUT`, else git config `baton.transferTimeout`, else 60 s; 0 turns the limit off.
    static func stallTimeout(environment: [String: String], config: GitConfigSnapshot?) -> TimeInterval {
        let written =
            environment["BATON_TRANSFER_TIMEOUT"].flatMap { $0.isEmpty ? nil : $0 }
            ?? config?.string("baton.transfertimeout")
        guard let written, let seconds = TimeInterval(written.trimmingCharacters(in: .whitespaces)), seconds >= 0
        else { return defaultStallTimeout }
        return seconds
    }

    private static let key = "baton.transfer-context"

    /// The transfer running on this thread, if any.
    static var current: TransferContext? {
        Thread.current.threadDictionary[key] as? TransferContext
    }

    /// Runs `body` with `self` as this thread's current transfer.
    func during<T>(_ body: () throws -> T) rethrows -> T {
        let dictionary = Thread.current.threadDictionary
        let previous = dictionary[Self.key]
        dictionary[Self.key] = self
        defer { dictionary[Self.key] = previous }
        return try body()
    }
}

extension TransportFailure.Kind {
    /// The libgit2 code a `GitError` of this kind carries, so that `GitError.kind` classifies it.
    var code: Int32 {
        switch self {
        case .authentication: return GIT_EAUTH.rawValue
        case .hostKey: return GIT_ECERTIFICATE.rawValue
        case .notFound: return GIT_ENOTFOUND.rawValue
        case .unreachable, .other: return -1
        }
    }

    /// The libgit2 error class of such a failure (`GIT_ERROR_NET` reads as unreachable).
    var errorClass: Int32 {
        switch self {
        case .unreachable: return Int32(GIT_ERROR_NET.rawValue)
        case .authentication, .hostKey: return Int32(GIT_ERROR_SSH.rawValue)
        case .notFound, .other: return Int32(GIT_ERROR_NONE.rawValue)
        }
    }
}
