import Foundation
import JournalModel
import JournalSync

/// A member with no note on one of their working days.
public struct MissingNote: Sendable, Equatable {
    public var handle: String
    public var day: LocalDay

    /// "no note from tom on Fri 20".
    public var sentence: String {
        "no note from \(handle) on \(day.weekday.shortName.capitalized) \(day.day)"
    }
}

/// Who did not post: for each roster member, the working days of theirs (their `workdays`, else the
/// team's, less their days away) in a period with no note of that day, counting days up to their own
/// local `today` only.
public enum MissingNotes {
    /// The missing notes of `days`, by member (roster order) then day. `posted` tells whether `handle`
    /// has a note (with a bullet, or one that could not be read) for a day; `includeToday` counts
    /// the member's current day too (standup asks about one day), else only days already over. Days a
    /// member is away (`away`, by handle) are not working days.
    public static func find(
        roster: Roster, config: JournalConfig, days: ClosedRange<LocalDay>, now: Date, member: String? = nil,
        away: [String: [AwayPeriod]] = [:], includeToday: Bool, posted: (String, LocalDay) -> Bool
    ) -> [MissingNote] {
        var missing: [MissingNote] = []
        let calendar = WorkCalendar(config: config, fallbackZone: config.timeZone, away: away)
        for handle in roster.handles where member == nil || handle == member {
            let today = LocalDay(date: now, in: config.timeZone(of: handle))
            var day = days.lowerBound
            while day <= days.upperBound {
                let due = includeToday ? day <= today : day < today
                if due, calendar.isWorkingDay(handle, day), calendar.isOnTeam(handle, on: day), !posted(handle, day) {
                    missing.append(MissingNote(handle: handle, day: day))
                }
                day = day.adding(days: 1)
            }
        }
        return missing
    }

    /// Whether `note` says anything: one bullet in any section.
    public static func hasBullets(_ note: DailyNote) -> Bool {
        NoteSection.allCases.contains { !note.bullets(in: $0).isEmpty }
    }

    /// The author and day of a note path (`notes/<handle>/<year>/<day>.md`), for notes that could not be read.
    public static func noteKey(of path: String) -> (String, LocalDay)? {
        guard case .note(let handle, let day) = JournalLayout.classify(path: path) else { return nil }
        return (handle, day)
    }

    /// The missing notes as JSON objects: `{"member": "tom", "day": "2026-11-20"}`.
    public static func json(_ missing: [MissingNote]) -> [[String: Any]] {
        missing.map { ["member": $0.handle, "day": $0.day.description] }
    }
}
