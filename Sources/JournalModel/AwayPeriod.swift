/// Days someone is away, both ends included, as local days of their own zone.
public struct AwayPeriod: Sendable, Hashable, Comparable {
    public var from: LocalDay
    public var until: LocalDay
    /// A word for the team ("conference", "parental leave"), one line.
    public var note: String?

    /// A period from `from` to `until` (swapped when given the other way round).
    public init(from: LocalDay, until: LocalDay, note: String? = nil) {
        self.from = min(from, until)
        self.until = max(from, until)
        self.note = note.map(TextSafety.singleLine).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// True when `day` is one of the period's days.
    public func contains(_ day: LocalDay) -> Bool { from <= day && day <= until }

    /// True when the two periods share a day.
    public func overlaps(_ other: AwayPeriod) -> Bool { from <= other.until && other.from <= until }

    /// `2026-12-21..2027-01-04`.
    public var span: String { "\(from)..\(until)" }

    public static func < (lhs: AwayPeriod, rhs: AwayPeriod) -> Bool {
        (lhs.from, lhs.until, lhs.note ?? "") < (rhs.from, rhs.until, rhs.note ?? "")
    }
}
