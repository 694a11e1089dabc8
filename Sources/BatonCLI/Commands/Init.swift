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
            let remote = remote.map { Self.resolvedRemote($0, base: folder.base) }
            let journal = try Journal.create(
                at: path.map(folder.absolute) ?? folder.base, me: handle, remote: remote, config: config)
            Output.line("Created a journal in \(journal.root)")
            Self.hintWithoutHandle(handle, root: journal.root)
            if remote != nil { Output.note("Run `baton sync` to publish it.") }
        }
    }

    /// Tells a user who gave no `--me` how to set their handle later.
    static func hintWithoutHandle(_ handle: Handle?, root: String) {
        guard handle == nil else { return }
        Output.note("hint: set your handle with `git -C \(root) config baton.me HANDLE`")
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
