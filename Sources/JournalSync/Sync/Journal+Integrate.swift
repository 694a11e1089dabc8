import Foundation
import GitKit
import JournalModel

/// What integrating the remote's branch did.
struct Integration {
    var received = 0
    var merged = false
    var mergedFiles: [String] = []
    /// Paths the remote's commits hold that git cannot check out, removed in a commit of their own.
    var dropped: [DroppedPath] = []
    /// Versions that could not be merged as text, kept whole beside the merged path.
    var keptBeside: [String] = []
}

extension Journal {
    /// Brings the remote-tracking branch into the local branch: nothing, a fast-forward, or a merge commit
    /// whose files are merged by content (`JournalMerge`), so no file ever holds conflict markers.
    func integrate(branchRef: String, trackingRef: String) throws -> Integration {
        try gitCall {
            var result = Integration()
            guard let fetched = try repository.referenceTarget(trackingRef) else { return result }
            let local = try repository.headCommit()
            if let local, try repository.isAncestor(fetched, of: local) { return result }
            // Paths no clone can check out are dropped first, in a commit on top of the remote's.
            let (remote, dropped) = try droppingUncheckoutablePaths(current: local, target: fetched)
            result.dropped = dropped
            guard let local else {
                try guardedCheckout(from: nil, to: remote) {
                    try repository.updateReference(branchRef, to: remote, expected: nil, message: "baton: sync (first)")
                }
                result.received = try countNew(from: fetched, hiding: [])
                return result
            }
            result.received = try countNew(from: fetched, hiding: [local])
            if try repository.isAncestor(local, of: remote) {
                try guardedCheckout(from: local, to: remote) {
                    try repository.updateReference(
                        branchRef, to: remote, expected: local, message: "baton: sync fast-forward")
                }
                return result
            }
            let merge = try repository.withStagedObjectWrites { try mergeCommit(local: local, remote: remote) }
            try guardedCheckout(from: local, to: merge.commit) {
                try repository.updateReference(
                    branchRef, to: merge.commit, expected: local, message: "baton: sync merge")
            }
            result.merged = true
            result.mergedFiles = merge.files
            result.keptBeside = merge.keptBeside
            return result
        }
    }

    private func countNew(from tip: ObjectID, hiding: [ObjectID]) throws -> Int {
        var count = 0
        try repository.walk(from: tip, hiding: hiding) { _ in
            count += 1
            return true
        }
        return count
    }

