import Foundation
import JournalModel

extension DigestWriter {
    /// One person's counts on one line: `2 notes · 1 task created · 0 done · 1 handed on · 1 ask made · 0 answered`.
    mutating func counts(_ c: Relay.Counts) {
        func n(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        line(
            (markdown ? "" : "    ") + "Counts: " + n(c.notes, "note", "notes") + " · "
                + n(c.tasksCreated, "task created", "tasks created") + " · \(c.tasksDone) done · "
                + "\(c.handedOn) handed on · " + n(c.asksMade, "ask made", "asks made")
                + " · \(c.asksAnswered) answered")
    }

    /// The hand-offs one person gave and received, with the note; each time in the reader's zone with the
    /// giver's own where it differs.
    mutating func handoffs(_ relay: Relay, of handle: String, clock: ReaderClock) {
        let given = relay.given(by: handle)
        let received = relay.received(by: handle)
        func note(_ h: Relay.Handoff) -> String { h.note.map { ": \(safe($0))" } ?? "" }
        if !given.isEmpty {
            subheading("Hand-offs given")
            for h in given {
                item("\(clock.event(h.at, by: h.from)) \(code(h.taskID)) \(safe(h.title)) → \(safe(h.to))\(note(h))")
            }
        }
        if !received.isEmpty {
            subheading("Hand-offs received")
            for h in received {
                item(
                    "\(clock.event(h.at, by: h.from)) \(code(h.taskID)) \(safe(h.title)) from \(safe(h.from))\(note(h))"
                )
            }
        }
    }

    /// The response-window table, participation and blocker times.
    mutating func responsiveness(_ r: Responsiveness) {
        heading("Response windows")
        line("Asks made in the period, by who was asked; median and p90 of the time to first answer (nearest rank).")
        let header = ["responder", "received", "answered", "in window", "median", "p90", "waiting past window"]
        var rows = r.responders.map { ($0.handle, $0.windows) }
        rows.append(("team", r.team))
        let cells = rows.map { handle, w in
            [
                safe(handle), "\(w.received)", "\(w.answered)", "\(w.answeredInWindow)",
                DurationText.hoursMinutes(w.medianSeconds), DurationText.hoursMinutes(w.p90Seconds),
                "\(w.waitingPastWindow)",
            ]
        }
        table(header, cells)
        subheading("Participation (working days with a note)")
        if r.participation.isEmpty { item("nobody") }
        for p in r.participation { item("\(safe(p.handle)) \(p.daysWithNote)/\(p.workingDays)") }
        subheading("Blockers")
        let b = r.blockers
        item(
            "cleared in the period: \(b.cleared) (open for median \(DurationText.hoursMinutes(b.medianClearedSeconds)),"
                + " longest \(DurationText.hoursMinutes(b.longestClearedSeconds)))")
        item("still open: \(b.stillOpen) (longest \(DurationText.hoursMinutes(b.longestOpenSeconds)))")
    }

    /// A table: Markdown pipes, or columns padded for a terminal (numbers right-aligned).
    mutating func table(_ header: [String], _ rows: [[String]]) {
        if markdown {
            line("")
            line("| " + header.joined(separator: " | ") + " |")
            line("|" + header.enumerated().map { $0.offset == 0 ? "---|" : "---:|" }.joined())
            for row in rows { line("| " + row.joined(separator: " | ") + " |") }
            return
        }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        for row in all {
            let padded = row.enumerated().map { column, cell -> String in
                let fill = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + fill : fill + cell
            }
            line("    " + padded.joined(separator: "  "))
        }
    }
}
