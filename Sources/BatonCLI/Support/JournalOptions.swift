import ArgumentParser
import Basics
import Foundation
import JournalModel
import JournalSync

/// Options every journal command takes: where the journal is, and which time zone to show.
struct JournalOptions: ParsableArguments {
    @OptionGroup var folder: WorkingFolder

    @Option(
        name: .long,
        help: ArgumentHelp("Time zone for dates and times (default: $TZ or the system's).", valueName: "zone"))
    var tz: String?

    /// The reader's and author's time zone.
    func zone() throws -> TimeZone {
        guard let tz else { return TimeZone.current }
        guard let zone = TimeZone(identifier: tz) ?? TimeZone(abbreviation: tz) else {
            throw CLIError.usage("unknown time zone '\(tz)'; use an IANA name like Europe/Berlin or Asia/Kolkata")
        }
        return zone
    }

    /// The current moment in the chosen zone. `BATON_NOW` (ISO 8601) fixes it for scripts and tests.
    func now() throws -> Timestamp {
        let zone = try zone()
        if let fixed = ProcessInfo.processInfo.environment["BATON_NOW"], let stamp = Timestamp(iso: fixed) {
            return Timestamp(date: stamp.date, in: zone)
        }
        return Timestamp.now(in: zone)
    }

    /// Opens the journal from `-C` or the current folder, searching upward; warns about a bad `baton.yml`.
    func openJournal() throws -> Journal {
        Runtime.start()
        let journal = try Journal.open(from: folder.given)
        for warning in journal.configWarnings { Output.note("baton: warning: \(warning)") }
        return journal
    }

    /// Parses a day expression (`today`, `yesterday`, `monday`, `2026-11-24`, `3d`).
    func day(_ text: String?, direction: DateExpression.Direction, journal: Journal) throws -> LocalDay {
        let today = try now().localDay
        guard let text else { return today }
        return try DateExpression.parseDay(text, today: today, direction: direction, workdays: journal.config.workdays)
    }
}

/// Process-wide setup shared by the commands.
enum Runtime {
    private static let started = Locked(false)

    /// Initializes libgit2 once per process (a second caller waits until it is done).
    static func start() {
        started.withLock { started in
            guard !started else { return }
            JournalLibrary.start()
            // `BATON_NOW` dates every commit too (author and committer), at its own UTC offset.
            if let fixed = ProcessInfo.processInfo.environment["BATON_NOW"], let stamp = Timestamp(iso: fixed) {
                CommitClock.shared.fix(at: stamp.date, offsetSeconds: stamp.offsetSeconds)
            }
            started = true
        }
    }

    /// `path` made absolute against the current folder.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// Remote options: progress (fetch, clone and push) on a terminal only, an HTTPS token from `BATON_TOKEN`
    /// (an empty one counts as unset; without one, git's credential helpers are asked), warnings on stderr.
    static func remoteOptions(progressLabel: String) -> TransferOptions {
        let env = ProcessInfo.processInfo.environment
        let meter = TransferMeter(label: progressLabel)
        let progress: (@Sendable (TransferProgress) -> Void)? =
            isatty(STDERR_FILENO) == 1 ? { @Sendable p in meter.show(p) } : nil
        func nonEmpty(_ key: String) -> String? { env[key].flatMap { $0.isEmpty ? nil : $0 } }
        return TransferOptions(
            progress: progress, token: nonEmpty("BATON_TOKEN"), tokenUser: nonEmpty("BATON_TOKEN_USER"),
            warning: { @Sendable line in FileHandle.standardError.write(Data("baton: \(line)\n".utf8)) })
    }

    /// Whether to color output: a terminal, and no `NO_COLOR`.
    static var color: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}
