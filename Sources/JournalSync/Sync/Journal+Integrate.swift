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
                    try repository.updateReference(branchRef, to: remote, expected: local, message: "baton: sync fast-forward")
                }
                return result
            }
            let merge = try mergeCommit(local: local, remote: remote)
            try guardedCheckout(from: local, to: merge.commit) {
                try repository.updateReference(branchRef, to: merge.commit, expected: local, message: "baton: sync merge")
            }
            result.merged = true
            result.mergedFiles = merge.files
            return result
        }
    }

    private func countNew(from tip: ObjectID, hiding: [ObjectID]) throws -> Int {
        var count = 0
        try repository.walk(from: tip, hiding: hiding) { _ in count += 1; return true }
        return count
    }

    /// Builds (without touching the work tree) the merge of `local` and `remote`.
    private func mergeCommit(local: ObjectID, remote: ObjectID) throws -> (commit: ObjectID, files: [String]) {
        let localCommit = try repository.commit(local)
        let remoteCommit = try repository.commit(remote)
        let base = try repository.mergeBase(local, remote)
        let baseTree = try base.map { try repository.commit($0).tree }
        let ours = Dictionary(try repository.diff(from: baseTree, to: localCommit.tree).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let theirs = try repository.diff(from: baseTree, to: remoteCommit.tree)
        let theirAuthors = try authors(from: remote, hiding: [local])
        let ourAuthors = try authors(from: local, hiding: [remote])
        var changes: [TreeChange] = []
        var mergedFiles: [String] = []
        for delta in theirs {
            guard let mine = ours[delta.path] else {
                changes.append(delta.newBlob.map { .upsert(path: delta.path, blob: $0) } ?? .remove(path: delta.path))
                continue
            }
            if mine.newBlob == delta.newBlob { continue }
            let result = JournalMerge.merge(
                path: delta.path,
                base: try delta.oldBlob.map(text(of:)),
                ours: MergeSide(text: try mine.newBlob.map(text(of:)), author: ourAuthors.joined(separator: " and ")),
                theirs: MergeSide(text: try delta.newBlob.map(text(of:)), author: theirAuthors.joined(separator: " and ")))
            switch result.outcome {
            case .content(let merged):
                changes.append(.upsert(path: delta.path, blob: try repository.createBlob(Data(merged.utf8))))
            case .deleted:
                changes.append(.remove(path: delta.path))
            }
            mergedFiles.append(delta.path)
        }
        let tree = try repository.updatedTree(base: localCommit.tree, changes: changes)
        var message = "sync: merge \(theirAuthors.joined(separator: ", "))'s work (\(try countNew(from: remote, hiding: [local])) commit(s))"
        if !mergedFiles.isEmpty {
            message += "\n\nMerged by content:\n" + mergedFiles.map { "- \($0)" }.joined(separator: "\n")
        }
        let signature = self.signature()
        let commit = try repository.createCommit(
            tree: tree, parents: [local, remote], author: signature, committer: signature, message: message)
        return (commit, mergedFiles)
    }

    private func text(of blob: ObjectID) throws -> String {
        String(decoding: try repository.blobData(blob), as: UTF8.self)
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
