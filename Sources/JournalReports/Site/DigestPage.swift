import Foundation
import JournalModel

/// The digest as HTML: a standalone page (`digest --format html`), and the sections the site's overview reuses.
public enum DigestPage {
    /// A complete page with inline styles and no links to other pages.
    public static func html(_ digest: Digest) -> String {
        let parts = HTMLParts(
            links: SiteLinks(root: "", hasPages: false), zone: digest.zone, authors: digest.clock.authors)
        let period = ReadingPeriod(first: digest.since, last: digest.until, kind: digest.periodKind)
        let body =
            "<h1>Digest \(digest.since) to \(digest.until)</h1>"
            + "<p class=\"meta\">\(parts.e(period.label)). Times in \(parts.e(digest.clock.zoneLabel(at: digest.generated))), "
            + "with the author's own time where it differs; each event counts on its author's local day. "
            + "Generated \(parts.time(digest.generated)).</p>"
            + UnreadableList.html(digest.unreadable, parts) + attention(digest, parts) + measures(digest, parts)
            + MissingNotesHTML.card(digest.missingNotes, parts) + people(digest, parts)
        return HTMLPage.render(
            title: "\(digest.team): digest", team: digest.team, root: "", body: body, stylesheet: false, nav: false)
    }

    /// Blocked, overdue, late asks and stale tasks as cards.
    static func attention(_ d: Digest, _ p: HTMLParts) -> String {
        func card(_ title: String, _ count: Int, _ items: [String], empty: String) -> String {
            "<section class=\"card\(count > 0 ? " alert" : "")\"><h2>\(p.e(title))<span class=\"count\">\(count)</span></h2>"
                + p.list(items, empty: empty) + "</section>"
        }
        let blocked = d.blocked.map {
            "\(p.task($0.taskID, $0.title))<div class=\"meta\">\(p.person($0.owner)) · since \(p.time($0.since))"
                + ($0.reason.map { " · \(p.e($0))" } ?? "") + "</div>"
        }
        let overdue = d.overdue.map {
            "\(p.task($0.taskID, $0.title))<div class=\"meta\">\(p.person($0.owner)) · due \(p.e($0.due.description))</div>"
        }
        let asks = d.lateAsks.map { a -> String in
            let state = a.answeredAt.map { "answered late \(p.time($0))" } ?? "<strong>still waiting</strong>"
            return
                "\(p.task(a.askID, a.title))<div class=\"meta\">\(p.person(a.from)) → \(p.person(a.to)) · respond by \(p.time(a.respondBy)) · \(state)</div>"
        }
        let stale = d.stale.map {
            "\(p.task($0.taskID, $0.title))<div class=\"meta\">\(p.person($0.owner)) · \($0.days) days without an update</div>"
        }
        return "<div class=\"grid\">"
            + card("Blocked", d.blocked.count, blocked, empty: "Nothing blocked.")
            + card("Overdue", d.overdue.count, overdue, empty: "Nothing overdue.")
            + card("Asks past respond-by", d.lateAsks.count, asks, empty: "Every ask answered in time.")
            + card("Stale (\(d.staleDays)+ days)", d.stale.count, stale, empty: "No stale tasks.")
            + "</div>"
    }

    /// Each person's notes, status changes and blockers.
    static func people(_ d: Digest, _ p: HTMLParts) -> String {
        var html = ""
        for person in d.people {
            html += "<h2>\(p.person(person.handle))</h2>"
            if person.isEmpty { html += "<p class=\"muted\">Nothing in this period.</p>" }
            for note in person.notes {
                html += p.note(
                    note, heading: "\(note.day) <span class=\"muted\">\(note.day.weekday)</span>", author: person.handle
                )
            }
            html += section(
                "Status changes",
                person.statusChanges.map {
                    "\(p.time($0.at)) \(p.task($0.taskID, $0.title)) \(p.badge($0.from ?? "new")) → \(p.badge($0.to ?? "–"))"
                }, p)
            html += section(
                "Blockers raised",
                person.blockersRaised.map {
                    "\(p.time($0.at)) \(p.task($0.taskID, $0.title))" + ($0.reason.map { ": \(p.e($0))" } ?? "")
                }, p)
            html += section(
                "Blockers cleared", person.blockersCleared.map { "\(p.time($0.at)) \(p.task($0.taskID, $0.title))" }, p)
            html += handoffs(of: person.handle, d, p)
        }
        return html
    }

    /// A person's `<h3>` section with its list, or nothing when the list is empty.
    private static func section(_ title: String, _ items: [String], _ p: HTMLParts) -> String {
        items.isEmpty ? "" : "<h3>\(title)</h3>" + p.list(items, empty: "")
    }
}
