import ArgumentParser
import Foundation
import JournalModel
import JournalSync

struct TaskAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Create a task and print its id.")

    @OptionGroup var options: JournalOptions
    @Argument(help: "The task's title.") var title: [String]
    @Option(help: "Who owns it (default: you).", completion: JournalCompletion.handles) var owner: String?
    @Option(parsing: .unconditional, help: "Due day: friday, 2026-11-28, 3d (days from now).") var due: String?
    @Option(name: .customLong("tag"), help: "A tag; repeat for more.") var tags: [String] = []
    @OptionGroup var attach: AttachOption
    @Flag(help: "Allow a handle not on the roster (a newcomer).") var force = false

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let owner = try owner.map(Handle.init)
            if let owner { try journal.checkMember(owner, today: try options.now().localDay, force: force) }
            let dueDay = try due.map { try options.day($0, direction: .future, journal: journal) }
            let cleanTags = try tags.map { tag -> String in
                let t = TextSafety.singleLine(tag).trimmingCharacters(in: .whitespaces)
                guard !t.isEmpty, !t.contains(","), !t.contains("[") else {
                    throw CLIError.usage("bad tag '\(tag)'; tags are single words")
                }
                return t
            }
            let title = self.title.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !title.isEmpty else {
                throw CLIError.usage("a task needs a title: baton task add \"Backfill orders\"")
            }
            let task = try journal.addTask(
                title: title, owner: owner, due: dueDay, tags: cleanTags, at: try options.now(),
                attachments: try attach.checked())
            Output.line(task.id)
        }
    }
}
