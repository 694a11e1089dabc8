import ArgumentParser
import Foundation
import JournalModel
import JournalSync

struct Clone: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clone", abstract: "Clone the team's journal.")

    @Argument(help: "The journal's git URL (path, git://, https://, ssh://).") var url: String
    @Argument(help: "Folder to clone into (default: the URL's last part).") var path: String?
    @Option(help: "Your handle in the team (lower case, e.g. tom).") var me: String?
    @OptionGroup var folder: WorkingFolder

    func run() throws {
        try reportingErrors {
            Runtime.start()
            let handle = try me.map(Handle.init)
            let base = folder.base
            let name = path ?? Self.defaultFolder(for: url)
            let target = name.hasPrefix("/") ? name : base + "/" + name
            // A folder path is stored absolute, so sync finds it from inside the journal later.
            let url = Init.resolvedRemote(url, base: base)
            let journal = try Journal.clone(
                url: url, to: target, me: handle, options: Runtime.remoteOptions(progressLabel: "Receiving"))
            Output.line("Cloned \(RemoteDisplay.redacted(url)) into \(journal.root)")
            if handle == nil {
                Output.note("hint: set your handle with `git -C \(journal.root) config baton.me HANDLE`")
            }
        }
    }

    static func defaultFolder(for url: String) -> String {
        var last = url.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? "journal"
        if last.hasSuffix(".git") { last.removeLast(4) }
        return last.isEmpty ? "journal" : last
    }
}
