import ArgumentParser
import Foundation
import JournalReports
import JournalSync

/// `baton check`: every journal file baton cannot read, with the line at fault.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List every task, note or baton.yml that baton cannot read, with the line at fault.",
        discussion: """
            Views leave such a file out and name it; sync commits it as it is. Exit code 65 when any file \
            cannot be read, 0 when all can.
            """)

    @OptionGroup var options: JournalOptions

    func run() throws {
        var problems: [FileProblem] = []
        try reportingErrors {
            let journal = try options.openJournal()
            problems = journal.checkFiles()
            if problems.isEmpty {
                Output.line("Every task, note and baton.yml reads.")
                return
            }
            for problem in problems { Output.plain(problem.description) }
            Output.note("baton: \(problems.count) file(s) cannot be read; fix the line named, then `baton sync`")
        }
        if !problems.isEmpty { throw ExitCode(BatonExit.unreadableFile) }
    }
}

/// Warnings about hand-edited journal files that do not parse (sync commits them as they are).
enum HandEditWarnings {
    static func warn(_ journal: Journal, paths: [String], committed: Bool) {
        for problem in journal.formatProblems(in: paths) {
            let what = committed ? "committed as it is" : "`baton sync` commits it as it is"
            Output.note("baton: warning: \(problem.description) (\(what); views leave it out until it is fixed)")
        }
    }
}
