import Foundation
import JournalModel

/// Who works when: each person's zone and working days from the roster (`JournalConfig.timeZone(of:)`,
/// `workdays(of:)`), else the team's.
public struct WorkCalendar: Sendable {
    public var config: JournalConfig?
    /// The zone and days used when there is no configuration.
    public var fallbackZone: TimeZone

    public init(config: JournalConfig?, fallbackZone: TimeZone) {
        self.config = config
        self.fallbackZone = fallbackZone
    }

    public func zone(of handle: String) -> TimeZone { config?.timeZone(of: handle) ?? fallbackZone }
    public func workdays(of handle: String) -> Set<Weekday> { config?.workdays(of: handle) ?? Weekday.workweek }
    /// Whether `handle` was on the team on `day` (their roster entry's `joined`, if any).
    public func isOnTeam(_ handle: String, on day: LocalDay) -> Bool { config?.isOnTeam(handle, on: day) ?? true }
}
