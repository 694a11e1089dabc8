import Foundation

/// A time from now for a reader: `due in 3h`, `overdue by 15h`, `closes in 45m`.
public enum RelativeTime {
    /// `45m` under an hour, `15h` under two days, then `2d 4h` (rounded down; never negative).
    public static func span(_ seconds: TimeInterval) -> String {
        let minutes = max(0, Int(seconds / 60))
        if minutes < 60 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 48 { return "\(hours)h" }
        return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d \(hours % 24)h"
    }

    /// `due in 3h` before `deadline`, `overdue by 15h` after it.
    public static func due(_ deadline: Date, now: Date) -> String {
        let left = deadline.timeIntervalSince(now)
        return left >= 0 ? "due in \(span(left))" : "overdue by \(span(-left))"
    }
}
