import Foundation

/// Reads the day and duration expressions people type on the command line.
public enum DateExpression {
    /// Which way relative expressions (weekday names, unsigned offsets) point.
    public enum Direction: Sendable {
        case past, future
    }

    /// Parses `today`, `yesterday` (previous working day), `tomorrow`, weekday names,
    /// `YYYY-MM-DD` and offsets `3d`, `2w`, `+3d`, `-1w`.
    public static func parseDay(
        _ text: String, today: LocalDay, direction: Direction, workdays: Set<Weekday>
    ) throws -> LocalDay {
        let input = text.trimmingWhitespace().lowercased()
        switch input {
        case "today": return today
        case "tomorrow": return today.adding(days: 1)
        case "yesterday": return previousWorkday(before: today, workdays: workdays)
        default: break
        }
        if let day = LocalDay(string: input) { return day }
        if let weekday = Weekday(name: input) {
            var day = today
            let step = direction == .past ? -1 : 1
            while day.weekday != weekday { day = day.adding(days: step) }
            return day
        }
        if let offset = parseOffsetDays(input) {
            switch offset {
            case .signed(let days): return today.adding(days: days)
            case .unsigned(let days): return today.adding(days: direction == .past ? -days : days)
            }
        }
        throw ModelError.badDate(text)
    }

    /// The last day before `day` that is in `workdays` (simply the day before when `workdays` is empty).
    public static func previousWorkday(before day: LocalDay, workdays: Set<Weekday>) -> LocalDay {
        var candidate = day.adding(days: -1)
        guard !workdays.isEmpty else { return candidate }
        while !workdays.contains(candidate.weekday) { candidate = candidate.adding(days: -1) }
        return candidate
    }

    /// Parses `90m`, `24h`, `2d`, `1w`, and combinations such as `1d12h`; must be positive.
    public static func parseDuration(_ text: String) throws -> TimeInterval {
        let input = Array(text.trimmingWhitespace().lowercased().utf8)
        var total = 0.0
        var index = 0
        guard !input.isEmpty else { throw ModelError.badDuration(text) }
        while index < input.count {
            var value = 0
            let start = index
            while index < input.count, (48...57).contains(input[index]), index - start < 9 {
                value = value * 10 + Int(input[index] - 48)
                index += 1
            }
            guard index > start, index < input.count else { throw ModelError.badDuration(text) }
            let unit: Double
            switch input[index] {
            case UInt8(ascii: "m"): unit = 60
            case UInt8(ascii: "h"): unit = 3600
            case UInt8(ascii: "d"): unit = 86_400
            case UInt8(ascii: "w"): unit = 604_800
            default: throw ModelError.badDuration(text)
            }
            total += Double(value) * unit
            index += 1
        }
        guard total > 0 else { throw ModelError.badDuration(text) }
        return total
    }

    private enum Offset {
        case signed(Int)
        case unsigned(Int)
    }

    private static func parseOffsetDays(_ input: String) -> Offset? {
        var body = Substring(input)
        var sign: Int?
        if body.first == "+" {
            sign = 1
            body = body.dropFirst()
        } else if body.first == "-" {
            sign = -1
            body = body.dropFirst()
        }
        guard let unit = body.last, unit == "d" || unit == "w" else { return nil }
        let digits = body.dropLast()
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let n = Int(digits)
        else { return nil }
        let days = unit == "w" ? n * 7 : n
        if let sign { return .signed(sign * days) }
        return .unsigned(days)
    }
}
