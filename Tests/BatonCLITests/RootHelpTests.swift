import ArgumentParser
import Testing

@testable import BatonCLI

/// `baton --help` is rendered without parsing; it must stay the text ArgumentParser's parse gives.
@Suite struct RootHelpTests {
    /// The text `baton ARGS` prints when ArgumentParser parses ARGS: its help command reports the request
    /// as an error, which `exit(withError:)` prints.
    private func parsedHelp(_ args: [String]) -> String? {
        do {
            var command = try Baton.parseAsRoot(args)
            guard String(describing: type(of: command)) == "HelpCommand" else { return nil }
            try command.run()
            return nil
        } catch {
            return Baton.fullMessage(for: error)
        }
    }

    @Test(arguments: [["--help"], ["-h"]])
    func rootHelpIsWhatTheParserPrints(_ args: [String]) throws {
        let direct = try #require(Baton.rootHelp(for: args))
        #expect(direct == parsedHelp(args))
        #expect(direct.contains("USAGE: baton") && direct.contains("SUBCOMMANDS:"))
    }

    @Test(arguments: [["note", "--help"], ["--help", "note"], ["help"], ["--version"], [], ["-hx"]])
    func everythingElseIsParsed(_ args: [String]) {
        #expect(Baton.rootHelp(for: args) == nil)
    }
}
