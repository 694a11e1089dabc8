import ArgumentParser
import Basics
import Foundation

/// Long text output of the reading commands through the user's pager, as git does: only when stdout is
/// a terminal and the text is longer than it, with `$BATON_PAGER`, else `$GIT_PAGER`, else `$PAGER`, else
/// `less -FRX` (`LESS=FRX` is set when unset). An empty value or `cat` turns paging off, as does
/// `--no-pager` (before the command, or after a reading command).
enum Pager {
    /// Set by a leading `--no-pager` (see `Baton.run`).
    static let disabledGlobally = Locked(false)

    /// The pager command to run for a terminal, or nil when paging is off.
    static func command(environment: [String: String]) -> String? {
        let chosen = ["BATON_PAGER", "GIT_PAGER", "PAGER"].lazy.compactMap { environment[$0] }.first ?? "less -FRX"
        let trimmed = chosen.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "cat" ? nil : trimmed
    }

    /// Prints `text` (and a newline) through the pager when it applies, else straight to stdout.
    static func show(_ text: String, enabled: Bool = true) {
        let env = ProcessInfo.processInfo.environment
        guard enabled, !disabledGlobally.current, isatty(STDOUT_FILENO) == 1, let command = command(environment: env),
            !fitsScreen(text)
        else {
            Output.line(text)
            return
        }
        if !run(command, text: text + "\n", environment: env) { Output.line(text) }
    }

    /// True when the terminal's height is known and `text` fits in it.
    private static func fitsScreen(_ text: String) -> Bool {
        guard let rows = TerminalSize.ofStdout()?.rows, rows > 0 else { return false }
        return text.reduce(into: 1) { count, ch in if ch == "\n" { count += 1 } } < rows
    }

    /// Runs `command` through `/bin/sh -c` with `text` on its stdin and waits for it; false when it
    /// could not be started (the text is then printed directly).
    private static func run(_ command: String, text: String, environment: [String: String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var env = environment
        if env["LESS"] == nil { env["LESS"] = "FRX" }
        if env["LV"] == nil { env["LV"] = "-c" }
        process.environment = env
        let pipe = Pipe()
        process.standardInput = pipe
        // A pager quit early (q in less) closes the pipe: the rest of the text is dropped, not an error.
        signal(SIGPIPE, SIG_IGN)
        do {
            try process.run()
        } catch {
            return false
        }
        let bytes = Array(text.utf8)
        let fd = pipe.fileHandleForWriting.fileDescriptor
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                break
            }
            offset += written
        }
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        return true
    }
}

/// `--no-pager` on a reading command.
struct PagerOption: ParsableArguments {
    @Flag(name: .customLong("no-pager"), help: "Print straight to stdout, not through $PAGER.") var noPager = false

    /// Prints a reading command's text output, through the pager when it applies.
    func show(_ text: String) { Pager.show(text, enabled: !noPager) }
}
