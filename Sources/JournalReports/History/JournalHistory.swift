import Foundation
import JournalModel
import JournalSync

/// Reads the journal's history in one walk over the commits: every change to tasks, asks and
/// notes, with who made it and when, hand edits made with plain git included.
///
/// Merge commits are skipped (each side's own commits are walked); each other commit is compared
/// with its parent, only under the paths asked for, and the two versions of each file are parsed
/// to derive field changes, new log lines and new note bullets.
public struct JournalHistory {
    /// What to read.
    public struct Query: Sendable {
        /// Journal-relative paths or folders to look at (default: tasks and notes).
        public var paths: [String]
        /// Ignore changes before this instant (the walk stops a margin earlier).
        public var since: Date?
        /// Ignore changes after this instant.
        public var until: Date?
        /// Told (one line) of each old version that cannot be read and is skipped: broken or hostile
        /// front matter (an alias bomb) in a commit, even if a later commit fixed or deleted the file.
        public var skipped: (@Sendable (String) -> Void)?

        public init(
            paths: [String] = [JournalLayout.tasksFolder, JournalLayout.notesFolder], since: Date? = nil,
            until: Date? = nil, skipped: (@Sendable (String) -> Void)? = nil
        ) {
            self.paths = paths
            self.since = since
            self.until = until
            self.skipped = skipped
        }
    }

    /// Commits dated this long before `since` are still walked, for clocks that were a little off.
    /// (Work merged late keeps its own commit time, so it is found in time order anyway.)
    static let walkMargin: TimeInterval = 2 * 86_400

    let journal: Journal
    /// Parsed versions by content id: the new version of one commit is the old version of the next one.
    private let cache = ParseCache()
    /// Handles known from the work tree (note folders, task owners), used to recognise authors;
    /// asked for only after the walk, so they can be gathered while it runs.
    let knownHandles: () -> Set<String>

    public init(journal: Journal, knownHandles: Set<String> = []) {
        self.init(journal: journal, knownHandlesAfterWalk: { knownHandles })
    }

    public init(journal: Journal, knownHandlesAfterWalk: @escaping () -> Set<String>) {
        self.journal = journal
        self.knownHandles = knownHandlesAfterWalk
    }

    /// Every change matching `query`, oldest first.
    public func events(_ query: Query = Query()) throws -> [HistoryEvent] {
        var raw: [RawCommit] = []
        var namers = CommitNamers()
        var position = 0
        let stopBefore = query.since.map { $0.addingTimeInterval(-Self.walkMargin) }
        // Newest first by commit time: a bounded walk stops as soon as it is past `since`; events are
        // sorted by time below anyway.
        var merges: [SettledMerge] = []
        var bridge = UnreadableBridge()
        let walk = FileHistoryQuery(
            paths: query.paths, order: .newestFirst, committedSince: stopBefore, includeMerges: true)
        try journal.fileHistory(walk) { commit in
            if commit.isMerge {
                if let merge = SettledMerge(commit, paths: query.paths) { merges.append(merge) }
                return true
            }
            var files: [RawFile] = []
            let skip: (String, any Error) -> Void = { path, error in
                let file = UnreadableFile(
                    path: path, message: "as of commit \(commit.shortID): \(Self.detail(of: error))")
                JournalWarnings.shared.unreadableVersion(file)
                query.skipped?("skipped \(path) \(file.message)")
            }
            for change in commit.files {
                if let file = try readFile(change, skip: skip) {
                    files.append(file)
                } else if case .task(let id) = JournalLayout.classify(path: change.path) {
                    // A broken hand edit: what its fix changed is told against the last version that reads.
                    let old = try change.old.flatMap { try parseTask($0, path: change.path, skip: skip) }
                    let new = try change.new.flatMap { try parseTask($0, path: change.path, skip: skip) }
                    if let new, change.old != nil, old == nil {
                        bridge.wait(path: change.path, commit: raw.count, file: files.count, new: new)
                        files.append(
                            RawFile(path: change.path, taskID: id, noteAuthor: nil, noteDay: nil, changes: [], logs: [])
                        )
                    } else if let old, change.new != nil, new == nil,
                        let fix = bridge.settle(path: change.path, old: old)
                    {
                        raw[fix.commit].files[fix.file] = RawFile(
                            path: change.path, taskID: id, noteAuthor: nil, noteDay: nil, changes: fix.changes,
                            logs: fix.logs)
                    }
                }
            }
            if files.isEmpty {
                // Outside the paths asked for, a commit still tells which handle its author uses.
                namers.note(commit, position: position)
            } else {
                raw.append(RawCommit(commit: commit, files: files, position: position))
            }
            position += 1
            return true
        }
        let attribution = Attribution(commits: raw, namers: namers, knownHandles: knownHandles())
        var events: [HistoryEvent] = []
        for item in raw.reversed() {
            events += attribution.events(for: item)
        }
        // A field collision a sync merge settled reads as one event, not as each side's change.
        events = SettledMerge.apply(merges.reversed(), to: events)
        // By time; changes at the same second keep history order (parents before children, file order).
        let kept = events.enumerated().filter { _, event in
            (query.since.map { event.at.date >= $0 } ?? true) && (query.until.map { event.at.date < $0 } ?? true)
        }
        return kept.sorted { ($0.element.at.date, $0.offset) < ($1.element.at.date, $1.offset) }.map(\.element)
    }

