import Foundation
import JournalModel

/// Builds the static dashboard: overview, people, a page per person, tasks, a page per task,
/// weeks and a page per week. Pages link to each other relatively, so the site works from `file://`.
public struct SiteBuilder {
    let input: SiteInput
    let attachmentSet: Set<String>
    /// Current task titles by id, for the change lists (one lookup per listed change).
    let titles: [String: String]

    public init(_ input: SiteInput) {
        self.input = input
        attachmentSet = Set(input.attachments)
        titles = Dictionary(input.tasks.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every page and the stylesheet, by path relative to the output folder.
    public func pages() -> [String: String] {
        var pages: [String: String] = ["style.css": Stylesheet.css, "index.html": overview()]
        let handles = people()
        pages["people.html"] = peopleIndex(handles)
        for handle in handles { pages["people/\(handle).html"] = personPage(handle) }
        pages["tasks.html"] = tasksIndex()
        for task in input.tasks { pages["tasks/\(task.id).html"] = taskPage(task) }
        let weeks = weekStarts()
        pages["weeks.html"] = weeksIndex(weeks)
        for monday in weeks { pages["weeks/\(ISOWeek(containing: monday)).html"] = weekPage(monday) }
        return pages
    }

    // MARK: - data

    func parts(depth: Int) -> HTMLParts {
        HTMLParts(
            links: SiteLinks(root: depth == 0 ? "" : "../", hasPages: true, attachments: attachmentSet),
            zone: input.zone, authors: input.authors)
    }

    func page(_ title: String, depth: Int, _ body: String) -> String {
        HTMLPage.render(
            title: "\(input.team): \(title)", team: input.team, root: depth == 0 ? "" : "../", body: body,
            stylesheet: true)
    }

    func people() -> [String] {
        var handles = Set(input.notes.map(\.author))
        for task in input.tasks where Handle.isValid(task.owner) { handles.insert(task.owner) }
        for event in input.events where Handle.isValid(event.author) { handles.insert(event.author) }
        return handles.filter(Handle.isValid).sorted()
    }

    func noteDay(_ note: DailyNote, day: LocalDay, author: String) -> Digest.NoteDay? {
        var sections: [(NoteSection, [Digest.Bullet])] = []
        for section in NoteSection.allCases {
            let bullets = note.bullets(in: section).map { raw -> Digest.Bullet in
                let (time, text) = NoteChanges.splitTime(raw)
                let at = time.flatMap {
                    input.authors.bulletTime($0, day: day, author: author, noteOffset: note.utcOffset)
                }
                return Digest.Bullet(time: time, text: text, at: at)
            }
            if !bullets.isEmpty { sections.append((section, bullets)) }
        }
        return sections.isEmpty ? nil : Digest.NoteDay(day: day, sections: sections, attachments: [])
    }

    func weekStarts() -> [LocalDay] {
        // Weeks with notes, the overview's week and the team's current week.
        let current = input.now.converted(to: input.teamZone).localDay
        let mondays = Set(input.notes.map { monday(of: $0.day) }).union([input.period.first, current].map(monday(of:)))
        return mondays.sorted(by: >)
    }

    func monday(of day: LocalDay) -> LocalDay { day.adding(days: -(day.weekday.rawValue - 1)) }

    func activity(of handle: String) -> [LocalDay: Int] {
        var counts: [LocalDay: Int] = [:]
        for event in input.events where event.author == handle {
            counts[input.authors.day(of: event.at, by: event.author), default: 0] += 1
        }
        for note in input.notes where note.author == handle {
            let n = NoteSection.allCases.reduce(0) { $0 + note.note.bullets(in: $1).count }
            counts[note.day] = max(counts[note.day] ?? 0, n)
        }
        return counts
    }

    // MARK: - pages

    func overview() -> String {
        let p = parts(depth: 0)
        let digest = input.digest()
        var body =
            "<h1>Team overview</h1><p class=\"meta\">\(p.e(input.period.label)) · times in \(p.e(ReaderClock(zone: input.zone).zoneLabel(at: input.now))), each event on its author's local day · generated \(p.time(input.now))</p>"
        let openAsks = input.tasks.filter { $0.kind == .ask && $0.status.isOpen }
            .sorted { ($0.respondBy ?? $0.created) < ($1.respondBy ?? $1.created) }
        body += UnreadableList.html(input.unreadable, p)
        body += DigestPage.attention(digest, p)
        body += MissingNotesHTML.card(input.missingNotes, p)
        body += DigestPage.measures(digest, p)
        body += "<h2>Open asks<span class=\"count\">\(openAsks.count)</span></h2>"
        body += p.list(
            openAsks.map { ask in
                let late =
                    TaskClock.isOverdue(ask, now: input.now.date, zone: input.zone) ? " " + p.badge("overdue") : ""
                return
                    "\(p.task(ask.id, ask.title))\(late)<div class=\"meta\">\(p.person(ask.from ?? "?")) → \(p.person(ask.to ?? ask.owner))"
                    + (ask.respondBy.map { " · respond by \(p.time($0))" } ?? "") + "</div>"
            }, empty: "No open asks.")
        body +=
            "<h2>\(p.e(input.period.kind == .days ? "Notes" : "\(ISOWeek(containing: input.period.first))")) notes</h2>"
        let withNotes = digest.people.filter { !$0.notes.isEmpty }
        if withNotes.isEmpty { body += "<p class=\"muted\">No notes this week.</p>" }
        for person in withNotes {
            body += "<h3>\(p.person(person.handle))</h3>"
            for note in person.notes.reversed() {
                body += p.note(
                    note, heading: "\(note.day) <span class=\"muted\">\(note.day.weekday)</span>",
                    author: person.handle)
            }
        }
        let week = ISOWeek(containing: input.period.first)
        body += "<p class=\"meta\"><a href=\"weeks/\(week).html\">Week \(week) in full</a></p>"
        return page("overview", depth: 0, body)
    }

    func peopleIndex(_ handles: [String]) -> String {
        let p = parts(depth: 0)
        let rows = handles.map { handle -> String in
            let open = input.tasks.filter { $0.owner == handle && $0.status.isOpen }.count
            let lastNote = input.notes.filter { $0.author == handle }.map(\.day).max()
            return "<tr><td>\(p.person(handle))</td><td>\(open)</td><td>\(lastNote.map { "\($0)" } ?? "–")</td></tr>"
        }
        return page(
            "people", depth: 0,
            "<h1>People</h1>" + Self.table(head: "<th>Person</th><th>Open tasks</th><th>Last note</th>", rows: rows))
    }

    func personPage(_ handle: String) -> String {
        let p = parts(depth: 1)
        var body = "<h1>\(p.e(handle))</h1>"
        body += "<h2>Activity</h2>" + ActivityCalendar.svg(counts: activity(of: handle), endingOn: input.now.localDay)
        body += ResponsivenessChart.personSection(handle, input.digest(member: handle).responsiveness, p)
        let tasks = input.tasks.filter { $0.owner == handle && $0.status.isOpen }.sorted { $0.updated > $1.updated }
        body += "<h2>Open tasks<span class=\"count\">\(tasks.count)</span></h2>"
        body += p.list(
            tasks.map {
                "\(p.task($0.id, $0.title)) \(p.badge($0.status.rawValue))"
                    + ($0.due.map { " <span class=\"meta\">due \($0)</span>" } ?? "")
            }, empty: "No open tasks.")
        let changes = input.events.filter { $0.author == handle && $0.taskID != nil && !$0.isCreationDetail }.suffix(30)
            .reversed()
        body += "<h2>Recent changes</h2>"
        body += p.list(
            changes.map { event in
                let id = event.taskID ?? ""
                let title = titles[id] ?? ""
                return "\(p.time(event.at)) \(p.task(id, title)) <span class=\"meta\">\(p.e(event.summary))</span>"
            }, empty: "No changes yet.")
        body += "<h2>Notes</h2>"
        let notes = input.notes.filter { $0.author == handle }.sorted { $0.day > $1.day }.prefix(60)
        if notes.isEmpty { body += "<p class=\"muted\">No notes yet.</p>" }
        for entry in notes {
            guard let day = noteDay(entry.note, day: entry.day, author: handle) else { continue }
            let week = p.links.week(entry.day).map { " <a class=\"meta\" href=\"\($0)\">week</a>" } ?? ""
            body += p.note(
                day, heading: "\(entry.day) <span class=\"muted\">\(entry.day.weekday)</span>\(week)", author: handle)
        }
        return page(handle, depth: 1, body)
    }

    func tasksIndex() -> String {
        let p = parts(depth: 0)
        let order: [TaskStatus] = [.blocked, .doing, .todo, .done, .dropped]
        let sorted = input.tasks.sorted {
            (order.firstIndex(of: $0.status) ?? 9, $0.id) < (order.firstIndex(of: $1.status) ?? 9, $1.id)
        }
        let rows = sorted.map { task -> String in
            let overdue =
                TaskClock.isOverdue(task, now: input.now.date, zone: input.zone) ? " " + p.badge("overdue") : ""
            return
                "<tr><td>\(p.task(task.id, task.title))\(overdue)</td><td>\(p.badge(task.status.rawValue))</td><td>\(p.person(task.owner))</td>"
                + "<td class=\"optional\">\(p.e(task.kind == .ask ? task.respondBy?.localDay.description ?? "" : task.due?.description ?? ""))</td></tr>"
        }
        let head = "<th>Task</th><th>Status</th><th>Owner</th><th class=\"optional\">Due</th>"
        return page("tasks", depth: 0, "<h1>Tasks and asks</h1>" + Self.table(head: head, rows: rows))
    }

    func taskPage(_ task: TaskDocument) -> String {
        let p = parts(depth: 1)
        var body = "<h1><span class=\"id\">\(p.e(task.id))</span> \(p.e(task.title))</h1>"
        var fields: [(String, String)] = [
            ("Kind", p.e(task.kind.rawValue)), ("Status", p.badge(task.status.rawValue)),
            ("Owner", p.person(task.owner)),
        ]
        if let from = task.from { fields.append(("From", p.person(from))) }
        if let respondBy = task.respondBy { fields.append(("Respond by", p.time(respondBy))) }
        if let due = task.due { fields.append(("Due", p.e(due.description))) }
        if !task.tags.isEmpty { fields.append(("Tags", p.e(task.tags.joined(separator: ", ")))) }
        if let reason = task.blockedReason { fields.append(("Blocked on", p.e(reason))) }
        fields.append(("Created", p.time(task.created)))
        fields.append(("Updated", p.time(task.updated)))
        if TaskClock.isOverdue(task, now: input.now.date, zone: input.zone) { fields.append(("", p.badge("overdue"))) }
        body += "<table>" + fields.map { "<tr><th>\(p.e($0.0))</th><td>\($0.1)</td></tr>" }.joined() + "</table>"
        if !task.description.isEmpty {
            let md = SiteLinks(root: "../", hasPages: true, attachments: attachmentSet).markdown
            body += "<h2>Description</h2><div class=\"description\">\(md.render(task.description))</div>"
        }
        let events = input.events.filter { $0.taskID == task.id }
        body += "<h2>Timeline</h2>"
        if events.isEmpty {
            body +=
                "<ul class=\"timeline\">"
                + task.log.map {
                    "<li>\(p.time($0.at)) <strong>\(p.person($0.author))</strong>: \(p.links.markdown.inline($0.text))</li>"
                }.joined() + "</ul>"
        } else {
            body +=
                "<ul class=\"timeline\">"
                + events.map { event -> String in
                    let what: String
                    switch event.change {
                    case .log(let text): what = p.links.markdown.inline(text)
                    case .field(let name, let old, let new):
                        what =
                            "<span class=\"meta\">\(p.e(name))</span> \(p.e(old ?? "–")) → <strong>\(p.e(new ?? "–"))</strong>"
                    default: what = p.e(event.summary)
                    }
                    return "<li>\(p.time(event.at)) <strong>\(p.person(event.author))</strong>: \(what)</li>"
                }.joined() + "</ul>"
        }
        return page(task.title, depth: 1, body)
    }

    func weeksIndex(_ weeks: [LocalDay]) -> String {
        let p = parts(depth: 0)
        let items = weeks.map { monday -> String in
            let count = input.notes.filter { $0.day >= monday && $0.day < monday.adding(days: 7) }.count
            let week = ISOWeek(containing: monday)
            return
                "<a href=\"weeks/\(week).html\">Week \(week.number), \(week.year)</a> <span class=\"meta\">\(week.monday.shortLabel) to \(week.sunday.shortLabel) · \(count) note\(count == 1 ? "" : "s")</span>"
        }
        return page("weeks", depth: 0, "<h1>Weeks</h1>" + p.list(items, empty: "No weeks yet."))
    }

    func weekPage(_ monday: LocalDay) -> String {
        let p = parts(depth: 1)
        let sunday = monday.adding(days: 6)
        let week = ISOWeek(containing: monday)
        var body =
            "<h1>Week \(week.number), \(week.year) <span class=\"muted\">\(week)</span></h1><p class=\"meta\">Monday \(monday) to Sunday \(sunday) · each event on its author's local day</p>"
        let notes = input.notes.filter { $0.day >= monday && $0.day <= sunday }
        let handles = Set(notes.map(\.author)).sorted()
        if handles.isEmpty { body += "<p class=\"muted\">No notes this week.</p>" }
        for handle in handles {
            body += "<h2>\(p.person(handle))</h2>"
            for entry in notes.filter({ $0.author == handle }).sorted(by: { $0.day < $1.day }) {
                guard let day = noteDay(entry.note, day: entry.day, author: handle) else { continue }
                body += p.note(
                    day, heading: "\(entry.day) <span class=\"muted\">\(entry.day.weekday)</span>", author: handle)
            }
        }
        let changes = input.events.filter {
            $0.taskID != nil && !$0.isCreationDetail && week.days.contains(input.authors.day(of: $0.at, by: $0.author))
        }
        body += "<h2>Task changes<span class=\"count\">\(changes.count)</span></h2>"
        body += p.list(
            changes.map { event in
                let id = event.taskID ?? ""
                let title = titles[id] ?? ""
                return
                    "\(p.time(event.at)) \(p.person(event.author)) \(p.task(id, title)) <span class=\"meta\">\(p.e(event.summary))</span>"
            }, empty: "No task changes.")
        return page("week \(week)", depth: 1, body)
    }
}

extension HistoryEvent {
    /// The first values and `created` log line of a new task: implied by its `created` event.
    var isCreationDetail: Bool {
        switch change {
        case .field(_, nil, _): return true
        case .log(let text): return text == "created"
        default: return false
        }
    }
}

extension SiteBuilder {
    /// A scrolling table: the header cells `head` and the `<tr>` rows.
    static func table(head: String, rows: [String]) -> String {
        "<div class=\"scroll\"><table><thead><tr>\(head)</tr></thead><tbody>" + rows.joined() + "</tbody></table></div>"
    }
}
