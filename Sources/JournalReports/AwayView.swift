import Foundation
import JournalModel

/// `baton away --list`: the team's time away that is not over yet, soonest first.
public struct AwayView: Sendable {
    /// One person's period.
    public struct Entry: Sendable, Equatable {
        public var handle: String
        public var period: AwayPeriod
        /// True when the period holds today (in the person's zone).
        public var now: Bool
    }

    public var entries: [Entry]

    /// The periods of `away` that end today or later in each person's zone (`calendar`), at `now`;
    /// `everything` keeps the past ones too.
    public init(away: [String: [AwayPeriod]], calendar: WorkCalendar, now: Date, everything: Bool = false) {
        entries = away.flatMap { handle, periods in
            let today = LocalDay(date: now, in: calendar.zone(of: handle))
            return periods.filter { everything || $0.until >= today }
                .map { Entry(handle: handle, period: $0, now: $0.contains(today)) }
        }.sorted { ($0.period.from, $0.handle, $0.period) < ($1.period.from, $1.handle, $1.period) }
    }

    /// A heading, then one line per period: `tom  2026-12-21..2027-01-04  away now  winter break`.
    public func text(style: TextStyle) -> String {
        var lines = [style.heading("Time away")]
        if entries.isEmpty { lines.append("  nobody is away; mark yours with `baton away --from DATE --until DATE`") }
        let width = entries.map(\.handle.count).max() ?? 0
        for entry in entries {
            let handle = entry.handle.padding(toLength: width, withPad: " ", startingAt: 0)
            let state = entry.now ? "  " + style.alert("away now") : ""
            let note = entry.period.note.map { "  " + TerminalText.clean($0, keepNewlines: false) } ?? ""
            lines.append("  \(handle)  \(Self.days(entry.period))\(state)\(note)")
        }
        return lines.joined(separator: "\n")
    }

    /// `{"away": [{"member", "from", "until", "note", "now"}]}`.
    public func json() throws -> String {
        let away: [[String: Any]] = entries.map {
            [
                "member": $0.handle, "from": $0.period.from.description, "until": $0.period.until.description,
                "note": $0.period.note ?? NSNull(), "now": $0.now,
            ]
        }
        let data = try JSONSerialization.data(
            withJSONObject: ["away": away], options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// `Mon 2026-12-21 to Mon 2027-01-04`, or `Mon 2026-12-21` for one day.
    public static func days(_ period: AwayPeriod) -> String {
        func day(_ d: LocalDay) -> String { "\(d.weekday.shortName.capitalized) \(d)" }
        return period.from == period.until ? day(period.from) : "\(day(period.from)) to \(day(period.until))"
    }
}
