/// A week as ISO 8601 counts it: Monday to Sunday, numbered in the year of its Thursday (`2026-W49`).
///
/// A week is a run of local days, so it is the same for every reader: an event belongs to the week of its
/// author's local day.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The week's first day.
    public let monday: LocalDay

    /// The week that contains `day`.
    public init(containing day: LocalDay) {
        monday = day.adding(days: -(day.weekday.rawValue - 1))
    }

    /// Parses `2026-W49` (also `2026-w49`); nil for a week the year does not have.
    public init?(string: String) {
        let parts = string.uppercased().split(separator: "-W", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
            let year = Int(parts[0]), let number = Int(parts[1]), number >= 1,
            let january4 = LocalDay(year: year, month: 1, day: 4)
        else { return nil }
        let week = ISOWeek(containing: january4.adding(days: (number - 1) * 7))
        guard week.number == number, week.year == year else { return nil }
        self = week
    }

    /// The week's last day.
    public var sunday: LocalDay { monday.adding(days: 6) }

    /// The week's seven days.
    public var days: ClosedRange<LocalDay> { monday...sunday }

    /// The ISO week-numbering year: the year of the week's Thursday.
    public var year: Int { monday.adding(days: 3).year }

    /// The ISO week number, 1 to 53.
    public var number: Int {
        let thursday = monday.adding(days: 3)
        let january1 = LocalDay(year: thursday.year, month: 1, day: 1) ?? thursday
        return january1.days(until: thursday) / 7 + 1
    }

    /// The week before.
    public var previous: ISOWeek { ISOWeek(containing: monday.adding(days: -7)) }

    /// `2026-W49`.
    public var description: String { "\(pad(year, 4))-W\(pad(number, 2))" }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { lhs.monday < rhs.monday }
}

extension LocalDay {
    /// `Mon 30 Nov`: the day as people read it in a heading.
    public var shortLabel: String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(weekday.shortName.prefix(1).uppercased() + weekday.shortName.dropFirst()) \(day) \(months[month - 1])"
    }
}
