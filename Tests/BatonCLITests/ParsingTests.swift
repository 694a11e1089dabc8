import ArgumentParser
import Testing

@testable import BatonCLI

/// baton's command line, parsed without running a command.
@Suite struct ParsingTests {
    @Test func noteTakesItsWordsAndSection() {
        AssertParse(Note.self, ["note", "fixed", "the", "retry", "bug", "--blocker", "-C", "team/journal"]) { note in
            #expect(note.text == ["fixed", "the", "retry", "bug"])
            #expect(note.blocker)
            #expect(!note.yesterday)
            #expect(note.date == nil)
            #expect(note.options.folder.directory == "team/journal")
        }
    }

    @Test func noteRefusesTwoSections() {
        AssertParseFailure(
            ["note", "--yesterday", "--blocker", "x"], message: "choose one of --yesterday and --blocker")
    }

    @Test func taskAddKeepsADueDayExpressionForLater() {
        AssertParse(TaskAdd.self, ["task", "add", "Backfill", "orders", "--due", "3d", "--tag", "db", "--tag", "ops"]) {
            #expect($0.title == ["Backfill", "orders"])
            #expect($0.due == "3d")
            #expect($0.tags == ["db", "ops"])
            #expect($0.owner == nil)
        }
    }

    @Test func taskAddNeedsATitle() {
        AssertParseFailure(["task", "add", "--due", "3d"], message: "Missing expected argument")
    }

    @Test func digestTakesAPeriodAndAFormat() {
        AssertParse(Digest.self, ["digest", "--since", "monday", "--format", "json", "--stale-days", "5"]) {
            #expect($0.period.since == "monday")
            #expect($0.period.until == nil)
            #expect($0.format == .json)
            #expect($0.staleDays == 5)
        }
    }

    @Test func statsTakesAPeriodAMemberAndJSON() {
        AssertParse(Stats.self, ["stats", "--since", "2026-11-16", "--until", "friday", "--member", "tom", "--json"]) {
            #expect($0.period.since == "2026-11-16")
            #expect($0.period.until == "friday")
            #expect($0.member == "tom")
            #expect($0.json)
        }
    }

    @Test func digestTakesAWeek() {
        AssertParse(Digest.self, ["digest", "--week"]) { #expect($0.period.week && !$0.period.lastWeek) }
        AssertParse(Digest.self, ["digest", "--last-week", "--format", "markdown"]) {
            #expect($0.period.lastWeek && !$0.period.week)
            #expect($0.period.since == nil)
        }
    }

    @Test func digestRefusesAnUnknownFormat() {
        AssertParseFailure(["digest", "--format", "pdf"], message: "pdf")
    }

    @Test func anUnknownCommandIsAUsageError() {
        AssertParseFailure(["nope"], message: "nope")
    }
}
