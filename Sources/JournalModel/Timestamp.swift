import Foundation

/// An instant with second precision plus the UTC offset it was written with,
/// rendered as `2026-11-24T09:14:05+05:30`.
///
/// `<` compares instants; `==` also requires the same offset, so equal values render the same.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The instant, truncated to whole seconds.
    public let date: Date
    /// The author's UTC offset in seconds (east positive).
    public let offsetSeconds: Int

    /// `date` truncated to whole seconds, written at `offsetSeconds`.
    public init(date: Date, offsetSeconds: Int) {
        self.date = Date(timeIntervalSince1970: floor(date.timeIntervalSince1970))
        self.offsetSeconds = offsetSeconds
    }

    /// `date` with the offset `zone` has at that instant.
    public init(date: Date, in zone: TimeZone) {
        self.init(date: date, offsetSeconds: zone.secondsFromGMT(for: date))
    }

    /// The current instant in `zone`.
    public static func now(in zone: TimeZone) -> Timestamp {
        Timestamp(date: Date(), in: zone)
    }

    /// Parses `2026-11-24T09:14:05+05:30`, `...Z`, `+0530`, a space instead of `T`,
    /// and fractional seconds (dropped).
    public init?(iso: String) {
        guard let fields = ISODateTime(iso.trimmingWhitespace()), fields.fractionSeparator != ",",
            let day = LocalDay(year: fields.year, month: fields.month, day: fields.day),
            fields.hour < 24, fields.minute < 60, fields.second < 61,
            fields.offsetHours <= 18, fields.offsetMinutes < 60
        else { return nil }
        let offset = fields.offsetSeconds
        let local = day.daysSinceEpoch * 86_400 + fields.hour * 3600 + fields.minute * 60 + min(fields.second, 59)
        self.init(date: Date(timeIntervalSince1970: TimeInterval(local - offset)), offsetSeconds: offset)
    }

    /// `2026-11-24T09:14:05+05:30`.
    public var description: String {
        let (day, seconds) = localParts
        return "\(day)T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
            + Timestamp.offsetString(seconds: offsetSeconds)
    }

    /// The author's local day.
    public var localDay: LocalDay { localParts.day }

    /// The author's local time, `HH:MM`.
    public var localTimeHHMM: String {
        let seconds = localParts.secondsOfDay
        return "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2))"
    }

    /// The same instant as seen in `zone`, e.g. `2026-11-24 09:14 +05:30`.
    public func rendered(in zone: TimeZone) -> String {
        let there = Timestamp(date: date, in: zone)
        return "\(there.localDay) \(there.localTimeHHMM) \(Timestamp.offsetString(seconds: there.offsetSeconds))"
    }

    /// The same instant written at the offset `zone` has then.
    public func converted(to zone: TimeZone) -> Timestamp {
        Timestamp(date: date, in: zone)
    }

    /// `+05:30`, `-08:00`, `+00:00`.
    public static func offsetString(seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2)
    }

    /// Parses `+05:30`, `-0800`, `+05`, `Z`; returns seconds east of UTC.
    public static func parseOffset(_ text: String) -> Int? {
        parseOffset(Array(text.trimmingWhitespace().utf8))
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.date < rhs.date }

    // MARK: - helpers

    private var localParts: (day: LocalDay, secondsOfDay: Int) {
        let seconds = Int(date.timeIntervalSince1970) + offsetSeconds
        let days = LocalDay.floorDiv(seconds, 86_400)
        return (LocalDay(daysSinceEpoch: days), seconds - days * 86_400)
    }

    private static func parseOffset(_ b: [UInt8]) -> Int? {
        if b.count == 1, b[0] == UInt8(ascii: "Z") || b[0] == UInt8(ascii: "z") { return 0 }
        guard let signByte = b.first, signByte == UInt8(ascii: "+") || signByte == UInt8(ascii: "-") else { return nil }
        let sign = signByte == UInt8(ascii: "-") ? -1 : 1
        let hours: Int?
        let minutes: Int?
        switch b.count {
        case 3: (hours, minutes) = (number(b, 1, 2), 0)
        case 5: (hours, minutes) = (number(b, 1, 2), number(b, 3, 2))
        case 6 where b[3] == UInt8(ascii: ":"): (hours, minutes) = (number(b, 1, 2), number(b, 4, 2))
        default: return nil
        }
        guard let h = hours, let m = minutes, h <= 18, m < 60 else { return nil }
        return sign * (h * 3600 + m * 60)
    }

    private static func number(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        ASCIIDecimal.value(b, at: start, count: count)
    }
}
