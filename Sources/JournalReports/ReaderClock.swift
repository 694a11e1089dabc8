import Foundation
import JournalModel

/// Shows times in the reader's zone, adding the author's own local time where it differs:
/// `05:14 (18:44 priya's time)`.
public struct ReaderClock: Sendable {
    /// The reader's zone (`--tz`, `TZ`): every time shown is in it.
    public var zone: TimeZone
    /// The authors' zones.
    public var authors: AuthorClock

    public init(zone: TimeZone, authors: AuthorClock = AuthorClock()) {
        self.zone = zone
        self.authors = authors
    }

    /// A note bullet's time on the note's `day`: the reader's `HH:MM` (with the reader's day when it is not the
    /// note's day), then the author's time when it differs; the author's time alone, so labelled, when the
    /// instant is unknown.
    public func bullet(_ instant: Timestamp?, raw: String, day: LocalDay, author: String) -> String {
        let who = TerminalText.clean(author, keepNewlines: false)
        guard let instant else { return "\(raw) (\(who)'s time)" }
        let here = instant.converted(to: zone)
        let shown = (here.localDay == day ? "" : here.localDay.shortLabel + " ") + here.localTimeHHMM
        guard here.offsetSeconds != authors.local(instant, by: author).offsetSeconds else { return shown }
        return "\(shown) (\(raw) \(who)'s time)"
    }

    /// An event's time: `2026-11-16 20:40 -08:00`, then ` (Tue 17 Nov 10:10 priya's time)` when the author's
    /// offset differs (their day only when it is not the reader's).
    public func event(_ stamp: Timestamp, by author: String) -> String {
        let shown = stamp.rendered(in: zone)
        let here = stamp.converted(to: zone)
        let theirs = authors.local(stamp, by: author)
        guard theirs.offsetSeconds != here.offsetSeconds else { return shown }
        let day = theirs.localDay == here.localDay ? "" : theirs.localDay.shortLabel + " "
        return "\(shown) (\(day)\(theirs.localTimeHHMM) \(TerminalText.clean(author, keepNewlines: false))'s time)"
    }

    /// The reader's zone and its current offset, for a header: `America/Los_Angeles (-08:00)`.
    public func zoneLabel(at now: Timestamp) -> String {
        "\(zone.identifier) (\(Timestamp.offsetString(seconds: zone.secondsFromGMT(for: now.date))))"
    }
}
