import Foundation
import JournalModel
import JournalSync

/// A sync merge commit that settled field collisions in task files, as its message lists them (see
/// `CommitMessage.syncMerge`), and how history shows each: one event saying what both clones set and
/// which value was kept, in place of each side's own change of the field.
struct SettledMerge {
    let commit: String
    let at: Timestamp
    let collisions: [SettledCollision]

    /// How far ahead of the merging clone's clock a side's change may be dated and still be matched.
    static let clockMargin: TimeInterval = 6 * 3600

    /// `events` (oldest commit first) with each merge's collisions folded in, merges oldest first.
    static func apply(_ merges: some Sequence<SettledMerge>, to events: [HistoryEvent]) -> [HistoryEvent] {
        var events = events
        for merge in merges {
            for collision in merge.collisions { merge.fold(collision, into: &events) }
        }
        return events
    }

    /// Replaces the latest change of the field to each side's value (before the merge) by one event.
    private func fold(_ collision: SettledCollision, into events: inout [HistoryEvent]) {
        /// The side's change: the latest one before the merge, else (a clock a little ahead) the first
        /// one soon after it.
        func latest(setting value: String?) -> Int? {
            func sets(_ event: HistoryEvent) -> Bool {
                guard event.path == collision.path, event.settled == nil,
                    case .field(let name, _, let new) = event.change
                else { return false }
                return name == collision.field && new == value
            }
            let margin = at.date.addingTimeInterval(Self.clockMargin)
            return events.lastIndex { sets($0) && $0.at.date <= at.date }
                ?? events.firstIndex { sets($0) && $0.at.date <= margin }
        }
        let keptIndex = latest(setting: collision.kept)
        let otherIndex = latest(setting: collision.other)
        let kept = keptIndex.map { events[$0] }
        let other = otherIndex.map { events[$0] }
        let base = kept ?? other
        var old: String?
        if case .field(_, let value, _)? = (other ?? kept)?.change { old = value }
        var event = HistoryEvent(
            commit: commit, at: [kept?.at, other?.at].compactMap { $0 }.max { $0.date < $1.date } ?? at,
            author: kept?.author ?? CollisionNames.handle(collision.keptBy),
            taskID: base?.taskID ?? Self.taskID(collision.path), noteDay: nil, path: collision.path,
            change: .field(name: collision.field, old: old, new: collision.kept))
        event.logText = kept?.logText
        event.details = kept?.details ?? []
        var keptBy = kept?.author ?? CollisionNames.handle(collision.keptBy)
        var otherBy = other?.author ?? CollisionNames.handle(collision.otherBy)
        if keptBy == otherBy, collision.keptBy != collision.otherBy {
            // One person on two clones: the clones' own names (their commit identities) tell them apart.
            (keptBy, otherBy) = (CollisionNames.handle(collision.keptBy), CollisionNames.handle(collision.otherBy))
        }
        event.settled = HistoryEvent.Settlement(
            kept: collision.kept, keptBy: keptBy, other: collision.other, otherBy: otherBy)
        // The event takes the place of the later side's change; the earlier one is dropped.
        let place = [keptIndex, otherIndex].compactMap { $0 }.max()
        for index in [keptIndex, otherIndex].compactMap({ $0 }).sorted(by: >) where index != place {
            events.remove(at: index)
        }
        if let place {
            let shifted = place - [keptIndex, otherIndex].compactMap { $0 }.filter { $0 < place }.count
            events[shifted] = event
        } else {
            events.append(event)
        }
    }

    private static func taskID(_ path: String) -> String? {
        if case .task(let id) = JournalLayout.classify(path: path) { return id }
        return nil
    }
}

extension SettledMerge {
    /// The merge's collisions in task files under `paths`; nil when it lists none.
    init?(_ commit: HistoryCommit, paths: [String]) {
        guard case .syncMerge(_, _, _, _, let settled)? = CommitMessage(parsing: commit.message) else { return nil }
        let wanted = settled.filter { collision in
            guard case .task = JournalLayout.classify(path: collision.path) else { return false }
            return paths.contains { collision.path == $0 || collision.path.hasPrefix($0 + "/") }
        }
        guard !wanted.isEmpty else { return nil }
        let author = commit.committer
        self.init(
            commit: commit.id, at: Timestamp(date: author.date, offsetSeconds: author.offsetMinutes * 60),
            collisions: wanted)
    }
}

/// Names a merge message gives the sides (commit author names), as shown in history.
enum CollisionNames {
    static func handle(_ name: String) -> String { TextSafety.singleLine(name) }
}
