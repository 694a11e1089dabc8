import Foundation
import GitKit

/// What `baton status` reports about a clone.
public struct JournalStatus: Sendable {
    /// Local commits the remote does not have yet.
    public var unpushed: [String]
    /// Commits on the remote-tracking branch not yet integrated (as of the last fetch).
    public var unintegrated: Int
    /// Uncommitted changes in the work tree, e.g. hand edits.
    public var handEdits: [String]
    /// The paths of `handEdits`.
    public var handEditedPaths: [String] = []
    public var remote: String?
    public var sync: SyncState
}

extension Journal {
    /// The clone's state, read without touching the network.
    public func status() throws -> JournalStatus {
        try checkIndexUsable()
        return try gitCall {
            let branchRef = try repository.headBranchReference()
            let tracking = "refs/remotes/origin/" + branchRef.dropFirst("refs/heads/".count)
            let head = try repository.headCommit()
            let remoteTip = try repository.referenceTarget(tracking)
            var unpushed: [String] = []
            var behind = 0
            if let head {
                try repository.walk(from: head, hiding: remoteTip.map { [$0] } ?? []) { id in
                    unpushed.append("\(id.short) \(try repository.commit(id).summary)")
                    return unpushed.count < 200
                }
                if let remoteTip { behind = try repository.aheadBehind(local: head, upstream: remoteTip).behind }
            }
            let scanned = try repository.scanStatus()
            let edits = scanned.map { "\($0.change) \($0.path)" }
            return JournalStatus(
                unpushed: unpushed, unintegrated: behind, handEdits: edits, handEditedPaths: scanned.map(\.path),
                remote: try repository.remoteURL("origin").map(RemoteDisplay.redacted),
                sync: SyncState.load(gitDirectory: gitDirectory))
        }
    }
}
