import Foundation

/// Every commit message baton writes, rendered (`text`) and read back (`init?(parsing:)`) in one place,
/// so `git log` reads as the team's history and history views can tell who did what.
public enum CommitMessage: Hashable, Sendable {
    /// `journal: created for team <team>`.
    case journalCreated(team: String)
    /// `note: <author> <day>[ <section>][ (<section>, written <writtenOn>)]`: a bullet added to a note;
    /// the section is named when it is not `today`, and the day written when it is not the note's day.
    case noteAdded(author: String, day: LocalDay, section: NoteSection, writtenOn: LocalDay?)
    /// `note: <author> <day> (edited)`: a note edited by hand.
    case noteEdited(author: String, day: LocalDay)
    /// `note: <author> <day> (undo)`: the last bullet of a note removed (`baton note --undo`).
    case noteUndone(author: String, day: LocalDay)
    /// `task <id>: created "<title>" (owner <owner>)`: names the owner, not who created it.
    case taskCreated(id: String, title: String, owner: String)
    /// `ask <id>: <from> asks <to>, respond by 2026-11-25 09:14 +05:30` (at `respondBy`'s offset).
    case askMade(id: String, from: String, to: String, respondBy: Timestamp)
    /// `<kind> <id>: <author> <log line>`: a change to a task or ask, logged in its file too.
    case taskChanged(kind: TaskKind, id: String, author: String, change: TaskChange)
    /// `hand edits: <paths>[, and <more> more]`: a teammate's uncommitted edits, committed by sync.
    case handEdits(listed: [String], more: Int)
    /// `sync: merge <authors>'s work (<commits> commit(s))`, then the files merged by content and the
    /// versions kept beside, each as a `- <path>` list under its own heading, then the field
    /// collisions the merge settled, one `- <SettledCollision.line>` each.
    case syncMerge(
        authors: [String], commits: Int, mergedFiles: [String], keptBeside: [String],
        settled: [SettledCollision] = [])
    /// `sync: drop paths git cannot check out`, then one `- <path> (from <commit> by <author>)` line each.
    case droppedPaths([DroppedPath])
    /// `members: <by> added|updated|removed <handle>`: a change to the roster in `baton.yml`.
    case memberChanged(by: String, handle: String, action: MemberAction)
    /// `away: <by> <from>..<until>`, or `away: <by> cancelled <from>..<until>`: time away marked in
    /// `away/<by>.md` (the asks whose windows it moved are in the same commit).
    case awayChanged(by: String, from: LocalDay, until: LocalDay, cancelled: Bool)

    /// What a roster change did to a member.
    public enum MemberAction: String, Hashable, Sendable, CaseIterable {
        case added, updated, removed
    }

    /// A path sync dropped because git cannot check it out, with the commit that brought it.
    public struct DroppedPath: Hashable, Sendable {
        public var path: String
        /// The commit, abbreviated.
        public var commit: String
        public var author: String

        public init(path: String, commit: String, author: String) {
            self.path = path
            self.commit = commit
            self.author = author
        }
    }

    /// How many hand-edited paths the message lists by name.
    public static let listedHandEdits = 5

    /// The hand-edit message for `paths`: the first five by name, then how many more.
    public static func handEdits(_ paths: [String]) -> CommitMessage {
        .handEdits(listed: Array(paths.prefix(listedHandEdits)), more: max(0, paths.count - listedHandEdits))
    }

    /// The handle the message names as the one who made the change: a note's author, the one who
    /// changed a task, the one who asked. A created task names only its owner, so nil.
    public var author: String? {
        switch self {
        case .noteAdded(let author, _, _, _), .noteEdited(let author, _), .noteUndone(let author, _): author
        case .taskChanged(_, _, let author, _): author
        case .askMade(_, let from, _, _): from
        case .memberChanged(let by, _, _): by
        case .awayChanged(let by, _, _, _): by
        case .journalCreated, .taskCreated, .handEdits, .syncMerge, .droppedPaths: nil
        }
    }

    /// The full message, exactly as baton commits it.
    public var text: String {
        switch self {
        case .journalCreated(let team):
            return "journal: created for team \(team)"
        case .noteAdded(let author, let day, let section, let writtenOn):
            let named = section == .today ? "" : " \(section.rawValue)"
            let written = writtenOn.map { " (\(section.rawValue), written \($0))" } ?? ""
            return "note: \(author) \(day)\(named)\(written)"
        case .noteEdited(let author, let day):
            return "note: \(author) \(day) (edited)"
        case .noteUndone(let author, let day):
            return "note: \(author) \(day) (undo)"
        case .taskCreated(let id, let title, let owner):
            return "task \(id): created \"\(title)\" (owner \(owner))"
        case .askMade(let id, let from, let to, let respondBy):
            let zone = TimeZone(secondsFromGMT: respondBy.offsetSeconds) ?? .current
            return "ask \(id): \(from) asks \(to), respond by \(respondBy.rendered(in: zone))"
        case .taskChanged(let kind, let id, let author, let change):
            return "\(kind.rawValue) \(id): \(author) \(TextSafety.singleLine(change.logLine))"
        case .handEdits(let listed, let more):
            return "hand edits: " + listed.joined(separator: ", ") + (more > 0 ? ", and \(more) more" : "")
        case .syncMerge(let authors, let commits, let merged, let kept, let settled):
            var text = "sync: merge \(authors.joined(separator: ", "))'s work (\(commits) commit(s))"
            if !merged.isEmpty { text += "\n\n" + Self.mergedHeading + "\n" + Self.list(merged) }
            if !kept.isEmpty { text += "\n\n" + Self.keptHeading + "\n" + Self.list(kept) }
            if !settled.isEmpty { text += "\n\n" + Self.settledHeading + "\n" + Self.list(settled.map(\.line)) }
            return text
        case .droppedPaths(let dropped):
            let lines = dropped.map { "\($0.path) (from \($0.commit) by \($0.author))" }
            return Self.droppedSummary + "\n\n" + Self.list(lines)
        case .memberChanged(let by, let handle, let action):
            return "members: \(by) \(action.rawValue) \(handle)"
        case .awayChanged(let by, let from, let until, let cancelled):
            return "away: \(by) " + (cancelled ? "cancelled " : "") + "\(from)..\(until)"
        }
    }

    static let mergedHeading = "Merged by content:"
    static let keptHeading = "Not merged as text; the other version kept beside:"
    static let settledHeading = "Field collisions settled:"
    static let droppedSummary = "sync: drop paths git cannot check out"

    private static func list(_ items: [String]) -> String {
        items.map { "- \($0)" }.joined(separator: "\n")
    }
}
