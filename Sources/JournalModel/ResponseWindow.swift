import Foundation

/// How an ask's response window is counted for the person asked, in their zone.
///
/// A working-time window counts only their working days that they are not away (`WorkCalendar`):
/// 24 hours asked Friday 17:05 fall due Monday 17:05. A calendar window counts every hour but the days
/// they are away. Time is real elapsed time: a day is local midnight to the next midnight, 23 or 25 hours
/// across a DST change, so on a week without days off both clocks agree.
public struct ResponseWindow: Sendable {
    /// Which hours count.
    public enum Clock: String, Sendable, CaseIterable {
        /// The recipient's working days, minus their days away.
        case working
        /// Wall-clock hours, minus the recipient's days away.
        case calendar
    }

    /// The zone whose local days the window counts.
    public var zone: TimeZone
    /// The local days that count, each as a whole day.
    public var counts: @Sendable (LocalDay) -> Bool

    /// Days searched for counted time before giving up and counting every hour (a roster without
    /// working days, or years away).
    static let maxDays = 3700

    public init(zone: TimeZone, counts: @escaping @Sendable (LocalDay) -> Bool) {
        self.zone = zone
        self.counts = counts
    }

    /// The window of `handle` in `calendar`; `ignoringAway` counts their days away as usual.
    public init(for handle: String, in calendar: WorkCalendar, clock: Clock, ignoringAway: Bool = false) {
        let away = DisjointDays(ignoringAway ? [] : calendar.away[handle] ?? [])
        let workdays = clock == .working ? calendar.workdays(of: handle) : Set(Weekday.allCases)
        self.init(zone: calendar.zone(of: handle)) { day in
            workdays.contains(day.weekday) && !away.contains(day)
        }
    }

    /// The instant when `seconds` of counted time have passed since `start`.
    public func end(from start: Date, after seconds: TimeInterval) -> Date {
        var remaining = max(0, seconds)
        var day = LocalDay(date: start, in: zone)
        var cursor = start
        for _ in 0..<Self.maxDays {
            let next = max(day.adding(days: 1).startDate(in: zone), cursor)
            if counts(day) {
                let available = next.timeIntervalSince(cursor)
                if remaining <= available { return cursor.addingTimeInterval(remaining) }
                remaining -= available
            }
            cursor = next
            day = day.adding(days: 1)
        }
        return start.addingTimeInterval(seconds)
    }

    /// The counted time between `start` and `end` (zero when `end` is not later).
    public func length(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        guard end.timeIntervalSince(start) < Double(Self.maxDays) * 86_400 else { return end.timeIntervalSince(start) }
        var total: TimeInterval = 0
        var day = LocalDay(date: start, in: zone)
        var cursor = start
        while cursor < end {
            let next = min(max(day.adding(days: 1).startDate(in: zone), cursor), end)
            if counts(day) { total += next.timeIntervalSince(cursor) }
            cursor = next
            day = day.adding(days: 1)
        }
        return total
    }
}

/// Periods of days merged into sorted, disjoint spans, so a day is looked up in logarithmic time however
/// many periods a (hand-written) file lists.
struct DisjointDays: Sendable {
    private var spans: [(from: LocalDay, until: LocalDay)] = []

    init(_ periods: [AwayPeriod]) {
        for period in periods.sorted() {
            if let last = spans.last, period.from <= last.until.adding(days: 1) {
                spans[spans.count - 1].until = max(last.until, period.until)
            } else {
                spans.append((period.from, period.until))
            }
        }
    }

    func contains(_ day: LocalDay) -> Bool {
        var (low, high) = (0, spans.count)
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].until < day { low = middle + 1 } else { high = middle }
        }
        return low < spans.count && spans[low].from <= day
    }
}
