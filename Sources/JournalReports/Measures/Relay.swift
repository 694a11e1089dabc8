import Foundation
import JournalModel

/// The relay of a period: every hand-off (a task assigned by one person to another, with the note), and what
/// each person did, counted. Read from the task logs; each line belongs to its author's local day.
public struct Relay: Sendable, Equatable {
    /// One task handed from one person to another.
    public struct Handoff: Sendable, Equatable {
        public var taskID: String
        public var title: String
        public var from: String
        public var to: String
        public var note: String?
        public var at: Timestamp
    }

    /// What one person did in the period.
    public struct Counts: Sendable, Equatable {
        /// Days with a note (at least one bullet).
        public var notes = 0
        /// Tasks (not asks) whose `created` log line they wrote.
        public var tasksCreated = 0
        /// Tasks they marked done.
        public var tasksDone = 0
        /// Tasks they handed to someone else.
        public var handedOn = 0
        /// Asks they made.
        public var asksMade = 0
        /// Asks they gave the first answer to (see `AskAnswer`).
        public var asksAnswered = 0

        public init() {}
    }

    /// Hand-offs in time order.
    public var handoffs: [Handoff]
    public var counts: [String: Counts]

    /// The relay of `since...until` at `now`.
    public init(
        tasks: [TaskDocument], notes: [(author: String, day: LocalDay, note: DailyNote)], since: LocalDay,
        until: LocalDay, now: Timestamp
    ) {
        let period = since...until
        var handoffs: [Handoff] = []
        var counts: [String: Counts] = [:]
        for (author, day, note) in notes where period.contains(day) && Responsiveness.hasBullets(note) {
            counts[author, default: Counts()].notes += 1
        }
        for task in tasks {
            if task.kind == .ask, period.contains(task.created.localDay), let asker = task.from {
                counts[asker, default: Counts()].asksMade += 1
            }
            if task.kind == .ask, let answer = AskAnswer.first(task, now: now), period.contains(answer.at.localDay) {
                counts[answer.author, default: Counts()].asksAnswered += 1
            }
            for entry in task.log where period.contains(entry.at.localDay) && entry.at <= now {
                switch TaskChange(logLine: entry.text) {
                case .assigned(let to, let note) where to != entry.author:
                    handoffs.append(
                        Handoff(
                            taskID: task.id, title: task.title, from: entry.author, to: to, note: note, at: entry.at))
                    counts[entry.author, default: Counts()].handedOn += 1
                case .status(.done, _) where task.kind == .task:
                    counts[entry.author, default: Counts()].tasksDone += 1
                case .logged(let text) where task.kind == .task && (text == "created" || text.hasPrefix("created ")):
                    counts[entry.author, default: Counts()].tasksCreated += 1
                default: break
                }
            }
        }
        self.handoffs = handoffs.sorted { ($0.at, $0.taskID) < ($1.at, $1.taskID) }
        self.counts = counts
    }

    /// Hand-offs `handle` gave.
    public func given(by handle: String) -> [Handoff] { handoffs.filter { $0.from == handle } }
    /// Hand-offs `handle` received.
    public func received(by handle: String) -> [Handoff] { handoffs.filter { $0.to == handle } }
    /// What `handle` did (zero counts when nothing).
    public func counts(of handle: String) -> Counts { counts[handle] ?? Counts() }
    /// Everyone with a hand-off or a count.
    public var handles: Set<String> {
        Set(counts.keys).union(handoffs.map(\.from)).union(handoffs.map(\.to))
    }
}