    /// Builds (without touching the work tree) the merge of `local` and `remote`.
    private func mergeCommit(local: ObjectID, remote: ObjectID) throws
        -> (commit: ObjectID, files: [String], keptBeside: [String])
    {
        let localCommit = try repository.commit(local)
        let remoteCommit = try repository.commit(remote)
        let base = try repository.mergeBase(local, remote)
        let baseTree = try base.map { try repository.commit($0).tree }
        let ours = Dictionary(
            try TreeComparer(repository: repository).deltas(from: baseTree, to: localCommit.tree).map { ($0.path, $0) },
            uniquingKeysWith: { a, _ in a })
        let theirs = try TreeComparer(repository: repository).deltas(from: baseTree, to: remoteCommit.tree)
        let theirAuthors = try authors(from: remote, hiding: [local])
        let ourAuthors = try authors(from: local, hiding: [remote])
        var changes: [TreeChange] = []
        var mergedFiles: [String] = []
        var keptBeside: [String] = []
        var settled: [SettledCollision] = []
        var takenBeside = Set(theirs.map(\.path)).union(ours.keys)
        for delta in theirs {
            guard let mine = ours[delta.path] else {
                changes.append(
                    delta.newBlob.map { .upsert(path: delta.path, blob: $0, mode: delta.newMode ?? .regular) }
                        ?? .remove(path: delta.path))
                continue
            }
            // Modes travel with the content: a change of mode on either side is kept.
            let mode = Self.mergedMode(base: delta.oldMode, ours: mine.newMode, theirs: delta.newMode)
            if mine.newBlob == delta.newBlob {
                if let blob = delta.newBlob, mode != mine.newMode {
                    changes.append(.upsert(path: delta.path, blob: blob, mode: mode))
                }
                continue
            }
            // Symlinks and submodules are not text: the side that changed it wins, both: the later id.
            if mine.newMode?.isFile == false || delta.newMode?.isFile == false || delta.oldMode?.isFile == false {
                let theirsChanged = delta.newBlob != delta.oldBlob
                let oursChanged = mine.newBlob != delta.oldBlob
                let theirsLater = (delta.newBlob?.hex ?? "") > (mine.newBlob?.hex ?? "")
                let takeTheirs = theirsChanged && (!oursChanged || theirsLater)
                if takeTheirs {
                    changes.append(
                        delta.newBlob.map { .upsert(path: delta.path, blob: $0, mode: delta.newMode ?? .regular) }
                            ?? .remove(path: delta.path))
                }
                // Two different symlinks: the other one is kept beside, as a symlink, so neither target is lost.
                if theirsChanged, oursChanged, let theirBlob = delta.newBlob, let ourBlob = mine.newBlob {
                    let (loser, mode, author) =
                        takeTheirs
                        ? (ourBlob, mine.newMode, ourAuthors) : (theirBlob, delta.newMode, theirAuthors)
                    if mode == .symlink {
                        let kept = KeptVersion(bytes: [], author: author.joined(separator: " and "))
                        let path = try besidePath(
                            for: kept, of: delta.path, trees: [localCommit.tree, remoteCommit.tree],
                            taken: &takenBeside)
                        changes.append(.upsert(path: path, blob: loser, mode: .symlink))
                        keptBeside.append(path)
                    }
                }
                continue
            }
            let result = JournalMerge.mergeFile(
                path: delta.path,
                base: try delta.oldBlob.map(bytes(of:)),
                ours: MergeFileSide(
                    bytes: try mine.newBlob.map(bytes(of:)),
                    author: ourAuthors.joined(separator: " and ")),
                theirs: MergeFileSide(
                    bytes: try delta.newBlob.map(bytes(of:)),
                    author: theirAuthors.joined(separator: " and ")))
            if let merged = result.bytes {
                changes.append(.upsert(path: delta.path, blob: try repository.createBlob(Data(merged)), mode: mode))
            } else {
                changes.append(.remove(path: delta.path))
            }
            if let kept = result.keptBeside {
                let path = try besidePath(
                    for: kept, of: delta.path, trees: [localCommit.tree, remoteCommit.tree],
                    taken: &takenBeside)
                changes.append(.upsert(path: path, blob: try repository.createBlob(Data(kept.bytes))))
                keptBeside.append(path)
            }
            mergedFiles.append(delta.path)
            settled += result.settled
        }
        let tree = try repository.updatedTree(base: localCommit.tree, changes: changes)
        let message = CommitMessage.syncMerge(
            authors: theirAuthors, commits: try countNew(from: remote, hiding: [local]), mergedFiles: mergedFiles,
            keptBeside: keptBeside, settled: settled)
        let signature = self.signature()
        let commit = try repository.createCommit(
            tree: tree, parents: [local, remote], author: signature, committer: signature, message: message.text)
        return (commit, mergedFiles, keptBeside)
    }

    private func bytes(of blob: ObjectID) throws -> [UInt8] {
        [UInt8](try repository.blobData(blob))
    }

    /// The first free name for `kept` beside `path`: in neither tree and not used by this merge.
    private func besidePath(
        for kept: KeptVersion, of path: String, trees: [ObjectID],
        taken: inout Set<String>
    ) throws -> String {
        var attempt = 1
        while true {
            let candidate = kept.path(beside: path, attempt: attempt)
            let inTree = try trees.contains { try repository.blobID(atPath: candidate, inTree: $0) != nil }
            if !inTree, taken.insert(candidate).inserted { return candidate }
            attempt += 1
        }
    }

    /// The mode of a path both sides changed: a side's change of mode (e.g. an executable bit) wins
    /// over the base; when both changed it to different modes, the higher one, so that whichever
    /// clone merges gets the same result.
    static func mergedMode(base: EntryMode?, ours: EntryMode?, theirs: EntryMode?) -> EntryMode {
        let changed = [ours, theirs].compactMap { $0 }.filter { $0 != base }
        if let pick = changed.max(by: { $0.rawValue < $1.rawValue }) { return pick }
        return ours ?? theirs ?? base ?? .regular
    }

    /// Distinct author names of the commits in `tip` that `hiding` lacks, sorted.
    private func authors(from tip: ObjectID, hiding: [ObjectID]) throws -> [String] {
        var names = Set<String>()
        try repository.walk(from: tip, hiding: hiding) { id in
            names.insert(try repository.commit(id).author.name)
            return names.count < 20
        }
        return names.isEmpty ? ["someone"] : names.sorted()
    }
}
