import JournalModel

extension DigestPage {
    /// The period's hand-offs, each person's counts and the response-window charts.
    static func measures(_ d: Digest, _ p: HTMLParts) -> String {
        var html = "<h2>Hand-offs<span class=\"count\">\(d.relay.handoffs.count)</span></h2>"
        html += p.list(d.relay.handoffs.map { handoff($0, p) }, empty: "No hand-offs in this period.")
        let handles = d.relay.handles.union(d.people.map(\.handle)).sorted()
        if !handles.isEmpty {
            let head =
                "<th>Person</th><th>Notes</th><th>Tasks created</th><th>Done</th><th>Handed on</th>"
                + "<th>Asks made</th><th>Asks answered</th>"
            let rows = handles.map { handle in
                let c = d.relay.counts(of: handle)
                let cells = [c.notes, c.tasksCreated, c.tasksDone, c.handedOn, c.asksMade, c.asksAnswered]
                return "<tr><td>\(p.person(handle))</td>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
            }
            html += "<h2>Counts</h2>" + SiteBuilder.table(head: head, rows: rows)
        }
        return html + ResponsivenessChart.section(d.responsiveness, p)
    }

    /// One hand-off: time, task, giver → receiver, note.
    static func handoff(_ h: Relay.Handoff, _ p: HTMLParts) -> String {
        "\(p.time(h.at)) \(p.task(h.taskID, h.title))<div class=\"meta\">\(p.person(h.from)) → \(p.person(h.to))"
            + (h.note.map { " · \(p.e($0))" } ?? "") + "</div>"
    }

    /// One person's hand-offs given and received.
    static func handoffs(of handle: String, _ d: Digest, _ p: HTMLParts) -> String {
        var html = ""
        let given = d.relay.given(by: handle)
        let received = d.relay.received(by: handle)
        if !given.isEmpty { html += "<h3>Hand-offs given</h3>" + p.list(given.map { handoff($0, p) }, empty: "") }
        if !received.isEmpty {
            html += "<h3>Hand-offs received</h3>" + p.list(received.map { handoff($0, p) }, empty: "")
        }
        return html
    }
}
