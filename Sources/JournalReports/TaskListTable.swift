import Foundation
import JournalModel

/// `baton task list` for the terminal: tasks under a header row (id, status, owner, due, title), then
/// asks apart under their own (id, status, asked, from, respond by, question).
public enum TaskListTable {
    /// Which files the list shows.
    public enum Kind: String, Sendable, CaseIterable {
        case task, ask, all
    }

    public static func render(
        _ items: [TaskDocument], kind: Kind, now: Date, zone: TimeZone, style: TextStyle
    ) -> String {
        let tasks = items.filter { $0.kind == .task }
        let asks = items.filter { $0.kind == .ask }
        var parts: [String] = []
        if kind != .ask {
            parts.append(tasks.isEmpty ? "No tasks." : taskRows(tasks, now: now, zone: zone, style: style))
        }
        if kind != .task && !(kind == .all && asks.isEmpty) {
            parts.append(asks.isEmpty ? "No asks." : askRows(asks, now: now, zone: zone, style: style))
        }
        return parts.joined(separator: "\n\n")
    }

    private static func taskRows(_ tasks: [TaskDocument], now: Date, zone: TimeZone, style: TextStyle) -> String {
        let rows = tasks.map { task in
            [
                task.id, task.status.rawValue, TerminalText.clean(task.owner, keepNewlines: false),
                task.due?.description ?? "-", TerminalText.clean(task.title, keepNewlines: false),
            ]
        }
        return table(
            header: ["ID", "STATUS", "OWNER", "DUE", "TITLE"], rows: rows, items: tasks, now: now, zone: zone,
            style: style)
    }

    private static func askRows(_ asks: [TaskDocument], now: Date, zone: TimeZone, style: TextStyle) -> String {
        let rows = asks.map { ask in
            [
                ask.id, ask.status.rawValue, TerminalText.clean(ask.to ?? ask.owner, keepNewlines: false),
                TerminalText.clean(ask.from ?? "?", keepNewlines: false),
                ask.respondBy?.rendered(in: zone) ?? "-", TerminalText.clean(ask.title, keepNewlines: false),
            ]
        }
        return table(
            header: ["ASK", "STATUS", "ASKED", "FROM", "RESPOND BY", "QUESTION"], rows: rows, items: asks, now: now,
            zone: zone, style: style)
    }

    /// Columns padded to their widest cell (the last one is not padded); the id column styled, overdue marked.
    private static func table(
        header: [String], rows: [[String]], items: [TaskDocument], now: Date, zone: TimeZone, style: TextStyle
    ) -> String {
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var lines = [style.heading(line(header))]
        for (cells, item) in zip(rows, items) {
            let plain = line(cells)
            var text = style.id(String(plain.prefix(widths[0]))) + plain.dropFirst(widths[0])
            if TaskClock.isOverdue(item, now: now, zone: zone) { text += style.alert("  OVERDUE") }
            lines.append(text)
        }
        return lines.joined(separator: "\n")
    }
}
