import Foundation
import JournalModel

/// Who is on the team, as every reader sees it: the `members:` of `baton.yml`, or, when it has none
/// (or an empty list), everyone who wrote a note, a task, an ask or a log line in the last 30 days.
public struct Roster: Sendable, Equatable {
    /// The members, sorted by handle (roster order when it comes from `baton.yml`).
    public var members: [Member]
    /// True when the members come from `baton.yml`, false when they are the recent writers.
    public var isConfigured: Bool

    /// How far back the writers of a journal without `members:` are looked for.
    public static let recentDays = 30

    public var handles: [String] { members.map(\.handle.value) }

    public func contains(_ handle: String) -> Bool { members.contains { $0.handle.value == handle } }

    /// The roster of `config`, else the handles that wrote on `today` or in the 29 days before it:
    /// note files of those days, and task and ask log lines (creation included) dated in them.
    public static func effective(
        config: JournalConfig, today: LocalDay, noteAuthors: [String], hasNote: (String, LocalDay) -> Bool,
        tasks: [TaskDocument]
    ) -> Roster {
        if let members = config.members, !members.isEmpty { return Roster(members: members, isConfigured: true) }
        let first = today.adding(days: -(recentDays - 1))
        var writers: Set<String> = []
        for author in noteAuthors {
            var day = first
            while day <= today {
                if hasNote(author, day) {
                    writers.insert(author)
                    break
                }
                day = day.adding(days: 1)
            }
        }
        for task in tasks {
            for entry in task.log where Handle.isValid(entry.author) {
                let day = entry.at.localDay
                if day >= first && day <= today { writers.insert(entry.author) }
            }
        }
        let members = writers.sorted().compactMap { try? Member(handle: Handle($0)) }
        return Roster(members: members, isConfigured: false)
    }

    /// Refuses `handle` when it is not on a non-empty roster, suggesting the closest member. Without
    /// `members:` the roster is the recent writers, so a teammate who has not written in 30 days is
    /// refused too: `--force` (or `baton member add`) lets a newcomer in.
    public func check(_ handle: String, canForce: Bool = true) throws {
        guard !members.isEmpty, !contains(handle) else { return }
        throw RosterError.unknownMember(handle: handle, suggestion: suggestion(for: handle), canForce: canForce)
    }

    /// The member whose handle is closest to `handle`: one edit away (two for handles of five letters or
    /// more), or one handle starts the other.
    public func suggestion(for handle: String) -> String? {
        let scored = handles.map { ($0, Self.distance($0, handle)) }
        let best = scored.min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let best else { return nil }
        if best.1 <= max(1, min(2, (handle.count - 1) / 2)) { return best.0 }
        return handles.first { $0.hasPrefix(handle) || handle.hasPrefix($0) }
    }

    /// The edit distance (insertions, deletions, substitutions, adjacent swaps) between two handles.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8.prefix(64))
        let b = Array(b.utf8.prefix(64))
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
                }
            }
        }
        return rows[a.count][b.count]
    }
}
