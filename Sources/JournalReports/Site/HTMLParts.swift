import Foundation
import JournalModel

/// Small pieces of HTML shared by the pages: task and person links, badges, notes, times.
struct HTMLParts {
    let links: SiteLinks
    let zone: TimeZone
    /// The authors' zones, for note times.
    var authors = AuthorClock()

    func e(_ s: String) -> String { HTMLText.escape(s) }

    func task(_ id: String, _ title: String) -> String {
        let label = "<span class=\"id\">\(e(id))</span> \(e(title))"
        return links.task(id).map { "<a href=\"\($0)\">\(label)</a>" } ?? label
    }

    func person(_ handle: String) -> String {
        links.person(handle).map { "<a href=\"\($0)\">\(e(handle))</a>" } ?? e(handle)
    }

    func badge(_ text: String) -> String { "<span class=\"badge \(e(text))\">\(e(text))</span>" }

    func time(_ t: Timestamp) -> String {
        "<time datetime=\"\(e(t.description))\">\(e(t.rendered(in: zone)))</time>"
    }

    /// A day's note: sections with their bullets rendered from Markdown; times in the reader's zone with the
    /// author's own time where it differs (`author` nil: the times as written).
    func note(_ note: Digest.NoteDay, heading: String, author: String? = nil) -> String {
        let clock = ReaderClock(zone: zone, authors: authors)
        var html = "<div class=\"note\"><h3>\(heading)</h3>"
        let md = links.markdown
        for (section, bullets) in note.sections {
            html += "<div class=\"section\">\(e(section.heading))</div><ul>"
            for bullet in bullets {
                let time =
                    bullet.time.map { raw in
                        let shown = author.map { clock.bullet(bullet.at, raw: raw, day: note.day, author: $0) } ?? raw
                        let stamp = bullet.at.map { " datetime=\"\(e($0.converted(to: zone).description))\"" } ?? ""
                        return "<time class=\"time\"\(stamp)>\(e(shown))</time> "
                    } ?? ""
                html += "<li>\(time)\(md.inline(bullet.text))</li>"
            }
            html += "</ul>"
        }
        return html + "</div>"
    }

    /// A list of items, or a muted line when there are none.
    func list(_ items: [String], empty: String) -> String {
        if items.isEmpty { return "<p class=\"muted\">\(e(empty))</p>" }
        return "<ul class=\"items\">" + items.map { "<li>\($0)</li>" }.joined() + "</ul>"
    }
}
