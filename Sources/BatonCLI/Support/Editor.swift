import Foundation

/// Opens a file in the user's `$VISUAL` or `$EDITOR`, as git does (through the shell, so
/// `EDITOR="code --wait"` works), and waits for it to close.
enum Editor {
    /// The editor command line, or an error telling the user to set one.
    static func command() throws -> String {
        let env = ProcessInfo.processInfo.environment
        guard let editor = [env["VISUAL"], env["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw CLIError.noEditor
        }
        return editor
    }

    static func edit(_ path: String) throws {
        let editor = try command()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$@\"", editor, path]
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw CLIError.editorFailed(editor, process.terminationStatus) }
    }
}
