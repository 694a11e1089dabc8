import Foundation
import GitKit

/// What `baton status` reports about a clone.
public struct JournalStatus: Sendable {
    /// Local commits the remote does not have yet, newest first, at most `JournalStatus.unpushedLimit`.
    public var unpushed: [String]
    /// True when there are more unpushed commits than `unpushed` lists (the walk stopped at the limit).
    public var unpushedTruncated = false
    /// Commits on the remote-tracking branch not yet integrated (as of the last fetch).
    public var unintegrated: Int
    /// Uncommitted changes in the work tree, e.g. hand edits.
    public var handEdits: [String]
    /// The paths of `handEdits`.
    public var handEditedPaths: [String] = []
    public var remote: String?
    public var sync: SyncState

    /// How many unpushed commits `status` reads at most: a clone that was never pushed would otherwise read its
    /// whole history to count it.
    public static let unpushedLimit = 200
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
            var truncated = false
            var behind = 0
            let limit = JournalStatus.unpushedLimit
            if let head, let remoteTip {
                try repository.walk(from: head, hiding: [remoteTip]) { id in
                    guard unpushed.count < limit else {
                        truncated = true
                        return false
                    }
                    unpushed.append("\(id.short) \(try repository.commit(id).summary)")
                    return true
                }
                behind = try repository.aheadBehind(local: head, upstream: remoteTip).behind
            } else if let head {
                // Never pushed: every commit is unpushed. Read only as many as are shown, newest first,
                // without libgit2's revwalk (which reads the whole history before returning the first).
                try repository.commitsNewestFirst(from: head) { commit in
                    guard unpushed.count < limit else {
                        truncated = true
                        return false
                    }
                    unpushed.append("\(commit.id.short) \(commit.summary)")
                    return true
                }
            }
            let scanned = try repository.scanStatus()
            let edits = scanned.map { "\($0.change) \($0.path)" }
            return JournalStatus(
                unpushed: unpushed, unpushedTruncated: truncated, unintegrated: behind, handEdits: edits,
                handEditedPaths: scanned.map(\.path),
                remote: try repository.remoteURL("origin").map(RemoteDisplay.redacted),
                sync: SyncState.load(gitDirectory: gitDirectory))
        }
    }
}
