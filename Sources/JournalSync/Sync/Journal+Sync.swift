import Basics
import Foundation
import GitKit
import JournalModel

extension Journal {
    /// Commits pending hand edits, fetches, integrates the remote's work (fast-forward, else a merge by
    /// content), and pushes, retrying when someone else pushed in between.
    /// A remote whose history was rewritten stops the sync (local work kept) unless `acceptRewrite` is set,
    /// in which case local work is merged into the new history. `committedHandEdits` hears the paths of the
    /// hand edits committed first, before anything is fetched (so a caller can warn about them even when the
    /// remote then cannot be reached).
    public func sync(
        options: TransferOptions = TransferOptions(), maxAttempts: Int = 5, acceptRewrite: Bool = false,
        committedHandEdits: ([String]) -> Void = { _ in }
    ) throws -> SyncReport {
        let lock = try takeLockAndRepair()
        defer { lock.release() }
        var state = SyncState.load(gitDirectory: gitDirectory)
        state.lastAttempt = Date()
        do {
            let report = try syncLocked(
                options: options, maxAttempts: maxAttempts, knownRemoteTip: acceptRewrite ? nil : state.remoteTip,
                committedHandEdits: committedHandEdits)
            state.remoteTip = try? trackingTip()?.hex
            state.lastSuccess = Date()
            state.lastError = nil
            state.save(gitDirectory: gitDirectory)
            return report
        } catch {
            state.lastError = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            state.save(gitDirectory: gitDirectory)
            throw error
        }
    }

    private func syncLocked(
        options: TransferOptions, maxAttempts: Int, knownRemoteTip: String?, committedHandEdits: ([String]) -> Void
    ) throws -> SyncReport {
        // Only a missing remote is "no remote"; a config libgit2 cannot read is reported as it is.
        guard let url = try gitCall({ try repository.remoteURL("origin") }) else { throw JournalError.noRemote }
        try checkCanCommit()
        var report = SyncReport()
        report.committedHandEdits = try commitHandEdits()
        committedHandEdits(report.committedHandEdits)
        let branchRef = try gitCall { try repository.headBranchReference() }
        let branch = String(branchRef.dropFirst("refs/heads/".count))
        let trackingRef = "refs/remotes/origin/\(branch)"

        for attempt in 1...maxAttempts {
            try JournalError.translating(.remote(url: url, secrets: [options.token])) {
                try repository.fetch(remote: "origin", options: options)
            }
            if attempt == 1, let known = knownRemoteTip {
                try refuseRewrittenRemote(known: known, trackingRef: trackingRef)
            }
            let integration = try integrate(branchRef: branchRef, trackingRef: trackingRef)
            report.received += integration.received
            report.merged = report.merged || integration.merged
            report.mergedFiles += integration.mergedFiles
            report.droppedPaths += integration.dropped
            report.keptBeside += integration.keptBeside
            guard let local = try gitCall({ try repository.headCommit() }) else { return report }
            let remote = try gitCall { try repository.referenceTarget(trackingRef) }
            if remote == local { return report }
            let ahead: Int
            if let remote {
                ahead = try gitCall { try repository.aheadBehind(local: local, upstream: remote).ahead }
            } else {
                ahead = try countCommits(local)
            }
            do {
                try repository.push(remote: "origin", refspecs: ["\(branchRef):\(branchRef)"], options: options)
                try? repository.forceReference(trackingRef, to: local, message: "baton: pushed")
                report.pushed += ahead
                return report
            } catch let error as GitError where error.kind == .nonFastForward || Self.lostRefUpdateRace(error) {
                report.retries = attempt
                continue
            } catch {
                throw JournalError(error, context: .remote(url: url, secrets: [options.token])) ?? error
            }
        }
        throw JournalError.pushRaceLost(attempts: maxAttempts)
    }

    /// Throws `.remoteRewritten` when the remote branch no longer contains the commit it had at the last
    /// sync, after keeping the local branch on a `baton-rescue/...` branch.
    private func refuseRewrittenRemote(known: String, trackingRef: String) throws {
        guard let knownID = ObjectID(hex: known),
            let tip = try gitCall({ try repository.referenceTarget(trackingRef) }),
            (try? repository.commit(knownID)) != nil
        else { return }
        if try gitCall({ try repository.isAncestor(knownID, of: tip) }) { return }
        var rescue = ""
        if let head = try gitCall({ try repository.headCommit() }) {
            let stamp = Int(Date().timeIntervalSince1970)
            rescue = "refs/heads/baton-rescue/\(stamp)"
            try gitCall {
                try repository.forceReference(
                    rescue, to: head, message: "baton: keep local work before a rewritten remote")
            }
        }
        throw JournalError.remoteRewritten(
            detail:
                "it no longer contains \(knownID.short), which it had at the last sync; your branch is also saved as \(rescue.dropFirst("refs/heads/".count))"
        )
    }

    /// Whether the server refused our update only because another push moved the branch after it
    /// advertised it to us (two pushes racing inside `receive-pack`): a race like a non-fast-forward,
    /// to be fetched, integrated and retried, not a refusal by the server's rules.
    static func lostRefUpdateRace(_ error: GitError) -> Bool {
        guard error.kind == .rejected else { return false }
        let text = error.message.lowercased()
        return ["failed to update ref", "failed to lock", "cannot lock ref", "incorrect old value", "stale info"]
            .contains { text.contains($0) }
    }

    /// The remote-tracking branch's commit, if any.
    func trackingTip() throws -> ObjectID? {
        let branchRef = try repository.headBranchReference()
        return try repository.referenceTarget("refs/remotes/origin/" + branchRef.dropFirst("refs/heads/".count))
    }

    /// Commits every uncommitted change in the work tree (a teammate's hand edits) in one commit.
    func commitHandEdits() throws -> [String] {
        let entries = try gitCall { try repository.scanStatus() }.filter { $0.change != .conflicted }
        guard !entries.isEmpty else { return [] }
        let paths = entries.map(\.path).sorted()
        let head = try gitCall { try repository.headCommit() }
        // Dated when the files were edited, never before the previous commit nor after now.
        let previous = try gitCall { try head.map { try repository.commit($0).committer.time } }
        let authored = HandEditTime.authored(
            modified: paths.compactMap { HandEditTime.modificationTime(of: root + "/" + $0) }, previousCommit: previous,
            now: CommitClock.shared.now)
        // Nothing to commit when every listed change was one git would not see (e.g. a filter undoes it).
        if try commitLocked(paths: paths, message: .handEdits(paths), authoredAt: authored) == head { return [] }
        return paths
    }

    private func countCommits(_ head: ObjectID) throws -> Int {
        var count = 0
        try gitCall {
            try repository.walk(from: head) { _ in
                count += 1
                return true
            }
        }
        return count
    }

    /// Runs `body`, its failures translated by `JournalError(_:context:)` as local ones.
    func gitCall<T>(_ body: () throws -> T) throws -> T {
        try JournalError.translating(.local, body)
    }
}
