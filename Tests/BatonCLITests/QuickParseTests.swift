import ArgumentParser
import Testing

@testable import BatonCLI

/// `QuickParse` against ArgumentParser: every line it takes must give the command ArgumentParser gives,
/// with every field (property wrappers and all) equal, and every line it leaves must be ArgumentParser's.
@Suite struct QuickParseTests {
    /// The whole command value as text: `dump` walks every stored property, the property wrappers' parsed
    /// values among them, so a field QuickParse forgot to set (still a definition) differs.
    private func dumped(_ command: ParsableCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }

    private func expectSameAsArgumentParser(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let quick = try #require(
            QuickParse.command(for: args), "QuickParse left \(args)", sourceLocation: sourceLocation)
        let parsed = try Baton.parseAsRoot(args)
        #expect(type(of: quick) == type(of: parsed), "\(args)", sourceLocation: sourceLocation)
        #expect(dumped(quick) == dumped(parsed), "\(args)", sourceLocation: sourceLocation)
    }

    @Test func takenLinesAreArgumentParsersCommands() throws {
        let taken: [[String]] = [
            ["status"],
            ["note", "bench bullet"],
            ["note", "fixed", "the", "retry", "loop"],
            ["note", "ask @ana about 2026-11-24"],
            ["note", "ünïcödé ✓", "x=1", "a--b"],
            ["task", "done", "t7nqja"],
            ["task", "done", "t7"],
            ["digest"],
            ["digest", "--since", "7d"],
            ["digest", "--since", "monday"],
            ["digest", "--since", "2026-11-24"],
            ["search", "retry", "bug"],
            ["search", "--no-pager", "retry", "bug"],
            ["search", "retry", "--no-pager"],
            ["search", "runbook"],
            ["history", "t7nqja"],
        ]
        for args in taken { try expectSameAsArgumentParser(args) }
    }

    @Test func otherLinesAreLeftToArgumentParser() {
        let left: [[String]] = [
            [],
            ["status", "--tz", "UTC"],
            ["status", "-C", "/tmp"],
            ["status", "extra"],
            ["note"],
            ["note", "--yesterday", "x"],
            ["note", "x", "--blocker"],
            ["note", "-x"],
            ["note", "--", "text"],
            ["note", ""],
            ["note", "help"],
            ["note", "x", "--attach", "f.png"],
            ["note", "--undo"],
            ["task", "done"],
            ["task", "done", "a", "b"],
            ["task", "done", "--note", "x", "a"],
            ["task", "start", "a"],
            ["task", "done", "-h"],
            ["digest", "--since"],
            ["digest", "--since=7d"],
            ["digest", "--week"],
            ["digest", "--since", "7d", "--format", "json"],
            ["digest", "--since", "-3d"],
            ["search"],
            ["search", "--no-pager"],
            ["search", "--no-pager", "--no-pager", "x"],
            ["search", "x", "--json"],
            ["search", "--in", "notes", "x"],
            ["history"],
            ["history", "a", "b"],
            ["history", "a", "--json"],
            ["--help"],
            ["help", "note"],
            ["inbox"],
            ["sync"],
        ]
        for args in left { #expect(QuickParse.command(for: args) == nil, "\(args)") }
    }

    /// Words that hold nothing to find (only spaces): `search`'s `validate()` refuses them, and the usage error
    /// is ArgumentParser's to give.
    @Test func linesThatDoNotValidateAreLeftToArgumentParser() {
        #expect(QuickParse.command(for: ["search", "   "]) == nil)
        #expect(throws: (any Error).self) { try Baton.parseAsRoot(["search", "   "]) }
    }
}
