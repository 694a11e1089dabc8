import Foundation
import GitKit
import JournalModel

/// A journal clone on disk: its files, its identity and its git repository.
/// Every change goes through `save`, which writes the files and commits them at once.
public final class Journal {
    /// The work tree root.
    public let root: String
    /// The clone's git repository. Layers above read its history through `fileHistory`.
    let repository: Repository
    /// Team settings from `baton.yml`; the defaults for whatever it lacks or cannot say.
    public let config: JournalConfig
    /// Problems with `baton.yml` (one line each), for commands to show as warnings: a bad or missing
    /// file never stops a command, so `baton sync` can fetch the fix.
    public let configWarnings: [String]

    init(repository: Repository) throws {
        self.repository = repository
        root = repository.workTree
        let files = JournalFiles(root: root)
        var text: String?
        var linked = false
        do {
            text = try files.text(JournalLayout.configFile)
        } catch let error as JournalError where error.isBadEntry {
            // A link or an oversized file is never read: the defaults stand in, so `sync` can fetch a fix.
            JournalWarnings.shared.skipped(JournalLayout.configFile, error: error)
            linked = true
        }
        if text == nil, !linked, !Self.committedJournal(repository) { throw JournalError.notAJournal(path: root) }
        (config, configWarnings) = JournalConfig.readingLeniently(text)
    }

    /// True when HEAD holds `baton.yml`, or baton has kept sync state in this clone: a journal even
    /// after its `baton.yml` was deleted in the work tree or by a teammate's commit that a sync fetched.
    static func committedJournal(_ repository: Repository) -> Bool {
        var isFolder: ObjCBool = false
        let state = repository.gitDirectory + "/baton"
        if FileManager.default.fileExists(atPath: state, isDirectory: &isFolder), isFolder.boolValue { return true }
        guard let head = try? repository.headCommit(), let tree = try? repository.tree(ofCommit: head) else {
            return false
        }
        return (try? repository.blobID(atPath: JournalLayout.configFile, inTree: tree)) != nil
    }

    /// Opens the journal containing `path` (default: the current folder), searching upward like git.
    public static func open(from path: String? = nil) throws -> Journal {
        let start = path ?? FileManager.default.currentDirectoryPath
        guard let top = Repository.discoverWorkTree(from: start) else { throw JournalError.notAJournal(path: start) }
        do {
            let repository = try Repository.open(at: top)
            let hasConfig = (try? JournalFiles(root: top).kind(of: JournalLayout.configFile)) != nil
            guard hasConfig || committedJournal(repository) else { throw JournalError.notAJournal(path: start) }
            return try Journal(repository: repository)
        } catch {
            throw JournalError(error) ?? error
        }
    }

    /// The handle of the person using this clone (`git config baton.me`).
    public var me: Handle? {
        guard let raw = try? repository.configString("baton.me") else { return nil }
        return try? Handle(raw)
    }

    /// The handle, or an error telling the user how to set it.
    public func requireMe() throws -> Handle {
        guard let me else { throw JournalError.noIdentity }
        return me
    }

    /// The folder of the clone's git data.
    public var gitDirectory: String { repository.gitDirectory }

    /// The journal's files, opened without following links.
    var files: JournalFiles { JournalFiles(root: root) }

    /// The clone's templates, with the journal's own overrides. An override that is a link (or a
    /// `templates` folder that is one), or that cannot be read, is skipped with a warning: the built-in
    /// template is used and nothing outside the journal is read.
    public var templates: Templates {
        let files = files
        return Templates(overrides: { name in
            let path = JournalLayout.templatesFolder + "/" + name
            do {
                return try files.text(path)
            } catch {
                JournalWarnings.shared.skipped(path, error: error)
                return nil
            }
        })
    }

    /// Absolute path of a journal-relative path, refusing anything that would leave the journal.
    public func absolutePath(_ relative: String) throws -> String {
        try Self.checkRelative(relative)
        return root + "/" + relative
    }

    /// The text of a journal file from the work tree, or nil when it does not exist. Throws, naming the
    /// path, when it or a folder on its way is a symbolic link, or it is not a small regular file.
    public func read(_ relative: String) throws -> String? {
        try files.text(relative)
    }

    /// `read` for views: a file that cannot be read is skipped with a one-line warning (nil), so one bad
    /// file does not stop a report.
    public func readSkippingBad(_ relative: String) -> String? {
        do {
            return try files.text(relative)
        } catch {
            JournalWarnings.shared.skipped(relative, error: error)
            return nil
        }
    }

    /// The bytes of a journal file (an attachment), at most 64 MB; nil when it does not exist.
    public func readData(_ relative: String) throws -> Data? {
        try files.data(relative, limit: JournalFiles.attachmentLimit)
    }

    /// Journal-relative paths of the regular files under `folder` in the work tree (hidden ones
    /// skipped), sorted. Links are never followed: each is skipped with a warning.
    public func regularFiles(under folder: String) -> [String] {
        files.regularFiles(under: folder) { JournalWarnings.shared.skipped($0, error: $1) }
    }

