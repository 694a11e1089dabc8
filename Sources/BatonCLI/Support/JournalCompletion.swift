import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

/// Shell completions that read the journal: task and ask ids, with their titles where the shell shows
/// descriptions (zsh, fish), and the roster's handles. At each <TAB> the completion script runs
/// `baton ---completion ...`, which calls these; they never fail: outside a journal, or on any error,
/// they offer nothing.
enum JournalCompletion {
    /// Tasks and asks, open ones first, most recently updated first.
    static let tasks = CompletionKind.custom { words, index, _ in
        offer(words: words, index: index) { journal, _ in taskCandidates(journal, asksOnly: false) }
    }

    /// Asks only, open ones first, most recently updated first.
    static let asks = CompletionKind.custom { words, index, _ in
        offer(words: words, index: index) { journal, _ in taskCandidates(journal, asksOnly: true) }
    }

    /// The roster's handles (`members:` in baton.yml, else the recent writers), with names where known.
    static let handles = CompletionKind.custom { words, index, _ in
        offer(words: words, index: index) { journal, today in
            journal.quietRoster(today: today).members.map { member in
                CompletionCandidate(value: member.handle.value, description: member.name)
            }
        }
    }

    /// Opens the journal the command line names (its `-C` options, else the current folder) and formats
    /// what `candidates` finds for the shell that asks.
    private static func offer(
        words: [String], index: Int, _ candidates: (Journal, LocalDay) -> [CompletionCandidate]
    ) -> [String] {
        Runtime.start()
        guard let journal = try? Journal.open(from: folder(in: words, before: index)) else { return [] }
        let shell = CompletionShell.requesting
        return candidates(journal, today).map { $0.formatted(for: shell) }
    }

    /// The folder of the `-C PATH` options before word `index`, each relative to the one before, as
    /// the command would run; nil without any.
    static func folder(in words: [String], before index: Int) -> String? {
        var folder: String?
        var position = 0
        let end = min(index, words.count)
        while position + 1 < end {
            defer { position += 1 }
            guard words[position] == "-C" else { continue }
            var path = words[position + 1]
            if path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
                path = home + path.dropFirst()
            }
            let base = folder ?? FileManager.default.currentDirectoryPath
            folder = path.hasPrefix("/") ? path : base + "/" + path
            position += 1
        }
        return folder
    }

    /// Today in the reader's zone (`BATON_NOW` fixes it), for the roster of recent writers.
    private static var today: LocalDay {
        if let fixed = ProcessInfo.processInfo.environment["BATON_NOW"], let stamp = Timestamp(iso: fixed) {
            return Timestamp(date: stamp.date, in: .current).localDay
        }
        return Timestamp.now(in: .current).localDay
    }

    private static func taskCandidates(_ journal: Journal, asksOnly: Bool) -> [CompletionCandidate] {
        journal.loadTasks(readBody: { _ in false }).tasks
            .filter { !asksOnly || $0.kind == .ask }
            .sorted { a, b in
                (a.status.isOpen ? 0 : 1, b.updated.date, a.id) < (b.status.isOpen ? 0 : 1, a.updated.date, b.id)
            }
            .map { CompletionCandidate(value: $0.id, description: "\($0.title) (\($0.status.rawValue))") }
    }
}

/// One word a shell may complete, and what zsh and fish show beside it.
struct CompletionCandidate: Equatable {
    var value: String
    var description: String?

    /// The longest description shown, in characters.
    static let descriptionLimit = 60

    /// The line the shell's completion script reads: `value:description` for zsh's `_describe`,
    /// `value<TAB>description` for fish, the value alone for bash. A teammate's text is made safe:
    /// one line, no control characters, at most `descriptionLimit` characters.
    func formatted(for shell: CompletionShell?) -> String {
        guard let description = description.map(Self.safe), !description.isEmpty else { return value }
        switch shell {
        case .zsh?: return value.replacingOccurrences(of: ":", with: "\\:") + ":" + description
        case .fish?: return value + "\t" + description
        default: return value
        }
    }

    private static func safe(_ text: String) -> String {
        let flat = text.map { $0 == "\t" || $0.isNewline ? " " : $0 }
        let clean = TerminalText.clean(String(flat), keepNewlines: false)
        return clean.count > descriptionLimit ? String(clean.prefix(descriptionLimit - 1)) + "…" : clean
    }
}
