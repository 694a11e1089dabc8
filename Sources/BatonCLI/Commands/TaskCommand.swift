import ArgumentParser

struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Create, hand on and close tasks.",
        discussion: "A task is tasks/<id>.md. Any unique prefix of an id works where an ID is asked for.",
        subcommands: [
            TaskAdd.self, TaskList.self, TaskShow.self, TaskStart.self, TaskDone.self, TaskDrop.self, TaskBlock.self,
            TaskAssign.self, TaskEdit.self, TaskUnblock.self, TaskDue.self,
        ]
    )
}
