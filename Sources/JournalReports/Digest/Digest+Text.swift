import Foundation
import JournalModel

extension Digest {
    /// The digest for a terminal (`markdown: false`, teammates' text made safe) or as Markdown
    /// that pastes cleanly into chat or email.
    public func text(style: TextStyle, markdown: Bool) -> String {
        var out = DigestWriter(markdown: markdown, style: style, zone: zone)
        out.title("\(TerminalText.clean(team, keepNewlines: false)): digest \(since) to \(until)")
        out.line(ReadingPeriod(first: since, last: until, kind: periodKind).label + ".")
        out.line(
            "Times in \(clock.zoneLabel(at: generated)), with the author's own time where it differs;"
                + " each event counts on its author's local day. Generated \(generated.rendered(in: zone)).")
        out.couldNotRead(unreadable)
        out.heading("Needs attention")
        out.subheading("Blocked (\(blocked.count))")
        if blocked.isEmpty { out.item("nothing blocked") }
        for b in blocked {
            out.item(
                "\(out.code(b.taskID)) \(out.safe(b.title)) (\(b.owner)) blocked since \(out.when(b.since))"
                    + (b.reason.map { ": \(out.safe($0))" } ?? ""))
        }
        out.subheading("Overdue (\(overdue.count))")
        if overdue.isEmpty { out.item("nothing overdue") }
        for o in overdue { out.item("\(out.code(o.taskID)) \(out.safe(o.title)) (\(o.owner)) due \(o.due)") }
        out.subheading("Asks past their respond-by (\(lateAsks.count))")
        if lateAsks.isEmpty { out.item("every ask answered in time") }
        for a in lateAsks {
            let state: String
            if let at = a.answeredAt {
                let by = TerminalText.clean(a.answeredBy ?? "?", keepNewlines: false)
                state = "answered late by \(by) at \(clock.event(at, by: a.answeredBy ?? ""))"
            } else {
                state = "still waiting"
            }
            out.item(
                "\(out.code(a.askID)) \(a.from) → \(a.to): \(out.safe(a.title)) (respond by \(out.when(a.respondBy)); \(state))"
            )
        }
        out.subheading("Stale, not updated for \(staleDays)+ days (\(stale.count))")
        if stale.isEmpty { out.item("none") }
        for s in stale {
            out.item(
                "\(out.code(s.taskID)) \(out.safe(s.title)) (\(s.owner)) last updated \(s.updated.localDay), \(s.days) days ago"
            )
        }

        out.missingNotes(missingNotes)
        out.responsiveness(responsiveness)

        for person in people {
            out.heading(TerminalText.clean(person.handle, keepNewlines: false))
            out.counts(relay.counts(of: person.handle))
            let handsOff = !relay.given(by: person.handle).isEmpty || !relay.received(by: person.handle).isEmpty
            if person.isEmpty && !handsOff { out.line("Nothing in this period.") }
            for note in person.notes {
                out.subheading("Note \(note.day) (\(note.day.weekday))")
                for (section, bullets) in note.sections {
                    out.line(markdown ? "*\(section.heading)*" : "    \(section.heading)")
                    for bullet in bullets {
                        let time = bullet.time.map {
                            clock.bullet(bullet.at, raw: $0, day: note.day, author: person.handle) + " "
                        }
                        out.item((time ?? "") + out.safe(bullet.text, keepMarkdown: true), depth: 1)
                    }
                }
                if !note.attachments.isEmpty {
                    out.line(
                        "  attachments: "
                            + note.attachments.map { TerminalText.clean($0, keepNewlines: false) }.joined(
                                separator: ", "))
                }
            }
            if !person.statusChanges.isEmpty {
                out.subheading("Status changes")
                for c in person.statusChanges {
                    out.item(
                        "\(clock.event(c.at, by: c.by)) \(out.code(c.taskID)) \(out.safe(c.title)): \(c.from ?? "new") → \(c.to ?? "–")"
                    )
                }
            }
            if !person.blockersRaised.isEmpty {
                out.subheading("Blockers raised")
                for b in person.blockersRaised {
                    out.item(
                        "\(clock.event(b.at, by: b.by)) \(out.code(b.taskID)) \(out.safe(b.title))"
                            + (b.reason.map { ": \(out.safe($0))" } ?? ""))
                }
            }
            if !person.blockersCleared.isEmpty {
                out.subheading("Blockers cleared")
                for b in person.blockersCleared {
                    out.item("\(clock.event(b.at, by: b.by)) \(out.code(b.taskID)) \(out.safe(b.title))")
                }
            }
            out.handoffs(relay, of: person.handle, clock: clock)
        }
        return out.result
    }
}

/// Accumulates digest lines as terminal text or Markdown.
struct DigestWriter {
    let markdown: Bool
    let style: TextStyle
    let zone: TimeZone
    private var lines: [String] = []

    init(markdown: Bool, style: TextStyle, zone: TimeZone) {
        self.markdown = markdown
        self.style = style
        self.zone = zone
    }

    var result: String { lines.joined(separator: "\n") }

    mutating func title(_ text: String) { lines.append(markdown ? "# \(text)" : style.heading(text)) }
    mutating func heading(_ text: String) { lines += ["", markdown ? "## \(text)" : style.heading(text)] }
    mutating func subheading(_ text: String) { lines += [markdown ? "\n### \(text)" : "  " + style.heading(text)] }
    mutating func line(_ text: String) { lines.append(text) }
    mutating func item(_ text: String, depth: Int = 0) {
        let indent = String(repeating: "  ", count: depth)
        lines.append(markdown ? "\(indent)- \(text)" : "    \(indent)- \(text)")
    }

    func code(_ id: String) -> String { markdown ? "`\(id)`" : style.id(id) }
    func when(_ t: Timestamp) -> String { t.rendered(in: zone) }

    /// Teammates' text: one line, no control characters; in Markdown, escaped only where Markdown would read
    /// markup (`MarkdownText`) unless `keepMarkdown` (note bullets keep theirs).
    func safe(_ text: String, keepMarkdown: Bool = false) -> String {
        if !markdown {
            return keepMarkdown
                ? TerminalText.clean(text).replacingOccurrences(of: "\n", with: "\n          ")
                : TerminalText.clean(text, keepNewlines: false)
        }
        let one = TerminalText.clean(TextSafety.singleLine(text), keepNewlines: false)
        if keepMarkdown {
            return one.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        return MarkdownText.escape(one)
    }
}
