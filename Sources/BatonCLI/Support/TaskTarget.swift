import ArgumentParser
import JournalModel
import JournalSync

/// The journal options and the task id (or unique prefix) of a command about one task.
struct TaskTarget: ParsableArguments {
    @OptionGroup var options: JournalOptions
    @Argument(help: "The task's id or a unique prefix.", completion: JournalCompletion.tasks) var id: String

    /// The journal and the task `id` names; an unknown or ambiguous id is reported here.
    func open() throws -> (Journal, TaskDocument) {
        let journal = try options.openJournal()
        return (journal, try journal.resolveTask(id))
    }
}
