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
            let target = folder.absolute(path ?? Self.defaultFolder(for: url))
            // A folder path is stored absolute, so sync finds it from inside the journal later.
            let url = Init.resolvedRemote(url, base: folder.base)
            let journal = try Journal.clone(
                url: url, to: target, me: handle, options: Runtime.remoteOptions(progressLabel: "Receiving"))
            Output.line("Cloned \(RemoteDisplay.redacted(url)) into \(journal.root)")
            Init.hintWithoutHandle(handle, root: journal.root)
        }
    }

    static func defaultFolder(for url: String) -> String {
        var last = url.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? "journal"
        if last.hasSuffix(".git") { last.removeLast(4) }
        return last.isEmpty ? "journal" : last
    }
}
