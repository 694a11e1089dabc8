import Foundation
import JournalModel
import JournalSync

/// The note bullets that arrived since the last `baton standup --new` on this device, day by day and person
/// by person (my own bullets left out). A bullet is new when the last look did not show it, whenever its
/// author wrote it: a teammate who was offline all week shows up when their notes arrive.
public struct NewNotes: Sendable {
    /// One new bullet.
    public struct Bullet: Sendable {
        public var author: String
        public var day: LocalDay
        public var section: NoteSection
        /// As written, with its `HH:MM`.
        public var text: String
    }

    /// When the last look was; nil when this device never looked.
    public var since: Date?
    public var bullets: [Bullet]
    /// Keys of every bullet in the days looked at, to save as shown.
    public var keys: Set<String>

    /// Days looked at when this device never looked, and at most after a long absence.
    public static let firstLookDays = 7
    public static let longestLookDays = 14

    /// How many days up to `today` to read: from the day before the last look (an author behind the reader
    /// may still have been on it), at most `longestLookDays`; `firstLookDays` the first time.
    public static func daysToRead(since: Date?, today: LocalDay, zone: TimeZone) -> Int {
        guard let since else { return firstLookDays }
        let days = LocalDay(date: since, in: zone).adding(days: -1).days(until: today) + 1
        return min(max(days, 1), longestLookDays)
    }

    /// The bullets of `notes` by others that `shown` (the last look's keys) did not hold.
    public init(
        notes: [(author: String, path: String, day: LocalDay, note: DailyNote)], me: String, shown: Set<String>?,
        since: Date?
    ) {
        self.since = since
        var bullets: [Bullet] = []
        var keys: Set<String> = []
        for note in notes.sorted(by: { ($0.day, $0.author) < ($1.day, $1.author) }) {
            for section in NoteSection.allCases {
                for text in note.note.bullets(in: section) {
                    let key = ItemKey.bullet(path: note.path, section: section, text: text)
                    keys.insert(key)
                    if note.author != me, !(shown?.contains(key) ?? false) {
                        bullets.append(Bullet(author: note.author, day: note.day, section: section, text: text))
                    }
                }
            }
        }
        self.bullets = bullets
        self.keys = keys
    }

    /// For a terminal or Markdown-free text: a header, then each day, person and section with its new bullets.
    public func text(zone: TimeZone, days: Int, style: TextStyle) -> String {
        var lines: [String] = []
        if let since {
            lines.append(style.heading("New notes since \(Timestamp(date: since, in: zone).rendered(in: zone))"))
        } else {
            lines.append(style.heading("New notes of the last \(days) days (the first look on this device)"))
        }
        if bullets.isEmpty { lines += ["", "Nothing new."] }
        var day: LocalDay?
        var author: String?
        var section: NoteSection?
        for bullet in bullets {
            if bullet.day != day {
                lines += ["", style.heading(bullet.day.description)]
                (day, author, section) = (bullet.day, nil, nil)
            }
            if bullet.author != author {
                lines.append("  " + TerminalText.clean(bullet.author, keepNewlines: false))
                (author, section) = (bullet.author, nil)
            }
            if bullet.section != section {
                lines.append("    " + bullet.section.heading)
                section = bullet.section
            }
            let clean = TerminalText.clean(bullet.text).replacingOccurrences(of: "\n", with: "\n        ")
            lines.append("      - " + clean)
        }
        return lines.joined(separator: "\n")
    }

    /// `{"since": ISO 8601 or null, "notes": [{"author", "day", "section", "text"}]}`.
    public func json(zone: TimeZone) throws -> String {
        struct Shape: Encodable {
            let since: String?
            let notes: [[String: String]]
            func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: Keys.self)
                try c.encode(since, forKey: .since)
                try c.encode(notes, forKey: .notes)
            }
            enum Keys: String, CodingKey { case since, notes }
        }
        return try JSONOutput.render(
            Shape(
                since: since.map { Timestamp(date: $0, in: zone).description },
                notes: bullets.map {
                    ["author": $0.author, "day": $0.day.description, "section": $0.section.rawValue, "text": $0.text]
                }))
    }
}
