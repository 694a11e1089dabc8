import ArgumentParser
import JournalSync

struct TaskEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Edit a task file in $VISUAL or $EDITOR, then commit it.")

    @OptionGroup var options: JournalOptions
    @Argument(help: "The task's id or a unique prefix.", completion: JournalCompletion.tasks) var id: String

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let task = try journal.resolveTask(id)
            _ = try Editor.command()
            guard let original = try journal.read(task.path) else { return }
            try Editor.edit(try journal.absolutePath(task.path))
            if try journal.commitEditedTask(id: task.id, original: original, at: try options.now()) {
                Output.line("Saved \(task.path)")
            } else {
                Output.line("No changes.")
            }
        }
    }
}
