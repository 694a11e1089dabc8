import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

struct TaskList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List tasks and asks (open ones unless --status says otherwise).",
        discussion: "Tasks come first under a header row, asks apart under their own; --kind shows one of them.")

    @OptionGroup var options: JournalOptions
    @OptionGroup var pager: PagerOption
    @Option(help: "Only tasks owned by this person.", completion: JournalCompletion.handles) var owner: String?
    @Flag(help: "Only your tasks.") var mine = false
    @Option(help: "Only this status: todo, doing, blocked, done, dropped, or all.") var status: String?
    @Flag(help: "Only overdue tasks and asks.") var overdue = false
    @Option(help: "Which to list: task, ask, or all (default).") var kind: TaskListTable.Kind = .all
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if mine && owner != nil { throw ValidationError("choose one of --owner and --mine") }
    }

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let now = try options.now()
            let zone = try options.zone()
            let ownerFilter = try mine ? journal.requireMe().value : owner.map { try Handle($0).value }
            let statusFilter: TaskStatus?? = try status.map { raw in
                if raw == "all" { return nil }
                guard let s = TaskStatus(rawValue: raw) else { throw ModelError.badStatus(raw) }
                return s
            }
            let tasks = journal.readableTasks()
            let picked = tasks.filter { task in
                if (kind == .task && task.kind != .task) || (kind == .ask && task.kind != .ask) { return false }
                if let ownerFilter, task.owner != ownerFilter { return false }
                switch statusFilter {
                case .none: if !task.status.isOpen { return false }
                case .some(.none): break
                case .some(.some(let s)): if task.status != s { return false }
                }
                if overdue && !TaskClock.isOverdue(task, now: now.date, zone: zone) { return false }
                return true
            }.sorted {
                ($0.due ?? LocalDay(date: .distantFuture, in: zone), $0.created) < (
                    $1.due ?? LocalDay(date: .distantFuture, in: zone), $1.created
                )
            }
            if json {
                Output.line(try TaskJSON.list(picked, now: now.date, unreadable: Output.unreadable))
                return
            }
            let table = TaskListTable.render(picked, kind: kind, now: now.date, zone: zone, style: Output.style)
            let unread = UnreadableList.lines(Output.unreadable, markdown: false, style: Output.style)
            pager.show(unread.isEmpty ? table : table + "\n\n" + unread.joined(separator: "\n"))
        }
    }
}

extension TaskListTable.Kind: ExpressibleByArgument {}
