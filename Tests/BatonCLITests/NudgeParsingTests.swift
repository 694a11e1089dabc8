import ArgumentParser
import Testing

@testable import BatonCLI

/// The command lines of nudges and seen state: `remind`, `inbox --seen`, `standup --new`, `sync --watch --notify`.
@Suite struct NudgeParsingTests {
    @Test func remindTakesSoonNotifyAndLimit() {
        AssertParse(Remind.self, ["remind"]) {
            #expect($0.soon == "25%" && !$0.notify && $0.limit == 10)
        }
        AssertParse(Remind.self, ["remind", "--soon", "2h", "--notify", "--limit", "3"]) {
            #expect($0.soon == "2h" && $0.notify && $0.limit == 3)
        }
        AssertParseFailure(["remind", "--soon", "soonish"], message: "bad --soon 'soonish'")
        AssertParseFailure(["remind", "--limit", "0"], message: "--limit must be at least 1")
    }

    @Test func inboxSeenAndStandupNew() {
        AssertParse(Inbox.self, ["inbox", "--seen"]) { #expect($0.seen) }
        AssertParse(Standup.self, ["standup", "--new", "--json"]) { #expect($0.new && $0.json) }
        AssertParseFailure(["standup", "--new", "--date", "monday"], message: "--new does not mix")
    }

    @Test func notifyGoesWithWatch() {
        AssertParse(Sync.self, ["sync", "--watch", "--notify", "--soon", "50%"]) {
            #expect($0.watch && $0.notify && $0.soon == "50%")
        }
        AssertParseFailure(["sync", "--notify"], message: "--notify goes with --watch")
        AssertParseFailure(["sync", "--watch", "--soon", "x"], message: "bad --soon 'x'")
    }
}
