import JournalModel

/// A person's activity as an SVG calendar: one square per day, weeks as columns, darker with more activity.
enum ActivityCalendar {
    static func svg(counts: [LocalDay: Int], endingOn last: LocalDay, weeks: Int = 16) -> String {
        let cell = 14
        let gap = 3
        let left = 30
        let top = 18
        // Start on the Monday `weeks - 1` weeks before the week of `last`.
        let lastMonday = last.adding(days: -(last.weekday.rawValue - 1))
        let first = lastMonday.adding(days: -7 * (weeks - 1))
        let width = left + weeks * (cell + gap)
        let height = top + 7 * (cell + gap) + 4
        var svg =
            "<svg class=\"calendar\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Activity calendar\">"
        for (row, label) in [(0, "Mon"), (2, "Wed"), (4, "Fri")] {
            svg +=
                "<text x=\"0\" y=\"\(top + row * (cell + gap) + cell - 3)\" font-size=\"10\" fill=\"#656d76\">\(label)</text>"
        }
        var lastMonth = -1
        for week in 0..<weeks {
            let monday = first.adding(days: 7 * week)
            if monday.month != lastMonth {
                lastMonth = monday.month
                svg +=
                    "<text x=\"\(left + week * (cell + gap))\" y=\"11\" font-size=\"10\" fill=\"#656d76\">\(monthName(monday.month))</text>"
            }
            for row in 0..<7 {
                let day = monday.adding(days: row)
                guard day <= last else { continue }
                let n = counts[day] ?? 0
                let x = left + week * (cell + gap)
                let y = top + row * (cell + gap)
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" rx=\"3\" fill=\"\(color(n))\">"
                    + "<title>\(day): \(n) change\(n == 1 ? "" : "s")</title></rect>"
            }
        }
        return svg + "</svg>"
    }

    static func color(_ n: Int) -> String {
        switch n {
        case 0: return "#ebedf0"
        case 1...2: return "#9be9a8"
        case 3...5: return "#40c463"
        case 6...9: return "#30a14e"
        default: return "#216e39"
        }
    }

    static func monthName(_ m: Int) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][(m - 1) % 12]
    }
}
