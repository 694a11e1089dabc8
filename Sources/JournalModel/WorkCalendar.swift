import Foundation

/// Who works when: each person's zone and working days from the roster (`JournalConfig.timeZone(of:)`,
/// `workdays(of:)`), else the team's, and the days each person marked as away (`away/<handle>.md`).
public struct WorkCalendar: Sendable {
    public var config: JournalConfig?
    /// The zone and days used when there is no configuration.
    public var fallbackZone: TimeZone
    /// Each person's time away, by handle.
    public var away: [String: [AwayPeriod]]

    public init(config: JournalConfig?, fallbackZone: TimeZone, away: [String: [AwayPeriod]] = [:]) {
        self.config = config
        self.fallbackZone = fallbackZone
        self.away = away
    }

    public func zone(of handle: String) -> TimeZone { config?.timeZone(of: handle) ?? fallbackZone }
    public func workdays(of handle: String) -> Set<Weekday> { config?.workdays(of: handle) ?? Weekday.workweek }

    /// Whether `handle` was on the team on `day` (their roster entry's `joined`, if any).
    public func isOnTeam(_ handle: String, on day: LocalDay) -> Bool { config?.isOnTeam(handle, on: day) ?? true }

    /// The period of time away of `handle` that holds `day` (a day in their zone), if any.
    public func awayPeriod(of handle: String, on day: LocalDay) -> AwayPeriod? {
        away[handle]?.first { $0.contains(day) }
    }

    /// True when `day` is one of `handle`'s working days and they are not away then.
    public func isWorkingDay(_ handle: String, _ day: LocalDay) -> Bool {
        workdays(of: handle).contains(day.weekday) && awayPeriod(of: handle, on: day) == nil
    }

    /// The same calendar with `handle`'s time away replaced by `periods`.
    public func with(away periods: [AwayPeriod], of handle: String) -> WorkCalendar {
        var copy = self
        copy.away[handle] = periods
        return copy
    }
}
