import ArgumentParser
import Foundation
import JournalModel
import JournalSync

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new journal.",
        discussion: "Creates PATH (default: the current folder) with baton.yml and a first commit.")

    @Argument(help: "Where to create the journal.") var path: String?
    @Option(help: "Your handle in the team (lower case, e.g. priya).") var me: String?
    @Option(help: "URL of the team's git remote (e.g. git@host:team/journal.git).") var remote: String?
    @Option(help: "Team name for baton.yml.") var team: String?
    @OptionGroup var folder: WorkingFolder

    func run() throws {
        try reportingErrors {
            Runtime.start()
            let handle = try me.map(Handle.init)
            var config = JournalConfig()
            if let team { config.team = TextSafety.singleLine(team) }
            if let zone = TimeZone.current.identifier as String?, zone != "GMT" { config.timezone = zone }
            let base = folder.base
            let target = path.map { $0.hasPrefix("/") ? $0 : base + "/" + $0 } ?? base
            let remote = remote.map { Self.resolvedRemote($0, base: base) }
            let journal = try Journal.create(at: target, me: handle, remote: remote, config: config)
            Output.line("Created a journal in \(journal.root)")
            if handle == nil {
                Output.note("hint: set your handle with `git -C \(journal.root) config baton.me HANDLE`")
            }
            if remote != nil { Output.note("Run `baton sync` to publish it.") }
        }
    }

    /// A remote given as a relative folder path, made absolute against `base` (the folder baton runs
    /// in): the remote is stored in the journal's git config and used from the journal's folder later.
    static func resolvedRemote(_ remote: String, base: String) -> String {
        guard Journal.remoteIsFolderPath(remote), !remote.hasPrefix("/") else {
            return remote
        }
        let folder = URL(fileURLWithPath: base, isDirectory: true)
        return URL(fileURLWithPath: remote, relativeTo: folder).standardizedFileURL.path
    }
}
