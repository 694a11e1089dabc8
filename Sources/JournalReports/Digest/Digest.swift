import Foundation
import JournalModel
import JournalSync

/// What the team did in a period, person by person, and what needs attention now:
/// blocked tasks and since when, overdue and stale tasks, asks answered late or still waiting.
public struct Digest: Sendable {
    /// One person's note of one day (the author's local day).
    public struct NoteDay: Sendable {
        public var day: LocalDay
        /// Sections in file order with their bullets; empty sections are left out.
        public var sections: [(section: NoteSection, bullets: [Bullet])]
        /// Journal-relative paths of the attachments the note links to.
        public var attachments: [String]
    }

    /// A note bullet: the author's local `HH:MM` when written, the text, and the instant when the author's
    /// zone is known (`AuthorClock.bulletTime`).
    public struct Bullet: Sendable {
        public var time: String?
        public var text: String
        public var at: Timestamp? = nil
    }

    /// A task whose status changed, with who changed it and when.
    public struct StatusChange: Sendable {
        public var taskID: String
        public var title: String
        public var from: String?
        public var to: String?
        public var by: String
        public var at: Timestamp
    }

    /// A block raised (status became blocked) or cleared (status left blocked).
    public struct BlockerChange: Sendable {
        public var taskID: String
        public var title: String
        public var reason: String?
        public var by: String
        public var at: Timestamp
    }

    /// Everything one person did in the period.
    public struct Person: Sendable {
        public var handle: String
        public var notes: [NoteDay]
        public var statusChanges: [StatusChange]
        public var blockersRaised: [BlockerChange]
        public var blockersCleared: [BlockerChange]

        public var isEmpty: Bool {
            notes.isEmpty && statusChanges.isEmpty && blockersRaised.isEmpty && blockersCleared.isEmpty
        }
    }

    /// A task blocked now, and since when.
    public struct Blocked: Sendable {
        public var taskID: String
        public var title: String
        public var owner: String
        public var reason: String?
        public var since: Timestamp
    }

    /// An open task past its due day.
    public struct Overdue: Sendable {
        public var taskID: String
        public var title: String
        public var owner: String
        public var due: LocalDay
    }

    /// An open task not updated for `days` days.
    public struct Stale: Sendable {
        public var taskID: String
        public var title: String
        public var owner: String
        public var updated: Timestamp
        public var days: Int
    }

    /// An ask answered after its respond-by time, or still open past it.
    public struct LateAsk: Sendable {
        public var askID: String
        public var title: String
        public var from: String
        public var to: String
        public var respondBy: Timestamp
        /// When and by whom it was first answered; nil while it waits.
        public var answeredAt: Timestamp?
        public var answeredBy: String?
        public var status: String
    }

    public var team: String
    /// First and last day of the period (inclusive), in the reader's zone.
    public var since: LocalDay
    public var until: LocalDay
    /// The reader's zone: times are shown in it.
    public var zone: TimeZone
    public var generated: Timestamp
    /// How the period was chosen (this week so far, last week, days), for the header.
    public var periodKind: ReadingPeriod.Kind
    /// The reader's zone and the authors' zones: events count on their author's local day.
    public var clock: ReaderClock
    public var staleDays: Int
    public var people: [Person]
    public var blocked: [Blocked]
    public var overdue: [Overdue]
    public var stale: [Stale]
    public var lateAsks: [LateAsk]
    /// Hand-offs of the period and each person's counts.
    public var relay: Relay
    /// Response windows, participation and blocker times of the period.
    public var responsiveness: Responsiveness
    /// Roster members with no note on a working day of theirs in the period (see `MissingNotes`).
    public var missingNotes: [MissingNote] = []
    /// Files that could not be read and are left out (see `UnreadableList`).
    public var unreadable: [UnreadableFile] = []
}
