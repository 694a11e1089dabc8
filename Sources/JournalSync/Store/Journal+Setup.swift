import Basics
import Foundation
import GitKit
import JournalModel

extension Journal {
    /// Creates a journal at `path`: `baton.yml`, a `.gitignore` for editor leftovers, and a first commit.
    public static func create(at path: String, me: Handle?, remote: String?, config: JournalConfig) throws -> Journal {
        try requireEmptyTarget(path)
        do {
            let repository = try Repository.create(at: path, initialBranch: "main")
            let root = repository.workTree
            let files = JournalFiles(root: root)
            try files.write(Data(config.render().utf8), to: JournalLayout.configFile)
            try files.write(Data(defaultIgnore.utf8), to: ".gitignore")
            if let me { try repository.setLocalConfig("baton.me", me.value) }
            if let remote {
                try repository.addRemote("origin", url: remote)
                try repository.setUpstream(branch: "main")
            }
            let journal = try Journal(repository: repository)
            let lock = try JournalLock(gitDirectory: journal.gitDirectory)
            defer { lock.release() }
            _ = try journal.commitLocked(
                paths: [JournalLayout.configFile, ".gitignore"], message: .journalCreated(team: config.team))
            return journal
        } catch {
            throw JournalError(error) ?? error
        }
    }

    /// Clones the journal at `url` into `path` and records `me` as this clone's handle.
    public static func clone(url: String, to path: String, me: Handle?, options: TransferOptions) throws -> Journal {
        try requireEmptyTarget(path)
        let repository = try JournalError.translating(.clone(url: url, secrets: [options.token])) {
            try Repository.clone(url: url, to: path, options: options)
        }
        do {
            try adoptRemoteBranch(repository)
            if let me { try repository.setLocalConfig("baton.me", me.value) }
            return try Journal(repository: repository)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            if case JournalError.notAJournal = error {
                throw JournalError.remoteHoldsNoJournal(remote: RemoteDisplay.redacted(url))
            }
            throw JournalError(error) ?? error
        }
    }

    /// After cloning a remote whose HEAD names a missing branch, check out its `main` (or only) branch.
    private static func adoptRemoteBranch(_ repository: Repository) throws {
        guard try repository.headCommit() == nil else { return }
        let remoteBranches = try repository.referenceNames(under: "refs/remotes/origin/").filter {
            !$0.hasSuffix("/HEAD")
        }
        let pick = remoteBranches.first { $0.hasSuffix("/main") } ?? remoteBranches.first
        guard let pick, let target = try repository.referenceTarget(pick) else { return }
        let branch = String(pick.dropFirst("refs/remotes/origin/".count))
        try repository.updateReference("refs/heads/\(branch)", to: target, expected: nil, message: "baton: clone")
        try repository.setHead("refs/heads/\(branch)")
        try repository.setUpstream(branch: branch)
        try repository.forceCheckout(tree: try repository.commit(target).tree, paths: [])
    }

    private static func requireEmptyTarget(_ path: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["?"]
        if !isDir.boolValue || !contents.isEmpty { throw JournalError.targetExists(path: path) }
    }

    static let defaultIgnore = """
        # Editor and system leftovers that never belong in the journal.
        *.swp
        *.swo
        *~
        .#*
        .DS_Store
        .*.baton-*.tmp

        """
}
