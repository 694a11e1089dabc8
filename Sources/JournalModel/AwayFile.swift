/// The file `away/<handle>.md`: one person's time away, one Markdown bullet per period
/// (`- 2026-12-21..2027-01-04 winter break`). Other lines are kept by hand edits and ignored.
public struct AwayFile: Sendable, Equatable {
    /// The periods, sorted.
    public var periods: [AwayPeriod]
    /// Line numbers (1-based) of bullets that do not read as a period.
    public var badLines: [Int]

    /// At most this many periods are read from one file; the rest are ignored (and reported).
    public static let maxPeriods = 1000

    public init(periods: [AwayPeriod], badLines: [Int] = []) {
        self.periods = periods.sorted()
        self.badLines = badLines
    }

    /// Reads the periods of `text`; never throws: a bullet that is not a period is listed in `badLines`.
    public init(parsing text: String) {
        var periods: [AwayPeriod] = []
        var bad: [Int] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let trimmed = String(line).trimmingWhitespace()
            guard trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") else { continue }
            if periods.count < Self.maxPeriods, let period = Self.period(String(trimmed.dropFirst(2))) {
                periods.append(period)
            } else {
                bad.append(number)
            }
        }
        self.init(periods: periods, badLines: bad)
    }

    /// The file's text for `handle`, the periods in order.
    public func render(handle: String) -> String {
        var out = "# Time away: \(handle)\n\n"
        out += "Days away, both included, in \(handle)'s zone. Written by `baton away`.\n\n"
        for period in periods { out += Self.bullet(period) + "\n" }
        return out
    }

    /// `text` (nil: a new file for `handle`) without the bullets of `removed` and with a bullet for `added`
    /// at the end; every other line stays as it was.
    public static func editing(
        _ text: String?, handle: String, removing removed: [AwayPeriod], adding added: AwayPeriod?
    ) -> String {
        var lines: [String] = []
        if let text, !text.isEmpty {
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            lines.removeAll { line in
                let trimmed = String(line).trimmingWhitespace()
                guard trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") else { return false }
                return period(String(trimmed.dropFirst(2))).map(removed.contains) ?? false
            }
        } else {
            lines = AwayFile(periods: []).render(handle: handle)
                .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
        if let added { lines.append(bullet(added)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `- 2026-12-21..2027-01-04 winter break`.
    static func bullet(_ period: AwayPeriod) -> String {
        "- \(period.span)" + (period.note.map { " \($0)" } ?? "")
    }

    /// `2026-12-21..2027-01-04 note` (or a single day `2026-12-21 note`).
    static func period(_ text: String) -> AwayPeriod? {
        let chars = Array(text)
        func day(at start: Int) -> LocalDay? {
            chars.count >= start + 10 ? LocalDay(string: String(chars[start..<start + 10])) : nil
        }
        guard let from = day(at: 0) else { return nil }
        var until = from
        var rest = 10
        if chars.count >= 12, chars[10] == ".", chars[11] == "." {
            guard let end = day(at: 12) else { return nil }
            until = end
            rest = 22
        }
        guard rest == chars.count || chars[rest] == " " else { return nil }
        let note = String(chars[rest...]).trimmingWhitespace()
        return AwayPeriod(from: from, until: until, note: note.isEmpty ? nil : note)
    }
}
