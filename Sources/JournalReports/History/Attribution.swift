import Foundation
import JournalModel
import JournalSync

/// Decides who made each change: the log line's author for log lines; for other changes the
/// handle the commit message or the commit's new log lines name, else the handle last seen with
/// the commit author's email, else the email's local part or name when it is a known handle.
struct Attribution {
    private var emailToHandle: [String: String] = [:]
    private let known: Set<String>

    init(commits: [RawCommit], namers: CommitNamers = CommitNamers(), knownHandles: Set<String>) {
        var known = knownHandles
        for item in commits {
            for file in item.files {
                known.formUnion(file.logs.map(\.author))
                if let author = file.noteAuthor { known.insert(author) }
            }
        }
        self.known = known
        // The newest pairing wins (the lowest position in the newest-first walk).
        var newest: [String: (position: Int, handle: String)] = [:]
        func offer(_ email: String, _ handle: String, _ position: Int) {
            if let current = newest[email], current.position <= position { return }
            newest[email] = (position, handle)
        }
        for item in commits {
            if let handle = Self.namedHandle(item, known: known) {
                offer(item.commit.author.email.lowercased(), handle, item.position)
            }
        }
        for (email, pairings) in namers.byEmail {
            for pairing in pairings where known.contains(pairing.handle) {
                offer(email, pairing.handle, pairing.position)
            }
        }
        emailToHandle = newest.mapValues(\.handle)
    }

    /// The handle a commit names through its own content: its log lines, or its message.
    static func namedHandle(_ item: RawCommit, known: Set<String>) -> String? {
        let authors = Set(item.files.flatMap { $0.logs.map(\.author) })
        if authors.count == 1, let only = authors.first { return only }
        return messageHandle(item.commit.summary, known: known)
    }

    /// `task k7q2xm: tom blocked: ...`, `ask p3hd9x: priya asks tom ...`, `note: priya 2026-11-24`.
    static func messageHandle(_ summary: String, known: Set<String>) -> String? {
        guard let candidate = messageCandidate(summary) else { return nil }
        return known.contains(candidate) ? candidate : nil
    }

    /// The handle a baton commit message names as its author, whether or not it is a known handle.
    static func messageCandidate(_ summary: String) -> String? {
        CommitMessage(parsing: summary)?.author
    }

    /// The handle for the commit's author when nothing in the commit names one.
    func handle(for author: Author) -> String {
        if let mapped = emailToHandle[author.email.lowercased()] { return mapped }
        let local = author.email.split(separator: "@").first.map { String($0).lowercased() } ?? ""
        if known.contains(local) { return local }
        let name = author.name.lowercased()
        if known.contains(name) { return name }
        if let first = name.split(separator: " ").first.map(String.init), known.contains(first) { return first }
        return TextSafety.singleLine(author.name)
    }

    /// The events of one commit.
    func events(for item: RawCommit) -> [HistoryEvent] {
        let commit = item.commit
        let stamp = Timestamp(date: commit.author.date, offsetSeconds: commit.author.offsetMinutes * 60)
        let committer = Self.namedHandle(item, known: known) ?? handle(for: commit.author)
        var events: [HistoryEvent] = []
        for file in item.files {
            var fileEvents: [HistoryEvent] = []
            var logs = file.logs[...]
            // baton's own commits carry the time in their log line; hand edits only the commit's.
            let fileTime = file.logs.first?.at ?? stamp
            for (index, change) in file.changes.enumerated() {
                var at = fileTime
                var who = committer
                if case .log = change, let entry = logs.popFirst() {
                    at = entry.at
                    who = entry.author
                } else if index < file.times.count, let written = file.times[index] {
                    at = written
                }
                fileEvents.append(
                    HistoryEvent(
                        commit: commit.id, at: at, author: who, taskID: file.taskID, noteDay: file.noteDay,
                        path: file.path, change: change))
            }
            // One line per event: a status change and its log line, or a new task and its first values.
            events += EventFolding.fold(fileEvents)
        }
        return events
    }
}
