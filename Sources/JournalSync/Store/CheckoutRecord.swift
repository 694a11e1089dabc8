import Foundation
import GitKit

/// A work-tree update in progress (`.git/baton/checkout.json`): libgit2 writes checked-out files in
/// place, so a process killed mid-checkout can leave a file half-written. The record lets the next
/// command finish the update (the branch already moved) or undo it (it did not), file by file, before
/// anything reads those files.
struct CheckoutRecord: Codable, Equatable {
    /// The commit the work tree matched before the update; nil for a first checkout.
    var from: String?
    /// The commit the work tree is being updated to.
    var to: String

    static func path(gitDirectory: String) -> String { gitDirectory + "/baton/checkout.json" }

    static func load(gitDirectory: String) -> CheckoutRecord? {
        guard let bytes = try? FileText.bytes(atPath: path(gitDirectory: gitDirectory), limit: 1 << 20)
        else { return nil }
        let data = Data(bytes)
        return try? JSONDecoder().decode(CheckoutRecord.self, from: data)
    }

    func save(gitDirectory: String) throws {
        try AtomicFile.write(try JSONEncoder().encode(self), to: Self.path(gitDirectory: gitDirectory))
    }

    static func remove(gitDirectory: String) {
        unlink(path(gitDirectory: gitDirectory))
    }
}

extension Journal {
    /// Updates the work tree from `from` to `to` and then moves the branch with `moveBranch`, leaving a
    /// record while files are being written so a kill in between is repaired by the next command.
    func guardedCheckout(from: ObjectID?, to: ObjectID, moveBranch: () throws -> Void) throws {
        try CheckoutRecord(from: from?.hex, to: to.hex).save(gitDirectory: gitDirectory)
        try repository.checkout(tree: try repository.commit(to).tree)
        try moveBranch()
        CheckoutRecord.remove(gitDirectory: gitDirectory)
    }

    /// Repairs a work-tree update that a killed process left half done: files changed between the two
    /// commits are rewritten from whichever commit the branch now points at. The caller holds the lock.
    func repairInterruptedCheckout() throws {
        guard let record = CheckoutRecord.load(gitDirectory: gitDirectory) else { return }
        try gitCall {
            let branch = try repository.headBranchReference()
            let head = try repository.headCommit()
            let to = ObjectID(hex: record.to)
            let from = record.from.flatMap(ObjectID.init(hex:))
            if let to, head == nil || head == from || head == to {
                if head == nil {
                    // A first checkout into an empty clone: finish it.
                    try repository.updateReference(
                        branch, to: to, expected: nil, message: "baton: finish interrupted sync")
                }
                let target = (head == nil || head == to) ? to : from
                let fromTree = try from.map { try repository.commit($0).tree }
                let toTree = try repository.commit(to).tree
                let paths = try TreeComparer(repository: repository).deltas(from: fromTree, to: toTree).map(\.path)
                if let target, !paths.isEmpty {
                    try repository.forceCheckout(
                        tree: try repository.commit(target).tree, paths: paths, removeUntracked: true)
                }
            }
            CheckoutRecord.remove(gitDirectory: gitDirectory)
        }
    }
}
