import ArgumentParser
import Testing

@testable import BatonCLI

/// The lines completion scripts read, and the journal folder a command line names, without a journal.
@Suite("Completion lines and -C folders")
struct CompletionFormatTests {
    @Test("zsh gets value:description with colons in the value escaped, fish value<TAB>description, bash the value")
    func shellFormats() {
        let task = CompletionCandidate(value: "k7q2xm", description: "Fix: the retry (todo)")
        #expect(task.formatted(for: .zsh) == "k7q2xm:Fix: the retry (todo)")
        #expect(task.formatted(for: .fish) == "k7q2xm\tFix: the retry (todo)")
        #expect(task.formatted(for: .bash) == "k7q2xm")
        #expect(task.formatted(for: nil) == "k7q2xm")
        #expect(CompletionCandidate(value: "a:b", description: "x").formatted(for: .zsh) == "a\\:b:x")
        #expect(CompletionCandidate(value: "tom", description: nil).formatted(for: .zsh) == "tom")
        #expect(CompletionCandidate(value: "tom", description: "").formatted(for: .fish) == "tom")
    }

    @Test("a description is one visible line, cut at the limit")
    func safeDescriptions() {
        let hostile = CompletionCandidate(value: "k7q2xm", description: "a\u{1b}[2Jb\nc\td")
        #expect(hostile.formatted(for: .fish) == "k7q2xm\ta\\u{1b}[2Jb c d")
        let long = CompletionCandidate(value: "k", description: String(repeating: "x", count: 100))
        let line = long.formatted(for: .zsh)
        #expect(line == "k:" + String(repeating: "x", count: CompletionCandidate.descriptionLimit - 1) + "…")
    }

    @Test("-C options before the word being completed name the folder, each relative to the one before")
    func folderOptions() {
        #expect(JournalCompletion.folder(in: ["baton", "task", "show", ""], before: 3) == nil)
        #expect(JournalCompletion.folder(in: ["baton", "-C", "/j", "task", "show", ""], before: 5) == "/j")
        #expect(JournalCompletion.folder(in: ["baton", "-C", "/a", "-C", "b", "show", ""], before: 6) == "/a/b")
        // A -C after the word being completed, or one still being typed, does not count.
        #expect(JournalCompletion.folder(in: ["baton", "task", "show", "", "-C", "/j"], before: 3) == nil)
        #expect(JournalCompletion.folder(in: ["baton", "-C", "/j"], before: 2) == nil)
    }
}
