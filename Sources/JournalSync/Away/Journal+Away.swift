import Foundation
import JournalModel

/// An ask whose respond-by time moved because its recipient marked (or cancelled) time away.
public struct MovedWindow: Sendable, Equatable {
    public var askID: String
    public var title: String
    /// Who asked.
    public var from: String
    public var before: Timestamp
    public var after: Timestamp
}

/// What one `away` command does to a person's periods.
private struct AwayEdit {
    var removed: [AwayPeriod]
    var added: AwayPeriod?
    /// The period the commit message names.
    var period: AwayPeriod
    var cancelled: Bool
}

extension Journal {
    /// Everyone's time away, by handle, from `away/<handle>.md`. A file that cannot be read, or a bullet
    /// that is not a period, is skipped with a one-line warning; the other files and lines still count.
    public func awayPeriods() -> [String: [AwayPeriod]] {
        var away: [String: [AwayPeriod]] = [:]
        for path in markdownFiles(under: JournalLayout.awayFolder) {
            guard let handle = JournalLayout.awayHandle(of: path), let text = readSkippingBad(path) else { continue }
            let file = AwayFile(parsing: text)
            if let line = file.badLines.first {
                JournalWarnings.shared.skipped(
                    "\(path):\(line)",
                    "not a period of time away (write '- 2026-12-21..2027-01-04 note'); the other lines are read")
            }
            if !file.periods.isEmpty { away[handle] = file.periods }
        }
        return away
    }

    /// The work calendar of the team: the roster's zones and working days, and everyone's time away.
    public func workCalendar() -> WorkCalendar {
        WorkCalendar(config: config, fallbackZone: config.timeZone, away: awayPeriods())
    }

    /// Marks me away for `period` (replacing my periods that share a day with it), moves the windows of the
    /// open asks to me that it changes, and commits both.
    @discardableResult
    public func markAway(_ period: AwayPeriod, at now: Timestamp) throws -> [MovedWindow] {
        try changeAway(at: now) { periods in
            let replaced = periods.filter { $0.overlaps(period) }
            periods.removeAll { $0.overlaps(period) }
            periods.append(period)
            return AwayEdit(removed: replaced, added: period, period: period, cancelled: false)
        }
    }

    /// Cancels my period of time away `period`, moves the windows it had moved back, and commits.
    @discardableResult
    public func cancelAway(_ period: AwayPeriod, at now: Timestamp) throws -> [MovedWindow] {
        try changeAway(at: now) { periods in
            periods.removeAll { $0 == period }
            return AwayEdit(removed: [period], added: nil, period: period, cancelled: true)
        }
    }

    /// Reads my time-away file strictly (a file that cannot be read is refused, not overwritten), lets
    /// `change` edit the periods, rewrites only the bullets it removed or added, and commits with the asks.
    private func changeAway(
        at now: Timestamp,
        _ change: (inout [AwayPeriod]) -> AwayEdit
    ) throws -> [MovedWindow] {
        let me = try requireMe()
        let path = JournalLayout.awayPath(handle: me)
        return try withLockTaken {
            let text = try read(path)
            let style = try rewriteStyle(of: path)
            let before = workCalendar()
            var periods = before.away[me.value] ?? []
            let edit = change(&periods)
            let edited = AwayFile.editing(text, handle: me.value, removing: edit.removed, adding: edit.added)
            let after = before.with(away: periods, of: me.value)
            var files = [path: style.apply(edited)]
            let moved = try movedWindows(of: me.value, before: before, after: after, at: now, into: &files)
            let message = CommitMessage.awayChanged(
                by: me.value, from: edit.period.from, until: edit.period.until, cancelled: edit.cancelled)
            try save(files, message: message)
            return moved
        }
    }

    /// The open asks to `handle` whose respond-by time differs between the two calendars, rewritten into
    /// `files` with a log line saying why.
    private func movedWindows(
        of handle: String, before: WorkCalendar, after: WorkCalendar, at now: Timestamp,
        into files: inout [String: String]
    ) throws -> [MovedWindow] {
        var moved: [MovedWindow] = []
        let asks = loadTasks(readBody: { _ in false }).tasks.filter {
            $0.kind == .ask && $0.status.isOpen && ($0.to ?? $0.owner) == handle && $0.respondBy != nil
        }
        for summary in asks {
            guard let old = summary.respondBy,
                let new = AwayWindows.respondBy(
                    created: summary.created.date, respondBy: old.date, of: handle, before: before, after: after)
            else { continue }
            var task = try resolveTask(summary.id)
            let style = try rewriteStyle(of: task.path)
            let after = Timestamp(date: new, offsetSeconds: old.offsetSeconds)
            task.respondBy = after
            let zone = TimeZone(secondsFromGMT: after.offsetSeconds) ?? .current
            task.record("respond by moved to \(after.rendered(in: zone)): time away changed", by: handle, at: now)
            files[task.path] = style.apply(task.render())
            moved.append(
                MovedWindow(askID: task.id, title: task.title, from: task.from ?? "", before: old, after: after))
        }
        return moved
    }
}

extension Journal {
    /// The time-away files that cannot be read, are not named by a handle, or hold a bullet that is not a
    /// period (the first such line), one problem per file.
    func awayProblems() -> [FileProblem] {
        var problems: [FileProblem] = []
        for path in markdownFiles(under: JournalLayout.awayFolder) {
            let text: String?
            do {
                text = try read(path)
            } catch {
                problems.append(FileProblem(path: path, line: nil, reason: Self.skipReason(error)))
                continue
            }
            guard let text else { continue }
            if JournalLayout.awayHandle(of: path) == nil {
                problems.append(FileProblem(path: path, line: nil, reason: "not named by a handle (away/<handle>.md)"))
            } else if let line = AwayFile(parsing: text).badLines.first {
                problems.append(
                    FileProblem(
                        path: path, line: line,
                        reason: "not a period of time away; write '- 2026-12-21..2027-01-04 note'"))
            }
        }
        return problems
    }
}
