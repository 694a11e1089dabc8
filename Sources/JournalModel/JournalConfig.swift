/// The team settings in `baton.yml`; every key is optional.
public struct JournalConfig: Sendable, Equatable {
    /// Team name, shown in views.
    public var team: String
    /// Default IANA zone, used when a reader's zone is unknown.
    public var timezone: String
    /// Default response window of `baton ask`.
    public var askWindowHours: Int
    /// The working days; "yesterday" skips the others.
    public var workdays: Set<Weekday>
    /// A task not updated for this many days is stale.
    public var staleDays: Int
    /// The team roster; nil when `baton.yml` has no `members:` key (readers then take everyone who
    /// wrote in the last 30 days).
    public var members: [Member]?

    public init(
        team: String = "team", timezone: String = "UTC", askWindowHours: Int = 24,
        workdays: Set<Weekday> = Weekday.workweek, staleDays: Int = 7, members: [Member]? = nil
    ) {
        self.team = team
        self.timezone = timezone
        self.askWindowHours = askWindowHours
        self.workdays = workdays
        self.staleDays = staleDays
        self.members = members
    }

    /// The defaults of FORMAT.md.
    public static let defaults = JournalConfig()
}
