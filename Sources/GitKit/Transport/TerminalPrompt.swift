import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Asks the person at the keyboard, as git does: through `GIT_ASKPASS`, `core.askPass` or `SSH_ASKPASS`
/// when one is set, else on the terminal (`/dev/tty`, so it works with stdin and stdout redirected),
/// passwords without echo. `GIT_TERMINAL_PROMPT=0` turns the terminal off (an askpass program still runs).
struct TerminalPrompt {
    let askpass: String?
    let terminalAllowed: Bool

    init(config: GitConfigSnapshot?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        askpass =
            nonEmpty(environment["GIT_ASKPASS"]) ?? nonEmpty(config?.string("core.askpass"))
            ?? nonEmpty(environment["SSH_ASKPASS"])
        terminalAllowed = environment["GIT_TERMINAL_PROMPT"].flatMap(GitBool.parse) ?? true
    }

    /// Whether asking can work at all: an askpass program, or an allowed terminal this process can open.
    var isAvailable: Bool {
        if askpass != nil { return true }
        guard terminalAllowed else { return false }
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        if fd < 0 { return false }
        close(fd)
        return true
    }

    /// The answer to `prompt`, or nil when nobody could be asked (or the input ended).
    func ask(_ prompt: String, secret: Bool) -> String? {
        if let askpass { return askThroughProgram(askpass, prompt) }
        guard terminalAllowed else { return nil }
        return askOnTerminal(prompt, secret: secret)
    }

    private func askThroughProgram(_ program: String, _ prompt: String) -> String? {
        // The program and the prompt reach the shell as variables: neither is parsed by it.
        guard
            let result = ShellCommand.run(
                "exec \"$BATON_ASKPASS\" \"$1\"", arguments: [prompt], environment: ["BATON_ASKPASS": program]),
            result.status == 0
        else { return nil }
        var text = String(decoding: result.output, as: UTF8.self)
        if let newline = text.firstIndex(where: { $0 == "\n" || $0 == "\r" }) { text = String(text[..<newline]) }
        return text
    }

    private func askOnTerminal(_ prompt: String, secret: Bool) -> String? {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var saved = termios()
        let canHide = tcgetattr(fd, &saved) == 0
        if secret && canHide {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            tcsetattr(fd, TCSAFLUSH, &quiet)
        }
        defer { if secret && canHide { tcsetattr(fd, TCSAFLUSH, &saved) } }
        let bytes = Array(prompt.utf8)
        try? bytes.withUnsafeBytes { raw in
            try FileDescriptorIO.writeAll(fd, raw, path: "/dev/tty")
        }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count =
                (try? withUnsafeMutableBytes(of: &byte) { raw in
                    try FileDescriptorIO.readSome(fd, into: raw, path: "/dev/tty")
                }) ?? -1
            if count <= 0 { return line.isEmpty ? nil : String(decoding: line, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") { break }
            if byte != UInt8(ascii: "\r") { line.append(byte) }
            if line.count > 4096 { break }
        }
        return String(decoding: line, as: UTF8.self)
    }
}
