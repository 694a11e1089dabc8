import Foundation
import JournalModel
import Testing

@testable import JournalSync

/// The roster readers share: `members:` when present, else the recent writers; which handles it refuses.
@Suite struct RosterCheckTests {
    static func roster(_ handles: [String], configured: Bool) throws -> Roster {
        Roster(members: try handles.map { Member(handle: try Handle($0)) }, isConfigured: configured)
    }

    @Test func suggestionsAreTheClosestHandleWithinAFewEdits() throws {
        let roster = try Self.roster(["priya", "tom", "maria"], configured: true)
        #expect(roster.suggestion(for: "tomm") == "tom")
        #expect(roster.suggestion(for: "piyra") == "priya")
        #expect(roster.suggestion(for: "mari") == "maria")
        #expect(roster.suggestion(for: "lee") == nil)
        #expect(Roster.distance("priya", "pryia") == 1)
    }

    @Test func bothRostersRefuseEveryStrangerAndOnlyAnEmptyOneLetsAnyoneIn() throws {
        let configured = try Self.roster(["priya", "tom"], configured: true)
        #expect(throws: RosterError.unknownMember(handle: "tomm", suggestion: "tom", canForce: true)) {
            try configured.check("tomm")
        }
        #expect(throws: RosterError.self) { try configured.check("lee") }
        try configured.check("tom")
        let writers = try Self.roster(["priya", "tom"], configured: false)
        #expect(throws: RosterError.unknownMember(handle: "tomm", suggestion: "tom", canForce: true)) {
            try writers.check("tomm")
        }
        #expect(throws: RosterError.unknownMember(handle: "lee", suggestion: nil, canForce: true)) {
            try writers.check("lee")
        }
        try writers.check("priya")
        try Self.roster([], configured: false).check("anyone")
    }

    @Test func theRecentWritersAreNoteAndLogAuthorsOfTheLast30Days() throws {
        let today = try #require(LocalDay(string: "2026-11-24"))
        let old = try #require(Timestamp(iso: "2026-10-20T09:00:00+00:00"))
        let recent = try #require(Timestamp(iso: "2026-10-26T09:00:00+00:00"))
        let log = [
            LogEntry(at: old, author: "ann", text: "created"), LogEntry(at: recent, author: "lee", text: "done"),
        ]
        let task = TaskDocument(id: "k7q2xm", title: "t", owner: "sam", created: old, log: log)
        let roster = Roster.effective(
            config: JournalConfig(), today: today, noteAuthors: ["priya", "tom"],
            hasNote: { author, day in author == "tom" && day == today.adding(days: -3) }, tasks: [task])
        #expect(roster.handles == ["lee", "tom"])
        #expect(!roster.isConfigured)
    }
}
