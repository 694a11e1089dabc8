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

    /// Types `line` and a <TAB> into an interactive `shell` (a command line such as `zsh -f -i` or `fish -i`)
    /// on a pseudo-terminal (zsh's zpty module), after `setup` when given, and returns what the shell drew
    /// once `awaited` appears (or 30 s passed), with escape sequences and carriage returns taken out.
    static func interactive(
        _ shell: String, setup: String?, line: String, awaited: String, in dir: String, sandbox: Sandbox,
        env: [String: String]
    ) throws -> (screen: String, result: CommandResult) {
        let zsh = try #require(ProcessRunner.which("zsh"), "zsh is not installed")
        let driver = #"""
            zmodload zsh/zpty || exit 3
            zpty shell ${=1}
            [[ -n $2 ]] && zpty -w shell "$2"
            zpty -w -n shell "$3"$'\t'
            out=""
            for i in {1..150}; do
                while zpty -r -t shell chunk; do out+=$chunk; done
                [[ $out == *"$4"* ]] && break
                sleep 0.2
            done
            sleep 0.5
            while zpty -r -t shell chunk; do out+=$chunk; done
            print -r -- "$out"
            zpty -d shell
            """#
        var environment = env
        environment["TERM"] = "xterm"
        let result = ProcessRunner.run(
            executable: zsh, arguments: ["-f", "-c", driver, "zsh", shell, setup ?? "", line, awaited],
            directory: dir, environment: sandbox.variables(environment), timeout: 60)
        let screen = result.stdout
            .replacingOccurrences(
                of: #"\x{1b}(\[[0-9;?]*[A-Za-z]|\][^\x{07}]*\x{07}|\([A-Z0-9])"#, with: "", options: .regularExpression
            )
            .replacingOccurrences(of: "\r", with: "")
        return (screen, result)
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
