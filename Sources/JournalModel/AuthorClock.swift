import Foundation

/// Which zone each author writes in, and so which local day and time each of their events has.
///
/// An author's zone is their roster zone (`members:` in `baton.yml`) when it gives one; otherwise the UTC
/// offset recorded with the event (a log line's or commit's timestamp, a note's `utc_offset`). Note bullets
/// hold the author's local `HH:MM` on the note's day and become instants through that zone.
public struct AuthorClock: Sendable {
    /// Roster zones by handle (only members whose roster entry names a zone).
    public var zones: [String: TimeZone]

    public init(zones: [String: TimeZone] = [:]) {
        self.zones = zones
    }

    /// The zones the roster of `config` names.
    public init(config: JournalConfig) {
        var zones: [String: TimeZone] = [:]
        for member in config.members ?? [] {
            if let name = member.zone, let zone = TimeZone(identifier: name) { zones[member.handle.value] = zone }
        }
        self.init(zones: zones)
    }

    /// `stamp` as its author's local time: in their roster zone, else as it was recorded.
    public func local(_ stamp: Timestamp, by author: String) -> Timestamp {
        zones[author].map { stamp.converted(to: $0) } ?? stamp
    }

    /// The author's local day of `stamp`: the day the event belongs to in every view.
    public func day(of stamp: Timestamp, by author: String) -> LocalDay {
        local(stamp, by: author).localDay
    }

    /// The instant of a note bullet `HH:MM` on the note's `day`: local time in the author's roster zone, else at
    /// the note's `utc_offset`; nil when neither is known or `time` is not a time of day.
    public func bulletTime(_ time: String, day: LocalDay, author: String, noteOffset: String?) -> Timestamp? {
        let bytes = Array(time.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
            let hour = Int(time.prefix(2)), let minute = Int(time.suffix(2)), hour < 24, minute < 60
        else { return nil }
        if let zone = zones[author] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let parts = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
            // A time skipped by a DST change (02:30 on a spring-forward night) is read as the next valid time.
            guard let date = calendar.date(from: parts) else { return nil }
            return Timestamp(date: date, in: zone)
        }
        guard let offset = noteOffset.flatMap(Timestamp.parseOffset) else { return nil }
        return Timestamp(iso: "\(day)T\(time):00" + Timestamp.offsetString(seconds: offset))
    }
}
