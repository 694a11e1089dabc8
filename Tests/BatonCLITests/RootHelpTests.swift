import ArgumentParser
import Foundation
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

    /// The kept 80-column text is what ArgumentParser renders from the command definitions today. With
    /// BATON_UPDATE_ROOT_HELP=1 the test writes RootHelpText.swift again instead.
    @Test func keptTextIsTheRenderedHelp() throws {
        let rendered = Baton.helpMessage(columns: 80)
        if ProcessInfo.processInfo.environment["BATON_UPDATE_ROOT_HELP"] == "1" {
            try Self.writeKeptText(rendered)
            return
        }
        #expect(
            Baton.rootHelpAt80Columns == rendered,
            "the command definitions changed: run BATON_UPDATE_ROOT_HELP=1 swift test --filter RootHelpTests")
    }

    @Test(arguments: [80, 60, 120])
    func everyWidthIsTheRenderedHelp(_ columns: Int) throws {
        let direct = try #require(Baton.rootHelp(for: ["--help"], columns: columns))
        #expect(direct == Baton.helpMessage(columns: columns))
    }

    @Test(arguments: [["note", "--help"], ["--help", "note"], ["help"], ["--version"], [], ["-hx"]])
    func everythingElseIsParsed(_ args: [String]) {
        #expect(Baton.rootHelp(for: args) == nil)
    }

    /// Writes Sources/BatonCLI/Support/RootHelpText.swift with `text` as the kept help.
    private static func writeKeptText(_ text: String) throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/BatonCLI/Support/RootHelpText.swift")
        let source = try String(contentsOf: file, encoding: .utf8)
        guard let start = source.range(of: "#\"\"\"\n"), let end = source.range(of: "        \"\"\"#")
        else { throw CocoaError(.fileReadCorruptFile) }
        let body = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "        " + $0 }.joined(separator: "\n")
        let updated = source[..<start.upperBound] + body + "\n" + source[end.lowerBound...]
        try updated.write(to: file, atomically: true, encoding: .utf8)
    }
}
