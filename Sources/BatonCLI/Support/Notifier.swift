import Foundation

/// Desktop notifications for `--notify`: each nudge goes to `$BATON_NOTIFY` (a command line run through
/// `/bin/sh`, as git runs configured programs, with the title and the text as its two arguments) or else
/// to `notify-send` found on `PATH`. A missing program is one warning, never a failure; a program that
/// fails or hangs (killed after 5 s) is passed over.
struct Notifier {
    /// The program and its first arguments; nil when there is nothing to run.
    let command: [String]?

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let configured = environment["BATON_NOTIFY"], !configured.trimmingCharacters(in: .whitespaces).isEmpty {
            command = ["/bin/sh", "-c", configured + " \"$@\"", configured]
        } else if let found = Self.find("notify-send", path: environment["PATH"] ?? "/usr/bin:/bin") {
            command = [found, "--app-name=baton"]
        } else {
            command = nil
        }
    }

    /// The line to warn with when no program can be run.
    static let missing = "baton: warning: --notify: no notify-send on PATH and no BATON_NOTIFY; printing only"

    /// Shows `text` as a notification titled `baton`; returns at once if nothing can be run.
    func notify(_ text: String) {
        guard let command, let program = command.first else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(command.dropFirst()) + ["baton", text]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The first executable `name` in the folders of `path`.
    static func find(_ name: String, path: String) -> String? {
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
