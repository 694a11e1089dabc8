import ArgumentParser
import Testing

@testable import BatonCLI

// Parsing checks in the style of swift-argument-parser's `AssertParse` and `AssertParseCommand`: the
// arguments go through `Baton.parseAsRoot`, as `baton` parses them (subcommands, options, `validate()`),
// and nothing runs: no journal, no files, no network.

/// Parses `arguments` as baton's command line, expects the subcommand `command`, and hands it to `check`.
// swift-format-ignore: AlwaysUseLowerCamelCase
// Named after swift-argument-parser's own test helpers.
func AssertParse<Command: ParsableCommand>(
    _ command: Command.Type, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation,
    _ check: (Command) throws -> Void = { _ in }
) rethrows {
    let parsed: ParsableCommand
    do {
        parsed = try Baton.parseAsRoot(arguments)
    } catch {
        Issue.record(
            "\(arguments) did not parse: \(Baton.message(for: error))", sourceLocation: sourceLocation)
        return
    }
    guard let typed = parsed as? Command else {
        Issue.record("\(arguments) parsed as \(type(of: parsed)), not \(Command.self)", sourceLocation: sourceLocation)
        return
    }
    try check(typed)
}

/// Expects `arguments` to be refused as baton's command line would be: with a message containing `message`
/// and the usage exit code (64) unless `exitCode` says otherwise.
// swift-format-ignore: AlwaysUseLowerCamelCase
func AssertParseFailure(
    _ arguments: [String], message: String, exitCode: ExitCode = .validationFailure,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        let parsed = try Baton.parseAsRoot(arguments)
        Issue.record(
            "\(arguments) parsed as \(type(of: parsed)), expected a usage error", sourceLocation: sourceLocation)
    } catch {
        let shown = Baton.message(for: error)
        #expect(shown.contains(message), "message: \(shown)", sourceLocation: sourceLocation)
        #expect(Baton.exitCode(for: error) == exitCode, "message: \(shown)", sourceLocation: sourceLocation)
    }
}
