import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find words in notes, tasks, asks and their logs.",
        discussion: """
            Prints every line that holds all the words (whole words, any case, any order), newest first: \
            the day, who wrote it, the file and the line. Only notes/ and tasks/ are read, never .git.

              baton search retry runbook
              baton search deploy --member tom --since 2026-11-01
              baton search keys --in tasks --tag ops --json
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var pager: PagerOption
    @Argument(help: "The words to find; a line must hold every one.") var words: [String] = []
    @Option(help: "Only lines this person wrote.", completion: JournalCompletion.handles) var member: String?
    @Option(parsing: .unconditional, help: "First day: 30d, monday, 2026-11-01.") var since: String?
    @Option(parsing: .unconditional, help: "Last day: today, yesterday, 2026-11-24.") var until: String?
    @Option(help: "Only tasks and asks with this tag (leaves notes out).") var tag: String?
    @Option(name: .customLong("in"), help: "Only notes, or only tasks (asks included).") var scope: Scope?
    @Flag(help: "Print JSON.") var json = false

    /// Where `--in` looks.
    enum Scope: String, ExpressibleByArgument, CaseIterable {
        case notes, tasks
    }

    func validate() throws {
        if SearchTerms(words).isEmpty {
            throw ValidationError("give the words to find, e.g. baton search retry runbook")
        }
    }

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let terms = SearchTerms(words)
            func day(_ text: String?) throws -> LocalDay? {
                try text.map { try options.day($0, direction: .past, journal: journal) }
            }
            let filter = SearchFilter(
                member: try member.map { try Handle($0).value }, since: try day(since), until: try day(until),
                tag: tag, scope: scope.map { $0 == .notes ? .notes : .tasks } ?? .all)
            if let first = filter.since, let last = filter.until, first > last {
                throw CLIError.usage("--since \(first) is after --until \(last); give the earlier day first")
            }
            let (hits, unreadable) = journal.search(terms, filter: filter)
            for file in unreadable { JournalWarnings.shared.unreadable(file) }
            if json {
                Output.line(try JSONOutput.render(hits.map(SearchHitJSON.init)))
                return
            }
            pager.show(SearchResults.render(hits, terms: terms, style: Output.style))
        }
    }
}
