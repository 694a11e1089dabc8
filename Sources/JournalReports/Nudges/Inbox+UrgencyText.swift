import Foundation
import JournalModel

extension Inbox {
    /// The asks to me, grouped by urgency (overdue, closing, later), each group oldest `respond_by` first.
    func asksByUrgency(now: Date) -> [(AskUrgency, [TaskDocument])] {
        AskUrgency.allCases.map { urgency in
            (urgency, asksToMe.filter { AskUrgency.of($0, now: now, rule: rule) == urgency })
        }.filter { !$0.1.isEmpty }
    }

    /// `  k7q2xm  from alice: need the keys  due in 3h (Tue 1 Dec 12:00 +01:00)  NEW`
    func askLine(_ ask: TaskDocument, now: Date, zone: TimeZone, style: TextStyle) -> String {
        func clean(_ text: String) -> String { TerminalText.clean(text, keepNewlines: false) }
        var when = ""
        if let deadline = ask.respondBy {
            let relative = RelativeTime.due(deadline.date, now: now)
            let text = "\(relative) (\(deadline.rendered(in: zone)))"
            when = "  " + (deadline.date < now ? style.alert(text) : text)
        }
        let mark = isNew(ask: ask) ? "  " + style.alert("NEW") : ""
        return "    \(style.id(ask.id))  from \(clean(ask.from ?? "?")): \(clean(ask.title))\(when)\(mark)"
    }

    /// The `Mentions` section: who mentioned me where, newest first, until `inbox --seen` clears them.
    func mentionLines(zone: TimeZone, style: TextStyle) -> [String] {
        var lines = [style.heading("Mentions (\(mentions.count))")]
        if mentions.isEmpty { lines.append("  none") }
        for mention in mentions {
            let clock = ReaderClock(zone: zone, authors: authors)
            let when = mention.at.map { clock.event($0, by: mention.author) } ?? mention.day.description
            let mark = isNew(mention) ? "  " + style.alert("NEW") : ""
            let place = mention.task.map { "\(mention.source.rawValue) \(style.id($0))" } ?? mention.path
            lines.append(
                "  \(when) \(TerminalText.clean(mention.author, keepNewlines: false)) in \(place)\(mark)")
            lines.append("      " + TerminalText.clean(mention.text, keepNewlines: false))
        }
        return lines
    }
}
