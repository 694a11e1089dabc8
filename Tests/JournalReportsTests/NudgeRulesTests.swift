import Foundation
import JournalModel
import JournalSync
import Testing

@testable import JournalReports

/// The arithmetic of nudges: relative times, when a window is closing, urgency, and what is told once.
@Suite struct NudgeRulesTests {
    static let start = Timestamp(iso: "2026-11-24T09:00:00+00:00")!

    static func ask(within hours: Double, status: TaskStatus = .todo) -> TaskDocument {
        TaskDocument(
            id: "k7q2xm", kind: .ask, title: "keys?", status: status, owner: "tom", created: start, from: "priya",
            to: "tom", respondBy: Timestamp(date: start.date.addingTimeInterval(hours * 3600), offsetSeconds: 0))
    }

    static func hours(_ h: Double) -> Date { start.date.addingTimeInterval(h * 3600) }

    @Test func relativeTimes() {
        #expect(RelativeTime.span(59) == "0m")
        #expect(RelativeTime.span(45 * 60) == "45m")
        #expect(RelativeTime.span(3 * 3600 + 59 * 60) == "3h")
        #expect(RelativeTime.span(47 * 3600) == "47h")
        #expect(RelativeTime.span(52 * 3600) == "2d 4h")
        #expect(RelativeTime.span(72 * 3600) == "3d")
        #expect(RelativeTime.due(Self.hours(3), now: Self.start.date) == "due in 3h")
        #expect(RelativeTime.due(Self.hours(0), now: Self.hours(15)) == "overdue by 15h")
    }

    @Test func closingRuleParses() {
        #expect(ClosingRule("25%") == .quarter)
        #expect(ClosingRule("2h") == ClosingRule(share: nil, before: 7200))
        #expect(ClosingRule("0%") == nil)
        #expect(ClosingRule("150%") == nil)
        #expect(ClosingRule("soon") == nil)
    }

    @Test func aQuarterOfTheWindowLeft() {
        let ask = Self.ask(within: 24)
        #expect(!ClosingRule.quarter.isClosing(ask, now: Self.hours(17.9)))
        #expect(ClosingRule.quarter.isClosing(ask, now: Self.hours(18)))
        #expect(ClosingRule.quarter.isClosing(ask, now: Self.hours(24)))
        #expect(!ClosingRule.quarter.isClosing(ask, now: Self.hours(24.1)), "past the window it is overdue")
        #expect(!ClosingRule.quarter.isClosing(Self.ask(within: 24, status: .done), now: Self.hours(20)))
        #expect(ClosingRule("2h")!.isClosing(ask, now: Self.hours(22)))
        #expect(!ClosingRule("2h")!.isClosing(ask, now: Self.hours(21)))
    }

    @Test func urgency() {
        let ask = Self.ask(within: 4)
        #expect(AskUrgency.of(ask, now: Self.hours(1)) == .later)
        #expect(AskUrgency.of(ask, now: Self.hours(3)) == .closing)
        #expect(AskUrgency.of(ask, now: Self.hours(5)) == .overdue)
    }

    @Test func eachNudgeIsToldOnce() {
        let inbox = Inbox(tasks: [Self.ask(within: 24)], me: "tom", now: Self.hours(20))
        let nudges = Nudges.of(inbox: inbox, tasks: [Self.ask(within: 24)], now: Self.hours(20))
        #expect(
            nudges.map(\.line) == [
                "new ask from priya: keys? (k7q2xm, due in 4h)", "ask k7q2xm from priya closes in 4h: keys?",
            ])
        #expect(Nudges.untold(nudges, told: nil) == nudges)
        #expect(Nudges.untold(nudges, told: Set(nudges.map(\.key))).isEmpty)
        let asker = Inbox(tasks: [Self.ask(within: 24)], me: "priya", now: Self.hours(20))
        #expect(
            Nudges.of(inbox: asker, tasks: [Self.ask(within: 24)], now: Self.hours(20)).map(\.line) == [
                "your ask k7q2xm to tom closes in 4h with no answer yet: keys?"
            ])
    }

    @Test func teammatesBytesNeverReachTheTerminalRaw() {
        let evil = "@tom \u{1B}]0;pwned\u{07}\u{1B}[2J"
        var inbox = Inbox(tasks: [], me: "tom", now: Self.hours(1))
        let mention = Mention(
            source: .note, author: "pr\u{1B}[31miya", path: "notes/priya/2026/2026-11-24.md", task: nil,
            day: Self.start.localDay, at: nil, text: evil, key: "mention:x")
        inbox.apply(SeenState(), mentions: [mention])
        let text = inbox.text(
            me: "tom", now: Self.hours(1), zone: TimeZone(identifier: "UTC")!, style: TextStyle(color: false))
        #expect(text.contains("Mentions (1)"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(text)")
    }

    @Test func mentionsOfMeByOthers() {
        var task = Self.ask(within: 24)
        task.description = "see @tom's note"
        task.log = [
            LogEntry(at: Self.start, author: "priya", text: "created"),
            LogEntry(at: Self.start, author: "tom", text: "replied: thanks @tom"),
            LogEntry(at: Self.start, author: "priya", text: "replied: @tom ping"),
        ]
        let found = MentionFinder.find(
            me: "tom", tasks: [task], notes: [], today: Self.start.localDay, authors: AuthorClock())
        #expect(found.map(\.text).sorted() == ["replied: @tom ping", "see @tom's note"])
        #expect(Set(found.map(\.key)).count == 2)
    }
}
