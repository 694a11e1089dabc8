import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

/// The arguments of the commands that only move a task to another status.
struct StatusChange: ParsableArguments {
    @OptionGroup var target: TaskTarget
    @Option(help: "A note for the log line.") var note: String?

    func apply(_ status: TaskStatus) throws {
        try reportingErrors {
            let journal = try target.options.openJournal()
            let task = try journal.setStatus(target.id, to: status, note: note, at: try target.options.now())
            Output.line("\(task.id) is \(task.status.rawValue): \(TerminalText.clean(task.title, keepNewlines: false))")
        }
    }
}

struct TaskStart: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Mark a task as being worked on.")
    @OptionGroup var change: StatusChange
    func run() throws { try change.apply(.doing) }
}

struct TaskDone: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a task as done.")
    @OptionGroup var change: StatusChange
    func run() throws { try change.apply(.done) }
}

struct TaskDrop: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: "Drop a task that will not be done.")
    @OptionGroup var change: StatusChange
    func run() throws { try change.apply(.dropped) }
}

struct TaskBlock: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block", abstract: "Mark a task as blocked, with the reason.")

    @OptionGroup var target: TaskTarget
    @Option(help: "What it waits on.") var reason: String

    func run() throws {
        try reportingErrors {
            let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw CLIError.usage("--reason needs text: what is the task waiting on?") }
            let journal = try target.options.openJournal()
            let task = try journal.setStatus(target.id, to: .blocked, reason: text, at: try target.options.now())
            Output.line("\(task.id) is blocked: \(TerminalText.clean(task.title, keepNewlines: false))")
        }
    }
}

struct TaskAssign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Hand a task to someone, with a note.")

    @OptionGroup var target: TaskTarget
    @Argument(help: "The new owner's handle.", completion: JournalCompletion.handles) var handle: String
    @Option(help: "What they need to know to carry on.") var note: String?
    @Flag(help: "Allow a handle not on the roster (a newcomer).") var force = false

    func run() throws {
        try reportingErrors {
            let owner = try Handle(handle)
            let (journal, _) = try target.open()  // an unknown id is reported first (exit 66)
            let now = try target.options.now()
            try journal.checkMember(owner, today: now.localDay, force: force)
            let task = try journal.assign(target.id, to: owner, note: note, at: now)
            Output.line("\(task.id) is now \(owner)'s: \(TerminalText.clean(task.title, keepNewlines: false))")
        }
    }
}
