import Foundation
import GitKit

extension Journal {
    /// The commits reachable from HEAD, in one walk, each with the files it changed under
    /// `query.paths` (its tree compared with its parent's, only under those paths). Merge commits are
    /// skipped (or, with `query.includeMerges`, handed over without files): each side's own commits are walked. `body` returns false to stop; with
    /// `.oldestFirst` it is called once the walk is complete.
    public func fileHistory(_ query: FileHistoryQuery, _ body: (HistoryCommit) throws -> Bool) throws {
        var collected: [HistoryCommit] = []
        do {
            guard let head = try repository.headCommit() else { return }
            let comparer = TreeComparer(repository: repository, paths: query.paths)
            try repository.commitsNewestFirst(from: head) { commit, firstParentTree in
                if let since = query.committedSince, commit.committer.time < since { return false }
                if commit.parents.count > 1 {
                    guard query.includeMerges else { return true }
                    let item = HistoryCommit(commit: commit, files: [])
                    if query.order == .oldestFirst {
                        collected.append(item)
                        return true
                    }
                    return try body(item)
                }
                let parentTree = try firstParentTree ?? commit.parents.first.map { try repository.tree(ofCommit: $0) }
                let files = try comparer.deltas(from: parentTree, to: commit.tree).map(fileChange)
                let item = HistoryCommit(commit: commit, files: files)
                if query.order == .oldestFirst {
                    collected.append(item)
                    return true
                }
                return try body(item)
            }
        } catch {
            throw JournalError(error) ?? error
        }
        for item in collected.reversed() {
            guard try body(item) else { return }
        }
    }

    private func fileChange(_ delta: TreeDelta) -> FileChange {
        FileChange(
            path: delta.path, old: delta.oldBlob.map { FileVersion(id: $0.hex, object: $0, repository: repository) },
            new: delta.newBlob.map { FileVersion(id: $0.hex, object: $0, repository: repository) })
    }
}