    private func readFile(_ delta: FileChange, skip: (String, any Error) -> Void) throws -> RawFile? {
        switch JournalLayout.classify(path: delta.path) {
        case .task(let id):
            let old = try delta.old.flatMap { try parseTask($0, path: delta.path, skip: skip) }
            let new = try delta.new.flatMap { try parseTask($0, path: delta.path, skip: skip) }
            // An unreadable version (broken hand edit) is skipped rather than reported as a deletion.
            if delta.old != nil && old == nil || delta.new != nil && new == nil { return nil }
            let changes = TaskChanges.between(old, new)
            let logs = TaskChanges.newLogEntries(old?.log ?? [], new?.log ?? [])
            return RawFile(path: delta.path, taskID: id, noteAuthor: nil, noteDay: nil, changes: changes, logs: logs)
        case .note(let handle, let day):
            guard let newVersion = delta.new else { return nil }
            guard let new = try parseNote(newVersion, path: delta.path, skip: skip) else { return nil }
            let old = try delta.old.flatMap { try parseNote($0, path: delta.path, skip: skip) }
            let offset = new.utcOffset.flatMap(Timestamp.parseOffset)
            var changes: [HistoryEvent.Change] = []
            var times: [Timestamp?] = []
            for added in NoteChanges.addedBullets(old, new) {
                let (time, text) = NoteChanges.splitTime(added.text)
                changes.append(.noteBullet(section: added.section.heading, text: text))
                times.append(time.flatMap { NoteChanges.timestamp(day: day, time: $0, offset: offset) })
            }
            return RawFile(
                path: delta.path, taskID: nil, noteAuthor: handle, noteDay: day, changes: changes, logs: [],
                times: times)
        default:
            return nil
        }
    }

    private func parseTask(
        _ version: FileVersion, path: String, skip: (String, any Error) -> Void
    ) throws -> TaskDocument? {
        try parsed(version, path: path, in: \.tasks, skip: skip) { try TaskDocument.parse($0, path: path) }
    }

    private func parseNote(
        _ version: FileVersion, path: String, skip: (String, any Error) -> Void
    ) throws -> DailyNote? {
        try parsed(version, path: path, in: \.notes, skip: skip) { try DailyNote.parse($0, path: path) }
    }

    /// The version parsed by `parse` (with the same bounded parser as the work tree's files), from the
    /// cache when this walk parsed it before; a version that cannot be read is nil, told to `skip` once.
    private func parsed<T>(
        _ version: FileVersion, path: String, in slot: ReferenceWritableKeyPath<ParseCache, [String: T?]>,
        skip: (String, any Error) -> Void, _ parse: (String) throws -> T
    ) throws -> T? {
        if let hit = cache[keyPath: slot][version.id] { return hit }
        let value: T?
        do {
            // A huge version is refused before it is read: parsing is bounded by the same cap as files.
            value = try parse(try version.text(path: path))
        } catch let error as JournalError {
            throw error
        } catch {
            value = nil
            skip(path, error)
        }
        cache[keyPath: slot][version.id] = value
        return value
    }

    /// Why a version cannot be read, without the advice meant for a file in the work tree.
    static func detail(of error: any Error) -> String {
        if case ModelError.badFrontMatter(_, let detail) = error { return detail }
        return (error as? LocalizedError)?.errorDescription ?? "\(error)"
    }
}

/// Parsed file versions by content id, for one walk.
private final class ParseCache {
    var tasks: [String: TaskDocument?] = [:]
    var notes: [String: DailyNote?] = [:]
}

/// A commit and the journal files it changed, before attribution.
struct RawCommit {
    let commit: HistoryCommit
    var files: [RawFile]
    /// Its place in the walk, newest first.
    var position = 0
}

/// The handles that commits outside the walked paths name in their messages (`note: priya ...`),
/// by author email, newest first: each pairing's newest commit only, so memory stays small on a
/// walk over years of history.
struct CommitNamers {
    private(set) var byEmail: [String: [(handle: String, position: Int)]] = [:]

    mutating func note(_ commit: HistoryCommit, position: Int) {
        let summary = commit.summary
        let email = commit.authorEmail.lowercased()
        // Most commits name a pairing already seen: tell so from the one word that could be the
        // handle, and parse only the rest.
        if let word = CommitMessage.authorWord(inSummary: summary) {
            if word.isEmpty || byEmail[email]?.contains(where: { $0.handle == word }) == true { return }
        }
        guard let candidate = Attribution.messageCandidate(summary) else { return }
        if byEmail[email]?.contains(where: { $0.handle == candidate }) == true { return }
        byEmail[email, default: []].append((candidate, position))
    }
}

/// One changed file of a commit: its derived changes and the log lines it added.
struct RawFile {
    let path: String
    let taskID: String?
    let noteAuthor: String?
    let noteDay: LocalDay?
    let changes: [HistoryEvent.Change]
    let logs: [LogEntry]
    /// For note bullets: when each change was written (aligned with `changes`), when the bullet says.
    var times: [Timestamp?] = []
}
