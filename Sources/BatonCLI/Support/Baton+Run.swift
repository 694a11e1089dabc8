import Foundation
import JournalSync

extension Baton {
    /// Runs baton with `arguments` (without the program name). Leading `-C PATH` options work as in git:
    /// each changes the working folder before the command runs, so `baton -C ~/journal inbox` works.
    public static func run(arguments: [String]) -> Never {
        let (args, unreachable) = Self.leadingOptions(in: arguments)
        if let path = unreachable {
            FileHandle.standardError.write(Data("baton: cannot change to '\(path)': no such folder\n".utf8))
            Foundation.exit(BatonExit.usage)
        }
        if let help = rootHelp(for: args) {
            print(help)
            Foundation.exit(0)
        }
        let noJournal = [
            "-h", "--help", "help", "--version", "--generate-completion-script", "--experimental-dump-help",
        ]
        if !args.contains(where: { noJournal.contains($0) }) {
            // libgit2's start-up work overlaps with argument parsing (see JournalLibrary.startInBackground).
            JournalLibrary.startInBackground()
        }
        do {
            // The everyday lines skip ArgumentParser's reflection (QuickParse); anything else is parsed.
            var command = try QuickParse.command(for: args) ?? parseAsRoot(args)
            try command.run()
        } catch {
            // `exit` runs the process's exit handlers (OpenSSL's and libgit2's among them); they must not
            // run while libgit2's start-up is still going on another thread, which crashed usage errors.
            JournalLibrary.finishBackgroundStart()
            exit(withError: error)
        }
        JournalLibrary.finishBackgroundStart()
        Foundation.exit(0)
    }

    /// The help screen for `baton --help` and `baton -h`, rendered directly: the same text ArgumentParser prints
    /// for them, without the parse (building the argument sets of baton and of ArgumentParser's two
    /// completion-script commands, by reflection) that took more time than rendering the help; at 80
    /// columns, the text kept in `rootHelpAt80Columns`. Nil for anything else, which goes through the parser.
    /// `columns` nil: the width ArgumentParser would use (`helpColumns()`), looked up only for a help request.
    static func rootHelp(for args: [String], columns: Int? = nil) -> String? {
        guard args == ["--help"] || args == ["-h"] else { return nil }
        let width = columns ?? helpColumns()
        return width == 80 ? rootHelpAt80Columns : helpMessage(columns: width)
    }

    /// The width ArgumentParser renders help for: `COLUMNS` when it holds a number, else the terminal's
    /// width on stdout, else 80.
    static func helpColumns() -> Int {
        if let value = getenv("COLUMNS"), let columns = Int(String(cString: value)) { return columns }
        if let columns = TerminalSize.ofStdout()?.columns, columns > 0 { return columns }
        return 80
    }

    /// The leading `-C PATH` options (see `WorkingFolder.leading`) and `--no-pager`, which may come among them.
    static func leadingOptions(in arguments: [String]) -> (rest: [String], unreachable: String?) {
        var args = arguments
        while true {
            if args.first == "--no-pager" {
                Pager.disabledGlobally.withLock { $0 = true }
                args.removeFirst()
                continue
            }
            guard args.count >= 2, args.first == "-C" else { return (args, nil) }
            let (rest, unreachable) = WorkingFolder.leading(in: args)
            if unreachable != nil { return (rest, unreachable) }
            args = rest
        }
    }
}
