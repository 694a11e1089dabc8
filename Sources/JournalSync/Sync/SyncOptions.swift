import Foundation
import GitKit

/// Objects and bytes moved so far during a fetch, clone or push.
public struct TransferProgress: Sendable, Equatable {
    public var receivedObjects: Int
    public var totalObjects: Int
    public var indexedDeltas: Int
    public var totalDeltas: Int
    public var receivedBytes: Int
    /// True for a push (objects and bytes sent), false for fetch and clone (received).
    public var isPush: Bool

    public init(
        receivedObjects: Int, totalObjects: Int, indexedDeltas: Int, totalDeltas: Int, receivedBytes: Int,
        isPush: Bool = false
    ) {
        self.receivedObjects = receivedObjects
        self.totalObjects = totalObjects
        self.indexedDeltas = indexedDeltas
        self.totalDeltas = totalDeltas
        self.receivedBytes = receivedBytes
        self.isPush = isPush
    }

    init(_ progress: GitKit.TransferProgress) {
        self.init(
            receivedObjects: progress.receivedObjects, totalObjects: progress.totalObjects,
            indexedDeltas: progress.indexedDeltas, totalDeltas: progress.totalDeltas,
            receivedBytes: progress.receivedBytes, isPush: progress.isPush)
    }
}

/// How `sync` and `clone` talk to the remote: progress, warnings, and an explicit HTTPS token.
/// Everything else (certificates, proxies, credential helpers, ssh) is read as git reads it.
public struct SyncOptions: Sendable {
    /// Called with transfer progress (objects received on fetch and clone, sent on push); nil for none.
    public var progress: (@Sendable (TransferProgress) -> Void)?
    /// An HTTPS token, used as the password before any credential helper; never stored.
    public var token: String?
    /// The user name sent with `token`; defaults to the URL's user or "git".
    public var tokenUser: String?
    /// Called with a line the user should see (e.g. that certificate checks are off); nil to stay quiet.
    public var warning: (@Sendable (String) -> Void)?

    public init(
        progress: (@Sendable (TransferProgress) -> Void)? = nil, token: String? = nil, tokenUser: String? = nil,
        warning: (@Sendable (String) -> Void)? = nil
    ) {
        self.progress = progress
        self.token = token
        self.tokenUser = tokenUser
        self.warning = warning
    }

    /// The same options for GitKit's transports.
    var remote: RemoteOptions {
        let progress = self.progress
        return RemoteOptions(
            progress: progress.map { report in { @Sendable raw in report(TransferProgress(raw)) } }, token: token,
            tokenUser: tokenUser, warning: warning)
    }
}
