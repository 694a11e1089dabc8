import ArgumentParser
import Foundation
import JournalReports
import JournalSync

struct Remind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Print what is new for you and which ask windows are closing, once each; for cron or a prompt.",
        discussion: """
            One line for each ask, hand-off, mention or answer that arrived for you since the last remind or \
            sync --watch on this device, and for each ask to you or from you whose window nears its end \
            (by default when a quarter of it is left; --soon 2h for a fixed time).

            Each is told once: what was told is kept in .git/baton/, never in the journal. Prints nothing when \
            nothing is new.

            It reads the clone only (no fetch; run sync --watch or sync for that), never waits for the \
            journal lock, and always exits 0, so a prompt or a cron line never fails: a problem is one line on stderr.

              PROMPT_COMMAND='baton -C ~/journal remind'
              */10 * * * * baton -C ~/journal remind --notify
            """)

    @OptionGroup var options: JournalOptions
    @Option(help: "When an ask window counts as closing: a share of it left (25%) or a time before it (2h).")
    var soon = "25%"
    @Flag(help: "Also show each line as a desktop notification ($BATON_NOTIFY, else notify-send).")
    var notify = false
    @Option(help: "Print at most this many lines, then how many more wait.") var limit = 10

    func validate() throws {
        guard ClosingRule(soon) != nil else { throw ValidationError("bad --soon '\(soon)'; use 25% or 2h") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        do {
            let journal = try options.openJournal()
            let notifier = notify ? Notifier() : nil
            if notify, notifier?.command == nil { Output.note(Notifier.missing) }
            let teller = NudgeTeller(
                journal: journal, me: try journal.requireMe().value, zone: try options.zone(),
                rule: ClosingRule(soon) ?? .quarter, notifier: notifier)
            teller.tell(try teller.untold(now: try options.now()), limit: limit)
        } catch {
            let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            Output.note("baton: \(message.split(whereSeparator: \.isNewline).joined(separator: " "))")
        }
    }
}