    /// Journal-relative paths of the Markdown files under `folder` in the work tree, sorted.
    public func markdownFiles(under folder: String) -> [String] {
        regularFiles(under: folder).filter { $0.hasSuffix(".md") }
    }

    /// Writes `files` (journal-relative path to new text) and commits them with `message`, holding the lock.
    /// When this returns, the change is on disk and in a commit.
    @discardableResult
    public func save(_ files: [String: String], message: CommitMessage) throws -> String {
        let lock = try takeLockAndRepair()
        defer { lock.release() }
        try checkCanCommit()
        for (relative, text) in files.sorted(by: { $0.key < $1.key }) {
            try self.files.write(Data(text.utf8), to: relative)
        }
        return try commitLocked(paths: files.keys.sorted(), message: message).hex
    }

    /// Commits the work-tree state of `paths` on top of HEAD. The caller holds the lock.
    /// `authoredAt` dates the change itself (a hand edit made before the sync that commits it); the
    /// committer time is always now.
    func commitLocked(paths: [String], message: CommitMessage, authoredAt: Date? = nil) throws -> ObjectID {
        do {
            let branch = try repository.headBranchReference()
            let head = try repository.headCommit()
            let baseTree = try head.map { try repository.commit($0).tree }
            try checkIndexUsable()
            var changes: [TreeChange] = []
            var committed: [CommittedPath] = []
            // Raw bytes are what `git add` stores only when no filter, attribute or line-ending
            // setting applies; otherwise every file goes through git's filters.
            let filtered = FastPathPolicy(repository: repository).contentRefusal(paths: paths) != nil
            let trustFileMode = (try? repository.configString("core.filemode"))??.lowercased() != "false"
            // The blobs, trees and commit are made durable together, before the branch moves.
            let (tree, commit, isNew) = try repository.withStagedObjectWrites {
                () throws -> (ObjectID, ObjectID, Bool) in
                for relative in paths {
                    _ = try absolutePath(relative)
                    let before = try baseTree.flatMap { try repository.entryMode(atPath: relative, inTree: $0) }
                    if before == .gitlink {
                        continue  // a submodule is left as it is, as `git add` leaves a checked-out one
                    }
                    if let file = try WorkTreeFile.read(root: root, relative: relative) {
                        let blob = try repository.createBlob(for: file, filtered: filtered)
                        var mode = file.mode
                        if !trustFileMode, mode.isFile { mode = before.flatMap { $0.isFile ? $0 : nil } ?? .regular }
                        changes.append(.upsert(path: relative, blob: blob, mode: mode))
                        committed.append(CommittedPath(path: relative, blob: blob, file: file, mode: mode))
                    } else {
                        changes.append(.remove(path: relative))
                        committed.append(CommittedPath(path: relative, blob: nil, file: nil))
                    }
                }
                let tree = try repository.updatedTree(base: baseTree, changes: changes)
                // Nothing differs from HEAD (e.g. only the index was stale): no empty commit.
                if let head, tree == baseTree { return (tree, head, false) }
                let committer = signature()
                let author = authoredAt.map { signature(at: $0) } ?? committer
                let commit = try repository.createCommit(
                    tree: tree, parents: head.map { [$0] } ?? [], author: author, committer: committer,
                    message: message.text)
                return (tree, commit, true)
            }
            if !isNew {
                try repository.recordInIndex(committed, oldTree: baseTree, newTree: tree)
                return commit
            }
            try repository.updateReference(branch, to: commit, expected: head, message: "baton: \(message.text)")
            // Only the changed entries of the index are rewritten, not the whole journal's.
            do {
                try repository.recordInIndex(committed, oldTree: baseTree, newTree: tree)
            } catch let error as GitError where error.kind == .locked {
                // The change is committed; only the index (a cache) lags while a git command holds its
                // lock. The next write of these paths, or the next sync, brings it up to date.
            }
            return commit
        } catch {
            throw JournalError(error) ?? error
        }
    }

    /// The commit identity: git's `user.name`/`user.email`, else the handle; dated `date` (default: now
    /// by `CommitClock.shared`, so `BATON_NOW` reaches every commit).
    func signature(at date: Date? = nil) -> Signature {
        let clock = CommitClock.shared
        let time = date ?? clock.now
        let offset = clock.offsetSeconds(for: time) / 60
        if let configured = repository.configuredSignature() {
            return Signature(name: configured.name, email: configured.email, time: time, offsetMinutes: offset)
        }
        let name = me?.value ?? "baton"
        return Signature(name: name, email: "\(name)@baton.invalid", time: time, offsetMinutes: offset)
    }

    static func checkRelative(_ relative: String) throws {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        let bad =
            relative.isEmpty || relative.hasPrefix("/") || parts.contains { $0 == ".." || $0 == "." || $0.isEmpty }
            || relative.utf8.contains { $0 < 0x20 || $0 >= 0x7F }
                && relative.unicodeScalars.contains { $0.properties.generalCategory == .control }
            || parts.first == ".git"
        if bad { throw JournalError.unsafePath(relative) }
    }
}
