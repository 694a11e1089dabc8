import ArgumentParser
import Testing

@testable import BatonCLI

/// `search` and the everyday edits, parsed without running a command.
@Suite struct SearchAndEditsParsingTests {
    @Test func searchTakesWordsAndFilters() {
        AssertParse(
            Search.self,
            [
                "search", "retry", "runbook", "--member", "tom", "--since", "30d", "--tag", "ops", "--in", "tasks",
                "--json",
            ]
        ) {
            #expect($0.words == ["retry", "runbook"])
            #expect($0.member == "tom" && $0.since == "30d" && $0.until == nil && $0.tag == "ops")
            #expect($0.scope == .tasks && $0.json)
        }
    }

    @Test func searchNeedsWords() {
        AssertParseFailure(["search", "--in", "notes"], message: "give the words to find")
    }

    @Test func noteUndoTakesNoText() {
        AssertParse(Note.self, ["note", "--undo", "--date", "yesterday"]) { #expect($0.undo && $0.date == "yesterday") }
        AssertParseFailure(["note", "--undo", "more", "text"], message: "--undo takes no text")
    }

    @Test func taskDueAndUnblockAndListKind() {
        AssertParse(TaskDue.self, ["task", "due", "k7q", "none"]) { #expect($0.target.id == "k7q" && $0.day == "none") }
        AssertParse(TaskUnblock.self, ["task", "unblock", "k7q", "--note", "keys came"]) {
            #expect($0.target.id == "k7q" && $0.note == "keys came")
        }
        AssertParse(TaskList.self, ["task", "list", "--kind", "ask"]) { #expect($0.kind == .ask) }
        AssertParse(TaskList.self, ["task", "list"]) { #expect($0.kind == .all) }
    }
}
