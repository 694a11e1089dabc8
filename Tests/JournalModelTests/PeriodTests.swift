import Foundation
import Testing

@testable import JournalModel

private func day(_ s: String) -> LocalDay {
    guard let d = LocalDay(string: s) else { fatalError("bad test day \(s)") }
    return d
}

@Suite("Weeks: Monday to Sunday, ISO numbers")
struct ISOWeekTests {
    @Test func mondayToSundayAndNumbers() {
        let week = ISOWeek(containing: day("2026-12-01"))
        #expect(week.monday == day("2026-11-30") && week.sunday == day("2026-12-06"))
        #expect(week.description == "2026-W49")
        #expect(ISOWeek(containing: day("2026-11-29")).description == "2026-W48", "a Sunday ends its week")
        // Weeks at the turn of the year belong to the year of their Thursday.
        #expect(ISOWeek(containing: day("2026-01-01")).description == "2026-W01")
        #expect(ISOWeek(containing: day("2025-12-29")).description == "2026-W01")
        #expect(ISOWeek(containing: day("2027-01-01")).description == "2026-W53")
        #expect(ISOWeek(containing: day("2021-01-03")).description == "2020-W53")
        #expect(ISOWeek(string: "2026-W49") == week)
        #expect(ISOWeek(string: "2025-W53") == nil, "2025 has 52 weeks")
        #expect(week.previous.description == "2026-W48")
    }
}

@Suite("Periods: --since/--until, --week, --last-week and the digest's default")
struct ReadingPeriodTests {
    func resolve(
        since: String? = nil, until: String? = nil, week: Bool = false, lastWeek: Bool = false, today: String,
        teamToday: String? = nil
    ) throws -> ReadingPeriod {
        try ReadingPeriod.resolve(
            since: since, until: until, week: week, lastWeek: lastWeek, today: day(today),
            teamToday: day(teamToday ?? today), workdays: Weekday.workweek)
    }

    @Test("The default is this week so far, and last week on a Monday")
    func defaultPeriod() throws {
        let tuesday = try resolve(today: "2026-12-01")
        #expect((tuesday.first, tuesday.last) == (day("2026-11-30"), day("2026-12-01")))
        #expect(tuesday.label == "This week so far (2026-W49): Mon 30 Nov to Tue 1 Dec 2026")
        let sunday = try resolve(today: "2026-12-06")
        #expect((sunday.first, sunday.last) == (day("2026-11-30"), day("2026-12-06")))
        let monday = try resolve(today: "2026-11-30")
        #expect((monday.first, monday.last) == (day("2026-11-23"), day("2026-11-29")), "a Monday reads last week")
        #expect(monday.label == "Last week (2026-W48): Mon 23 Nov to Sun 29 Nov 2026")
    }

    @Test("The week is the team's: a reader still on Monday while the team is on Tuesday reads the team's week")
    func teamWeek() throws {
        let period = try resolve(today: "2026-11-30", teamToday: "2026-12-01")
        #expect(period.kind == .thisWeekSoFar(ISOWeek(containing: day("2026-12-01"))))
        let last = try resolve(lastWeek: true, today: "2026-12-03")
        #expect((last.first, last.last) == (day("2026-11-23"), day("2026-11-29")))
        let week = try resolve(week: true, today: "2026-11-30")
        #expect((week.first, week.last) == (day("2026-11-30"), day("2026-11-30")), "--week on a Monday: asked for")
    }

