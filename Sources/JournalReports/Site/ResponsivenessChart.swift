import JournalModel

/// The response windows as small inline SVG charts (no script), one per person: a bar of the asks they
/// received split into answered in the window, answered late, waiting past the window and still in time, and
/// a bar of their working days with a note. Every figure is also written as text inside the chart.
enum ResponsivenessChart {
    static let width = 420
    static let barWidth = 200
    static let colors = (inWindow: "#1a7f37", late: "#bf8700", waiting: "#cf222e", pending: "#d0d7de")

    /// A section with one chart per person (responders and everyone whose participation is counted).
    static func section(_ r: Responsiveness, _ p: HTMLParts) -> String {
        let handles = Set(r.responders.map(\.handle)).union(r.participation.map(\.handle)).sorted()
        var html = "<h2>Response windows</h2><div class=\"charts\">"
        for handle in handles {
            let windows = r.responders.first { $0.handle == handle }?.windows ?? Responsiveness.Windows()
            let participation = r.participation.first { $0.handle == handle }
            html += "<figure class=\"chart\"><figcaption>\(p.person(handle))</figcaption>"
            html += svg(handle: handle, windows, participation, p) + "</figure>"
        }
        let b = r.blockers
        html +=
            "</div><p class=\"meta\">Team: \(r.team.answeredInWindow) of \(r.team.received) asks answered in the window"
        html += " · median \(DurationText.hoursMinutes(r.team.medianSeconds)), p90 "
        html += "\(DurationText.hoursMinutes(r.team.p90Seconds)) · blockers cleared \(b.cleared) (median "
        html += "\(DurationText.hoursMinutes(b.medianClearedSeconds))), still open \(b.stillOpen)</p>"
        return html
    }

    /// One person's chart on their page, for the overview's period.
    static func personSection(_ handle: String, _ r: Responsiveness, _ p: HTMLParts) -> String {
        let windows = r.responders.first { $0.handle == handle }?.windows ?? Responsiveness.Windows()
        let participation = r.participation.first { $0.handle == handle }
        return "<h2>Response windows</h2>" + svg(handle: handle, windows, participation, p)
    }

    /// One person's chart.
    static func svg(
        handle: String, _ w: Responsiveness.Windows, _ participation: Responsiveness.Participation?, _ p: HTMLParts
    ) -> String {
        let late = w.answered - w.answeredInWindow
        let pending = max(0, w.received - w.answered - w.waitingPastWindow)
        let label =
            "\(handle): \(w.answeredInWindow) of \(w.received) asks answered in the window, \(late) late, "
            + "\(w.waitingPastWindow) waiting past it"
        var svg =
            "<svg class=\"responsiveness\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"64\""
            + " viewBox=\"0 0 \(width) 64\" role=\"img\" aria-label=\"\(p.e(label))\">"
        svg += "<text x=\"0\" y=\"16\" font-size=\"11\" fill=\"#656d76\">asks</text>"
        var x = 70
        let parts = [
            ("in-window", w.answeredInWindow, colors.inWindow), ("late", late, colors.late),
            ("waiting", w.waitingPastWindow, colors.waiting), ("pending", pending, colors.pending),
        ]
        for (name, count, color) in parts where count > 0 && w.received > 0 {
            let length = barWidth * count / w.received
            svg +=
                "<rect class=\"\(name)\" x=\"\(x)\" y=\"6\" width=\"\(length)\" height=\"14\" fill=\"\(color)\">"
                + "<title>\(name): \(count)</title></rect>"
            x += length
        }
        if w.received == 0 {
            svg += "<rect class=\"none\" x=\"70\" y=\"6\" width=\"\(barWidth)\" height=\"14\" fill=\"#f6f8fa\"/>"
        }
        svg +=
            "<text x=\"\(74 + barWidth)\" y=\"16\" font-size=\"11\">\(w.answeredInWindow)/\(w.received)"
            + " · p90 \(DurationText.hoursMinutes(w.p90Seconds))</text>"
        svg += "<text x=\"0\" y=\"46\" font-size=\"11\" fill=\"#656d76\">notes</text>"
        if let participation {
            let days = participation.workingDays
            let filled = days > 0 ? barWidth * participation.daysWithNote / days : 0
            svg += "<rect class=\"workdays\" x=\"70\" y=\"36\" width=\"\(barWidth)\" height=\"14\" fill=\"#d0d7de\"/>"
            svg +=
                "<rect class=\"noted\" x=\"70\" y=\"36\" width=\"\(filled)\" height=\"14\" fill=\"#0969da\">"
                + "<title>working days with a note: \(participation.daysWithNote)</title></rect>"
            svg +=
                "<text x=\"\(74 + barWidth)\" y=\"46\" font-size=\"11\">"
                + "\(participation.daysWithNote)/\(days) days</text>"
        }
        return svg + "</svg>"
    }
}
