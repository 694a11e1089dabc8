import Foundation
import JournalModel

/// How a change of someone's time away moves the windows of the asks made to them.
enum AwayWindows {
    /// The new respond-by time of an ask made at `created`, due at `respondBy`, when `handle`'s calendar
    /// changes from `before` to `after`; nil when it does not move.
    ///
    /// The window keeps its length in the time that counted for it: working time when `respondBy` is
    /// exactly where working time puts it (the ask was made that way), else calendar time (`--calendar`).
    static func respondBy(
        created: Date, respondBy: Date, of handle: String, before: WorkCalendar, after: WorkCalendar
    ) -> Date? {
        let working = ResponseWindow(for: handle, in: before, clock: .working)
        let workingLength = working.length(from: created, to: respondBy)
        let clock: ResponseWindow.Clock =
            abs(working.end(from: created, after: workingLength).timeIntervalSince(respondBy)) < 1
            ? .working : .calendar
        let old = ResponseWindow(for: handle, in: before, clock: clock)
        let new = ResponseWindow(for: handle, in: after, clock: clock)
        let moved = new.end(from: created, after: old.length(from: created, to: respondBy))
        return abs(moved.timeIntervalSince(respondBy)) < 1 ? nil : moved
    }
}
