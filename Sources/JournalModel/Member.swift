import Foundation

/// One person on the team roster (`members:` in `baton.yml`).
public struct Member: Sendable, Equatable, Hashable {
    /// The person's handle, as in `notes/HANDLE/` and task owners.
    public var handle: Handle
    /// A display name, if the roster gives one.
    public var name: String?
    /// The person's IANA zone; nil means the team's `timezone`.
    public var zone: String?
    /// The person's working days; nil means the team's `workdays`.
    public var workdays: Set<Weekday>?
    /// The first day the person is on the team; nil means always. Missing notes and participation
    /// count no day before it.
    public var joined: LocalDay?

    public init(
        handle: Handle, name: String? = nil, zone: String? = nil, workdays: Set<Weekday>? = nil,
        joined: LocalDay? = nil
    ) {
        self.handle = handle
        self.name = name
        self.zone = zone
        self.workdays = workdays
        self.joined = joined
    }
}

extension JournalConfig {
    /// The roster entry for `handle`, if the roster names it.
    public func member(_ handle: String) -> Member? {
        members?.first { $0.handle.value == handle }
    }

    /// The zone `handle` works in: their roster zone, else the team's.
    public func timeZone(of handle: String) -> TimeZone {
        member(handle)?.zone.flatMap(TimeZone.init(identifier:)) ?? timeZone
    }

    /// The days `handle` works: their roster days, else the team's.
    public func workdays(of handle: String) -> Set<Weekday> {
        member(handle)?.workdays ?? workdays
    }

    /// Whether `handle` was on the team on `day`: always, unless their roster entry says when they joined.
    public func isOnTeam(_ handle: String, on day: LocalDay) -> Bool {
        guard let joined = member(handle)?.joined else { return true }
        return day >= joined
    }

    /// The roster's handles, or nil when `baton.yml` has no `members:` key.
    public var memberHandles: [String]? { members?.map(\.handle.value) }
}
