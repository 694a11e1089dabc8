/// The fields of an ISO 8601 date and time with an offset, as written, not yet checked as a calendar
/// instant: `YYYY-MM-DD`, `T` (or `t` or a space), `HH:MM:SS`, optional fractional seconds after `.`
/// or `,`, then `Z`, `±HH`, `±HHMM` or `±HH:MM`. The one reader of such text: `Timestamp(iso:)` and
/// the merge's ordering of timestamps each check the fields they need.
public struct ISODateTime: Sendable, Equatable {
    public var year, month, day, hour, minute, second: Int
    /// The fractional seconds (0 without any), how many digits gave them, and the separator before them.
    public var fraction: Double
    public var fractionDigits: Int
    public var fractionSeparator: Character?
    /// The offset east of UTC, as its hours and minutes (both positive) and sign.
    public var offsetHours, offsetMinutes: Int
    public var offsetIsNegative: Bool

    /// The offset in seconds east of UTC.
    public var offsetSeconds: Int { (offsetIsNegative ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60) }

    /// Reads `text` as it stands (trim it first); nil when it does not have this shape.
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count >= 20 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? { ASCIIDecimal.value(b, at: start, count: count) }
        func at(_ index: Int, _ ascii: Unicode.Scalar) -> Bool { b[index] == UInt8(ascii: ascii) }
        guard let year = number(0, 4), at(4, "-"), let month = number(5, 2), at(7, "-"), let day = number(8, 2),
            at(10, "T") || at(10, "t") || at(10, " "),
            let hour = number(11, 2), at(13, ":"), let minute = number(14, 2), at(16, ":"),
            let second = number(17, 2)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
        var index = 19
        (fraction, fractionDigits, fractionSeparator) = (0, 0, nil)
        if index < b.count, at(index, ".") || at(index, ",") {
            fractionSeparator = at(index, ".") ? "." : ","
            index += 1
            var scale = 0.1
            while index < b.count, (48...57).contains(b[index]) {
                fraction += Double(b[index] - 48) * scale
                scale /= 10
                fractionDigits += 1
                index += 1
            }
        }
        guard index < b.count else { return nil }
        let rest = b.count - index - 1
        if at(index, "Z") || at(index, "z") {
            guard rest == 0 else { return nil }
            (offsetHours, offsetMinutes, offsetIsNegative) = (0, 0, false)
            return
        }
        guard at(index, "+") || at(index, "-"), let hours = number(index + 1, 2) else { return nil }
        let minutes: Int?
        switch rest {
        case 2: minutes = 0
        case 4: minutes = number(index + 3, 2)
        case 5 where at(index + 3, ":"): minutes = number(index + 4, 2)
        default: minutes = nil
        }
        guard let minutes else { return nil }
        (offsetHours, offsetMinutes, offsetIsNegative) = (hours, minutes, at(index, "-"))
    }
}
