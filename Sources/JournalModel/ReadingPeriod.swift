/// The days a reading command covers, chosen by `--since/--until`, `--week` or `--last-week`.
///
/// A period is a run of local days, first to last inclusive; an event is in it when its author's local day
/// is. The rules (README's "Periods"):
/// - `--week`: this week so far, Monday to today; `--last-week`: last Monday to last Sunday.
/// - Neither, nor `--since/--until`: this week so far, except on a Monday, when it is last week (a Monday
///   morning reads the week that just ended, not one day).
/// - `--since 7d` (`Nd`, `Nw`): exactly N days (7N) ending with the last day: that day and the N-1 before.
/// - `--since monday` (any weekday name): the last such day *before* the last day, so on a Monday it is the
///   Monday a week ago and the period is eight days, never one.
/// - Other expressions (`today`, `yesterday`, `2026-11-18`, `-3d`) are the day they name.
/// "This week" is the week that contains today in the team's zone (baton.yml `timezone`).
public struct ReadingPeriod: Sendable, Equatable {
    /// How the period was chosen; the digest's header says it.
    public enum Kind: Sendable, Equatable {
        /// Monday of this week to today.
        case thisWeekSoFar(ISOWeek)
        /// A whole week that has ended.
        case lastWeek(ISOWeek)
        /// Days given with `--since` and `--until`.
        case days
    }

    public var first: LocalDay
    public var last: LocalDay
    public var kind: Kind

    public init(first: LocalDay, last: LocalDay, kind: Kind = .days) {
        self.first = first
        self.last = last
        self.kind = kind
    }

    /// The period the options ask for (`week` wins over `lastWeek`, either over `since`/`until`; the caller
    /// refuses such mixes). `today` is the reader's day, `teamToday` the team's (which decides which week is
    /// "this week"). Throws `ModelError.badDate` for an expression it cannot read. The result may have
    /// `first > last` (`--since` after `--until`): the caller says so.
    public static func resolve(
        since: String?, until: String?, week: Bool, lastWeek: Bool, today: LocalDay, teamToday: LocalDay,
        workdays: Set<Weekday>
    ) throws -> ReadingPeriod {
        if week { return thisWeek(teamToday: teamToday) }
        if lastWeek { return previousWeek(teamToday: teamToday) }
        guard since != nil || until != nil else { return defaultPeriod(teamToday: teamToday) }
        let last =
            try until.map { try DateExpression.parseDay($0, today: today, direction: .past, workdays: workdays) }
            ?? today
        let first =
            try since.map { try firstDay($0, last: last, today: today, workdays: workdays) } ?? last.adding(days: -6)
        return ReadingPeriod(first: first, last: last)
    }

    /// The digest's default: this week so far, or last week on a Monday.
    public static func defaultPeriod(teamToday: LocalDay) -> ReadingPeriod {
        teamToday.weekday == .mon ? previousWeek(teamToday: teamToday) : thisWeek(teamToday: teamToday)
    }

    /// Monday of the team's current week to today.
    public static func thisWeek(teamToday: LocalDay) -> ReadingPeriod {
        let week = ISOWeek(containing: teamToday)
        return ReadingPeriod(first: week.monday, last: teamToday, kind: .thisWeekSoFar(week))
    }

    /// The whole week before the team's current one.
    public static func previousWeek(teamToday: LocalDay) -> ReadingPeriod {
        let week = ISOWeek(containing: teamToday).previous
        return ReadingPeriod(first: week.monday, last: week.sunday, kind: .lastWeek(week))
    }

    /// `--since`: a length (`7d`: seven days ending with `last`), a weekday before `last`, or a day.
    public static func firstDay(
        _ text: String, last: LocalDay, today: LocalDay, workdays: Set<Weekday>
    ) throws -> LocalDay {
        let input = text.trimmingWhitespace().lowercased()
        if let days = length(input) { return last.adding(days: -(days - 1)) }
        if let weekday = Weekday(name: input) {
            var day = last.adding(days: -1)
            while day.weekday != weekday { day = day.adding(days: -1) }
            return day
        }
        return try DateExpression.parseDay(text, today: today, direction: .past, workdays: workdays)
    }

    /// `7d` -> 7, `2w` -> 14; nil for anything else (signed offsets such as `-7d` name a day).
    static func length(_ input: String) -> Int? {
        guard let unit = input.last, unit == "d" || unit == "w" else { return nil }
        let digits = input.dropLast()
        guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let n = Int(digits), n > 0
        else { return nil }
        return unit == "w" ? n * 7 : n
    }

    /// Whether `day` is in the period.
    public func contains(_ day: LocalDay) -> Bool { day >= first && day <= last }

    /// The header line: `This week so far (2026-W49): Mon 30 Nov to Tue 1 Dec`.
    public var label: String {
        let range =
            first == last ? "\(last.shortLabel) \(last.year)" : "\(first.shortLabel) to \(last.shortLabel) \(last.year)"
        switch kind {
        case .thisWeekSoFar(let week): return "This week so far (\(week)): \(range)"
        case .lastWeek(let week): return "Last week (\(week)): \(range)"
        case .days: return "\(first.days(until: last) + 1) day\(first == last ? "" : "s"): \(range)"
        }
    }
}
