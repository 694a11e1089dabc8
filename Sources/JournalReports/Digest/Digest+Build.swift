import Foundation
import JournalModel

extension Digest {
    /// Builds the digest from the current files and the history.
    public init(_ input: DigestInput) {
        // Positions, not copies: on 100,000 tasks a dictionary of the documents themselves was 71 MB.
        let tasksByID = Dictionary(
            input.tasks.indices.map { (input.tasks[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        let inPeriod = input.events.filter(input.contains)
        func title(_ id: String?) -> String {
            id.flatMap { tasksByID[$0].map { input.tasks[$0].title } ?? input.otherTitles[$0] } ?? ""
        }
        func concerns(_ task: TaskDocument, _ member: String) -> Bool {
            task.owner == member || task.from == member || task.to == member
        }

        // Status changes and blockers, by who made them.
        var changes: [String: [StatusChange]] = [:]
        var raised: [String: [BlockerChange]] = [:]
        var cleared: [String: [BlockerChange]] = [:]
        for event in inPeriod {
            // A new task's first status is not a change.
            guard let id = event.taskID, case .field("status", let old?, let new) = event.change else { continue }
            let name = title(id).isEmpty ? Self.titleFromHistory(id, input.events) : title(id)
            changes[event.author, default: []].append(
                StatusChange(taskID: id, title: name, from: old, to: new, by: event.author, at: event.at))
            if new == TaskStatus.blocked.rawValue {
                let reason = Self.reason(for: event, in: input.events)
                raised[event.author, default: []].append(
                    BlockerChange(taskID: id, title: name, reason: reason, by: event.author, at: event.at))
            } else if old == TaskStatus.blocked.rawValue {
                cleared[event.author, default: []].append(
                    BlockerChange(taskID: id, title: name, reason: nil, by: event.author, at: event.at))
            }
        }

        // Notes by author and day.
        var notesBy: [String: [NoteDay]] = [:]
        for (author, day, note) in input.notes where day >= input.since && day <= input.until {
            var sections: [(NoteSection, [Bullet])] = []
            var attachments: [String] = []
            for section in NoteSection.allCases {
                let bullets = note.bullets(in: section).map { raw -> Bullet in
                    let (time, text) = NoteChanges.splitTime(raw)
                    attachments += AttachmentLinks.paths(in: text)
                    let at = time.flatMap {
                        input.authors.bulletTime($0, day: day, author: author, noteOffset: note.utcOffset)
                    }
                    return Bullet(time: time, text: text, at: at)
                }
                if !bullets.isEmpty { sections.append((section, bullets)) }
            }
            if !sections.isEmpty {
                notesBy[author, default: []].append(NoteDay(day: day, sections: sections, attachments: attachments))
            }
        }

        relay = Relay(tasks: input.tasks, notes: input.notes, since: input.since, until: input.until, now: input.now)
        var handles = Set(notesBy.keys).union(changes.keys).union(raised.keys).union(cleared.keys)
            .union(relay.handles)
        if let member = input.member { handles = handles.filter { $0 == member }.union([member]) }
        people = handles.sorted().map { handle in
            Person(
                handle: handle, notes: (notesBy[handle] ?? []).sorted { $0.day < $1.day },
                statusChanges: changes[handle] ?? [], blockersRaised: raised[handle] ?? [],
                blockersCleared: cleared[handle] ?? [])
        }

        let now = input.now.date
        let today = LocalDay(date: now, in: input.zone)
        // Without a member every task is relevant: the same array, not a copy (100,000 tasks are 26 MB).
        let relevant = input.member.map { member in input.tasks.filter { concerns($0, member) } } ?? input.tasks
        blocked = relevant.filter { $0.status == .blocked }.map { task in
            Blocked(
                taskID: task.id, title: task.title, owner: task.owner, reason: task.blockedReason,
                since: Self.blockedSince(task, input.events))
        }.sorted { ($0.since, $0.taskID) < ($1.since, $1.taskID) }
        overdue = relevant.compactMap { task -> Overdue? in
            guard task.kind == .task, task.status.isOpen, let due = task.due, due < today else { return nil }
            return Overdue(taskID: task.id, title: task.title, owner: task.owner, due: due)
        }.sorted { ($0.due, $0.taskID) < ($1.due, $1.taskID) }
        stale = relevant.compactMap { task -> Stale? in
            guard task.kind == .task, task.status.isOpen else { return nil }
            // Counted from the day of the last update as its author wrote it (the calendar is the authors').
            let days = task.updated.localDay.days(until: today)
            guard days >= input.staleDays else { return nil }
            return Stale(taskID: task.id, title: task.title, owner: task.owner, updated: task.updated, days: days)
        }.sorted { ($0.updated, $0.taskID) < ($1.updated, $1.taskID) }
        lateAsks = relevant.compactMap { Self.lateAsk($0, now: now, answeredIn: input.isInPeriod) }
            .sorted { ($0.respondBy, $0.askID) < ($1.respondBy, $1.askID) }

        responsiveness = Responsiveness(
            tasks: input.tasks, notes: input.notes, since: input.since, until: input.until, now: input.now,
            people: input.member.map { [$0] } ?? input.config?.memberHandles ?? people.map(\.handle),
            calendar: WorkCalendar(config: input.config, fallbackZone: input.zone, away: input.away),
            member: input.member)
        team = input.team
        since = input.since
        until = input.until
        zone = input.zone
        generated = input.now
        periodKind = input.periodKind
        clock = ReaderClock(zone: input.zone, authors: input.authors)
        staleDays = input.staleDays
    }

    /// The ask, when it was answered after its respond-by time within the period (`answeredIn`: the answer's
    /// author's local day is in it), or waits past it now.
    static func lateAsk(_ task: TaskDocument, now: Date, answeredIn: (LogEntry) -> Bool) -> LateAsk? {
        guard task.kind == .ask, let respondBy = task.respondBy else { return nil }
        let asker = task.from ?? ""
        let answer = AskAnswer.first(task, now: Timestamp(date: now, offsetSeconds: 0))
        let late: Bool
        if let answer {
            late = answer.at.date > respondBy.date && answeredIn(answer)
        } else {
            late = task.status.isOpen && respondBy.date < now
        }
        guard late else { return nil }
        return LateAsk(
            askID: task.id, title: task.title, from: asker, to: task.to ?? task.owner, respondBy: respondBy,
            answeredAt: answer?.at, answeredBy: answer?.author, status: task.status.rawValue)
    }

    /// When a blocked task became blocked: the last history event that set it, else its last
    /// `blocked` log line, else its last update.
    static func blockedSince(_ task: TaskDocument, _ events: [HistoryEvent]) -> Timestamp {
        if let event = events.last(where: {
            $0.taskID == task.id
                && $0.change == .field(name: "status", old: $0.oldStatus, new: TaskStatus.blocked.rawValue)
        }) {
            return event.at
        }
        if let line = task.log.last(where: { $0.text.hasPrefix("blocked") }) { return line.at }
        return task.updated
    }

    /// The block reason set with a status event: the commit's blocked_reason change, else its log line.
    static func reason(for event: HistoryEvent, in events: [HistoryEvent]) -> String? {
        for detail in event.details {
            if case .field("blocked_reason", _, let reason?) = detail { return reason }
        }
        if let text = event.logText, text.hasPrefix("blocked: ") { return String(text.dropFirst(9)) }
        for other in events where other.commit == event.commit && other.taskID == event.taskID {
            if case .field("blocked_reason", _, let reason?) = other.change { return reason }
        }
        for other in events where other.commit == event.commit && other.taskID == event.taskID {
            if case .log(let text) = other.change, text.hasPrefix("blocked: ") { return String(text.dropFirst(9)) }
        }
        return nil
    }

    /// A task's title from its creation event, for tasks that no longer exist.
    static func titleFromHistory(_ id: String, _ events: [HistoryEvent]) -> String {
        for event in events where event.taskID == id {
            if case .created(let title) = event.change { return title }
        }
        return ""
    }
}

extension HistoryEvent {
    /// The old status of a status change (nil for other changes).
    var oldStatus: String? {
        if case .field("status", let old, _) = change { return old }
        return nil
    }
}
