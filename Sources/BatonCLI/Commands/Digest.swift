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
            asks answered late or still waiting past their respond-by time.

            Every event counts on its author's local day; times are in your zone (--tz, TZ) with the author's own time where it differs. \
            Default: this week so far (Monday to today, in the team's zone), or last week on a Monday.
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var pager: PagerOption
    @OptionGroup var period: PeriodOptions
    @Option(help: "Only this person.", completion: JournalCompletion.handles) var member: String?
    @Option(help: "text, markdown, json or html.") var format: ReportFormat = .text
    @Option(help: "Days without an update that make a task stale (default: baton.yml's stale_days).") var staleDays:
        Int?

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let input = try ReadingSupport.digestInput(
                journal: journal, options: options, period: period.period, member: member, staleDays: staleDays)
            var digest = JournalReports.Digest(input)
            digest.missingNotes = MissingNotes.of(
                journal: journal, days: input.since...input.until, notes: input.notes, now: input.now,
                member: input.member, includeToday: false, tasks: input.tasks)
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
    /// The period options of a reading command, as typed.
    struct Period {
        var since: String?
        var until: String?
        var week = false
        var lastWeek = false
    }

    /// The days `period` selects (README's "Periods"): relative days from the reader's today, weeks from the
    /// team's (baton.yml `timezone`).
    static func period(_ period: Period, journal: Journal, options: JournalOptions) throws -> ReadingPeriod {
        if period.week || period.lastWeek {
            guard period.since == nil, period.until == nil, !(period.week && period.lastWeek) else {
                throw CLIError.usage("use one of --week, --last-week or --since/--until")
            }
        }
        let now = try options.now()
        let resolved = try ReadingPeriod.resolve(
            since: period.since, until: period.until, week: period.week, lastWeek: period.lastWeek,
            today: now.localDay, teamToday: now.converted(to: journal.config.timeZone).localDay,
            workdays: journal.config.workdays)
        guard resolved.first <= resolved.last else {
            throw CLIError.usage("--since \(resolved.first) is after --until \(resolved.last)")
        }
        return resolved
    }

    /// The digest's input: the period by authors' local days, times in the reader's zone, read by JournalReports.
    static func digestInput(
        journal: Journal, options: JournalOptions, period: Period, member: String?, staleDays: Int?
    ) throws -> DigestInput {
        let zone = try options.zone()
        let now = try options.now()
        let days = try Self.period(period, journal: journal, options: options)
        if let staleDays, staleDays < 1 { throw CLIError.usage("--stale-days must be 1 or more") }
        let only = try member.map { try Handle($0).value }
        return try DigestInput(
            journal: journal, since: days.first, until: days.last, zone: zone, now: now, staleDays: staleDays,
            member: only, periodKind: days.kind, skipped: Output.skipped)
    }
}
