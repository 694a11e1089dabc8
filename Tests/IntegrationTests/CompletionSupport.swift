import Foundation
import TestSupport
import Testing

/// Drives baton's generated completion scripts through the real shells, as a <TAB> would.
enum ShellCompletion {
    /// The words bash offers for the command line `words` (the last one is the word being completed, ""
    /// for a <TAB> after a space): sources `script` (or, when nil, lets bash-completion's loader find
    /// baton's script through `XDG_DATA_DIRS`), sets `COMP_WORDS`/`COMP_LINE` as bash does and calls the
    /// completion function. `words[0]` is the program the script runs for its candidates.
    static func bash(
        _ words: [String], script: String?, in dir: String, sandbox: Sandbox, env: [String: String] = [:]
    ) throws -> (candidates: [String], result: CommandResult) {
        let bash = try #require(ProcessRunner.which("bash"), "bash is not installed")
        let load =
            script == nil
            ? """
            source /usr/share/bash-completion/bash_completion
            __load_completion baton || { echo "bash-completion found no script for baton" >&2; exit 3; }
            """
            : "source \"$1\""
        let driver = """
            \(load)
            shift
            COMP_WORDS=("$@")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="${COMP_WORDS[*]}"
            COMP_POINT=${#COMP_LINE}
            function=$(complete -p baton | sed -n 's/.* -F \\([^ ]*\\) .*/\\1/p')
            "$function" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = ProcessRunner.run(
            executable: bash, arguments: ["--norc", "--noprofile", "-c", driver, "bash", script ?? "-"] + words,
            directory: dir, environment: sandbox.variables(env), timeout: 60)
        let candidates = result.stdout.split(separator: "\n").map(String.init)
        return (candidates, result)
    }

    /// What `baton ---completion` prints for `words` when `shell` asks (the call its script makes for
    /// a positional argument at `position` of `command`).
    static func candidates(
        _ baton: String, command: [String], position: Int, words: [String], shell: String, in dir: String,
        sandbox: Sandbox, env: [String: String] = [:]
    ) -> CommandResult {
        var environment = env
        environment["SAP_SHELL"] = shell
        let call = ["---completion"] + command + ["--", "positional@\(position)", "\(words.count - 1)", "0"] + words
        return sandbox.baton(baton, call, in: dir, env: environment)
    }
}
