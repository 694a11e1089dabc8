import ArgumentParser
import Foundation
import JournalModel
import JournalSync

struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Ask a teammate for something, with a time to answer by.",
        discussion: "Prints the ask's id. The window defaults to baton.yml's ask_window_hours.")

    @OptionGroup var options: JournalOptions
    @Argument(help: "Who you ask.", completion: JournalCompletion.handles) var handle: String
    @Argument(help: "What you ask for.") var text: [String]
    @Option(help: "Answer window: 24h, 36h, 2d.") var within: String?
    @Flag(help: "Allow a handle not on the roster (a newcomer).") var force = false

    func run() throws {
        try reportingErrors {
            let person = try Handle(handle)
            let window = try within.map(DateExpression.parseDuration)
            let body = text.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !body.isEmpty else { throw CLIError.usage("say what you ask for: baton ask tom \"review #42?\"") }
            let journal = try options.openJournal()
            try journal.checkMember(person, today: try options.now().localDay, force: force)
            let ask = try journal.ask(person, text: body, within: window, at: try options.now())
            Output.line(ask.id)
        }
    }
}

struct Reply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply", abstract: "Answer an ask (or comment on a task).")

    @OptionGroup var options: JournalOptions
    @Argument(help: "The ask's id or a unique prefix.", completion: JournalCompletion.asks) var id: String
    @Argument(help: "Your answer.") var text: [String]
    @Flag(help: "Also mark the ask done.") var done = false
    @OptionGroup var attach: AttachOption

    func run() throws {
        try reportingErrors {
            let body = text.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !body.isEmpty else { throw CLIError.usage("say what your answer is: baton reply ID \"here it is\"") }
            let journal = try options.openJournal()
            let ask = try journal.reply(
                id, text: body, done: done, at: try options.now(), attachments: try attach.checked())
            Output.line("Replied to \(ask.id)" + (done ? " and closed it" : ""))
        }
    }
}
