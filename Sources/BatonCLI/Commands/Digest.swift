import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

/// Output formats of the reading commands.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html
}

struct Digest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "What the team did in a period, and what needs attention.",
        discussion: """
            For each person: their notes, the tasks whose status they changed (read from the git history), \
            blockers raised and cleared. For the team: blocked tasks and since when, overdue and stale tasks, \
            asks answered late or still waiting past their respond-by time. Default: the last 7 days.
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var pager: PagerOption
    @Option(parsing: .unconditional, help: "First day: 7d (default), monday, 2026-11-18.") var since: String?
    @Option(parsing: .unconditional, help: "Last day: today (default), yesterday, 2026-11-24.") var until: String?
    @Option(help: "Only this person.") var member: String?
    @Option(help: "text, markdown, json or html.") var format: ReportFormat = .text
    @Option(help: "Days without an update that make a task stale (default: baton.yml's stale_days).") var staleDays:
        Int?

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let input = try ReadingSupport.digestInput(
                journal: journal, options: options, since: since, until: until, member: member, staleDays: staleDays)
            var digest = JournalReports.Digest(input)
            digest.missingNotes = RosterReading.missingNotes(
                journal: journal, days: input.since...input.until, notes: input.notes, now: input.now,
                member: input.member, includeToday: false)
            digest.unreadable = JournalWarnings.shared.unreadableFiles
            switch format {
            case .text: pager.show(digest.text(style: Output.style, markdown: false))
            case .markdown: pager.show(digest.text(style: TextStyle(color: false), markdown: true))
            case .json: Output.line(try digest.json())
            case .html: Output.line(DigestPage.html(digest))
            }
        }
    }
}

/// Shared steps of the reading commands: periods, members, loading.
enum ReadingSupport {
    /// The digest's input: the period in the reader's zone, read by JournalReports.
    static func digestInput(
        journal: Journal, options: JournalOptions, since: String?, until: String?, member: String?, staleDays: Int?
    ) throws -> DigestInput {
        let zone = try options.zone()
        let now = try options.now()
        let last = try options.day(until, direction: .past, journal: journal)
        let first =
            try since.map { try options.day($0, direction: .past, journal: journal) } ?? now.localDay.adding(days: -6)
        guard first <= last else { throw CLIError.usage("--since \(first) is after --until \(last)") }
        if let staleDays, staleDays < 1 { throw CLIError.usage("--stale-days must be 1 or more") }
        let only = try member.map { try Handle($0).value }
        return try DigestInput(
            journal: journal, since: first, until: last, zone: zone, now: now, staleDays: staleDays, member: only,
            skipped: Output.skipped)
    }
}