    @Test("--since 7d is exactly seven days ending with the last day")
    func sinceLength() throws {
        let p = try resolve(since: "7d", today: "2026-12-01")
        #expect((p.first, p.last) == (day("2026-11-25"), day("2026-12-01")))
        #expect(p.first.days(until: p.last) + 1 == 7)
        #expect(try resolve(since: "1w", until: "2026-11-29", today: "2026-12-01").first == day("2026-11-23"))
        #expect(try resolve(since: "1d", today: "2026-12-01").first == day("2026-12-01"))
        #expect(
            try resolve(since: "-7d", today: "2026-12-01").first == day("2026-11-24"), "a signed offset names a day")
        #expect(try resolve(since: "7d", today: "2026-12-01").label == "7 days: Wed 25 Nov to Tue 1 Dec 2026")
    }

    @Test("--since monday on a Monday is the Monday before: never a one-day period by surprise")
    func sinceWeekday() throws {
        let onMonday = try resolve(since: "monday", today: "2026-11-30")
        #expect((onMonday.first, onMonday.last) == (day("2026-11-23"), day("2026-11-30")))
        #expect(try resolve(since: "monday", today: "2026-12-02").first == day("2026-11-30"))
        #expect(try resolve(since: "today", today: "2026-11-30").first == day("2026-11-30"), "one day when asked")
        #expect(try resolve(until: "2026-11-20", today: "2026-12-01").first == day("2026-11-14"))
        #expect(throws: ModelError.self) { try resolve(since: "someday", today: "2026-12-01") }
    }
}

@Suite("An author's clock: roster zone, else the recorded offset")
struct AuthorClockTests {
    let clock = AuthorClock(zones: [
        "priya": TimeZone(identifier: "Asia/Kolkata")!, "tom": TimeZone(identifier: "Europe/Berlin")!,
    ])

    @Test("A Bangalore event after midnight belongs to the Bangalore day, whatever the recorded offset")
    func bangaloreAfterMidnight() throws {
        // 00:30 on Tuesday in Bangalore is Monday 19:00 UTC and Monday 11:00 in San Francisco.
        let stamp = try #require(Timestamp(iso: "2026-11-16T11:00:00-08:00"))
        #expect(clock.day(of: stamp, by: "priya") == day("2026-11-17"))
        #expect(clock.local(stamp, by: "priya").description == "2026-11-17T00:30:00+05:30")
        // Without a roster zone, the offset recorded with the event decides.
        #expect(clock.day(of: stamp, by: "maria") == day("2026-11-16"))
        let bullet = try #require(clock.bulletTime("00:30", day: day("2026-11-17"), author: "priya", noteOffset: nil))
        #expect(bullet.date == stamp.date)
        let byOffset = clock.bulletTime("00:30", day: day("2026-11-17"), author: "lee", noteOffset: "+05:30")
        #expect(byOffset?.description == "2026-11-17T00:30:00+05:30")
        #expect(clock.bulletTime("00:30", day: day("2026-11-17"), author: "lee", noteOffset: nil) == nil)
        #expect(clock.bulletTime("25:00", day: day("2026-11-17"), author: "priya", noteOffset: nil) == nil)
    }

    @Test("A DST change inside a note: each bullet gets the offset of its own time")
    func dstChange() throws {
        // Berlin leaves summer time at 03:00 on 2026-10-25; the note was created at +02:00.
        let early = clock.bulletTime("01:30", day: day("2026-10-25"), author: "tom", noteOffset: "+02:00")
        let late = clock.bulletTime("09:00", day: day("2026-10-25"), author: "tom", noteOffset: "+02:00")
        #expect(early?.description == "2026-10-25T01:30:00+02:00")
        #expect(late?.description == "2026-10-25T09:00:00+01:00")
        // Spring forward: 02:30 does not exist on 2026-03-29 and reads as the next valid time.
        let skipped = clock.bulletTime("02:30", day: day("2026-03-29"), author: "tom", noteOffset: "+01:00")
        #expect(skipped.map { clock.day(of: $0, by: "tom") } == day("2026-03-29"))
        #expect(skipped?.offsetSeconds == 7200)
    }

    @Test func rosterZones() throws {
        var config = JournalConfig()
        config.members = [
            Member(handle: try Handle("priya"), zone: "Asia/Kolkata"), Member(handle: try Handle("tom")),
        ]
        let fromConfig = AuthorClock(config: config)
        #expect(fromConfig.zones.keys.sorted() == ["priya"], "no zone in the roster: the recorded offset")
    }
}
