import Foundation
import Testing

@testable import JournalModel

/// Working-time arithmetic of response windows: weekends, DST, days away, workdays that differ per person.
@Suite struct ResponseWindowTests {
    static let hour: TimeInterval = 3600

    static func config(_ yaml: String = "") throws -> JournalConfig {
        try JournalConfig.parse("timezone: Europe/Berlin\n" + yaml)
    }

    static func at(_ iso: String) throws -> Date { try #require(Timestamp(iso: iso)).date }

    static func due(
        _ handle: String, _ asked: String, hours: Double, clock: ResponseWindow.Clock = .working,
        config: JournalConfig, away: [String: [AwayPeriod]] = [:], ignoringAway: Bool = false
    ) throws -> String {
        let calendar = WorkCalendar(config: config, fallbackZone: config.timeZone, away: away)
        let window = ResponseWindow(for: handle, in: calendar, clock: clock, ignoringAway: ignoringAway)
        let end = window.end(from: try at(asked), after: hours * hour)
        return Timestamp(date: end, in: calendar.zone(of: handle)).description
    }

    static func day(_ text: String) throws -> LocalDay { try #require(LocalDay(string: text)) }

    @Test func fridayEveningFallsDueMondayAtTheSameTime() throws {
        let config = try Self.config()
        #expect(
            try Self.due("tom", "2026-11-20T17:05:00+01:00", hours: 24, config: config) == "2026-11-23T17:05:00+01:00")
        #expect(
            try Self.due("tom", "2026-11-20T17:05:00+01:00", hours: 24, clock: .calendar, config: config)
                == "2026-11-21T17:05:00+01:00", "--calendar keeps wall-clock hours")
        #expect(
            try Self.due("tom", "2026-11-17T10:00:00+01:00", hours: 48, config: config) == "2026-11-19T10:00:00+01:00")
    }

    @Test func anAskMadeOnTheWeekendStartsCountingOnMonday() throws {
        let config = try Self.config()
        #expect(
            try Self.due("tom", "2026-11-21T10:00:00+01:00", hours: 8, config: config) == "2026-11-23T08:00:00+01:00")
        #expect(
            try Self.due("tom", "2026-11-22T23:00:00+01:00", hours: 36, config: config) == "2026-11-24T12:00:00+01:00")
    }

    @Test func theRecipientsZoneDecidesWhereTheWeekendIs() throws {
        // Friday 17:05 in Berlin is 21:35 in Kolkata: 2h25 of priya's Friday are left, the rest is her Monday.
        let config = try Self.config("members:\n  - handle: priya\n    zone: Asia/Kolkata\n")
        #expect(
            try Self.due("priya", "2026-11-20T17:05:00+01:00", hours: 24, config: config)
                == "2026-11-23T21:35:00+05:30")
    }

    @Test func aDSTChangeOverTheWeekendKeepsTheLocalTime() throws {
        // Berlin springs forward on Sunday 2026-03-29 and falls back on Sunday 2026-10-25.
        let config = try Self.config()
        #expect(
            try Self.due("tom", "2026-03-27T17:05:00+01:00", hours: 24, config: config) == "2026-03-30T17:05:00+02:00")
        #expect(
            try Self.due("tom", "2026-10-23T17:05:00+02:00", hours: 24, config: config) == "2026-10-26T17:05:00+01:00")
        // The stored offset is not the zone: a fixed +01:00 would put it at 18:05 local.
        #expect(try Self.due("tom", "2026-03-27T16:05:00Z", hours: 24, config: config) == "2026-03-30T17:05:00+02:00")
    }

    @Test func aWorkingDayOfTwentyThreeHoursCountsRealTime() throws {
        // Sam works every day: working time is then calendar time, across the spring-forward night too.
        let config = try Self.config("members:\n  - handle: sam\n    workdays: [mon, tue, wed, thu, fri, sat, sun]\n")
        let asked = "2026-03-28T20:00:00+01:00"
        #expect(try Self.due("sam", asked, hours: 24, config: config) == "2026-03-29T21:00:00+02:00")
        #expect(try Self.due("sam", asked, hours: 24, clock: .calendar, config: config) == "2026-03-29T21:00:00+02:00")
    }

    @Test func daysAwayDoNotCount() throws {
        let config = try Self.config()
        let away = ["tom": [AwayPeriod(from: try Self.day("2026-11-23"), until: try Self.day("2026-11-24"))]]
        let asked = "2026-11-20T17:05:00+01:00"
        #expect(try Self.due("tom", asked, hours: 24, config: config, away: away) == "2026-11-25T17:05:00+01:00")
        #expect(
            try Self.due("tom", asked, hours: 24, config: config, away: away, ignoringAway: true)
                == "2026-11-23T17:05:00+01:00", "the asker can start the window now")
        // A calendar window skips the days away, and only those.
        #expect(
            try Self.due("tom", asked, hours: 24, clock: .calendar, config: config, away: away)
                == "2026-11-21T17:05:00+01:00")
        #expect(
            try Self.due("tom", "2026-11-22T20:00:00+01:00", hours: 24, clock: .calendar, config: config, away: away)
                == "2026-11-25T20:00:00+01:00")
        // Asked while away: the window starts when they are back.
        #expect(
            try Self.due("tom", "2026-11-23T09:00:00+01:00", hours: 8, config: config, away: away)
                == "2026-11-25T08:00:00+01:00")
        // Someone else's time away changes nothing for tom.
        #expect(
            try Self.due("tom", asked, hours: 24, config: config, away: ["lee": away["tom"]!])
                == "2026-11-23T17:05:00+01:00")
    }

    @Test func aLongWeekendOfOnePersonIsAWorkingDayOfAnother() throws {
        // lena works Monday to Thursday, tom Tuesday to Saturday, priya the team's Monday to Friday.
        let config = try Self.config(
            "members:\n  - handle: lena\n    workdays: [mon, tue, wed, thu]\n"
                + "  - handle: tom\n    workdays: [tue, wed, thu, fri, sat]\n  - priya\n")
        let thursday = "2026-11-19T17:05:00+01:00"
        #expect(try Self.due("lena", thursday, hours: 24, config: config) == "2026-11-23T17:05:00+01:00")
        #expect(try Self.due("priya", thursday, hours: 24, config: config) == "2026-11-20T17:05:00+01:00")
        let friday = "2026-11-20T17:05:00+01:00"
        #expect(try Self.due("tom", friday, hours: 24, config: config) == "2026-11-21T17:05:00+01:00")
        #expect(try Self.due("tom", friday, hours: 48, config: config) == "2026-11-24T17:05:00+01:00")
        #expect(try Self.due("lena", friday, hours: 24, config: config) == "2026-11-24T00:00:00+01:00")
    }

    @Test func lengthIsTheInverseOfEnd() throws {
        let config = try Self.config("members:\n  - handle: lena\n    workdays: [mon, tue, wed, thu]\n")
        let away = ["lena": [AwayPeriod(from: try Self.day("2026-03-30"), until: try Self.day("2026-03-31"))]]
        let calendar = WorkCalendar(config: config, fallbackZone: config.timeZone, away: away)
        let window = ResponseWindow(for: "lena", in: calendar, clock: .working)
        let start = try Self.at("2026-03-26T15:30:00+01:00")
        for hours in [1.0, 8, 24, 36, 48, 100] {
            let end = window.end(from: start, after: hours * Self.hour)
            #expect(window.length(from: start, to: end) == hours * Self.hour, "\(hours) h")
        }
        #expect(window.length(from: start, to: start) == 0)
    }

    @Test func overlappingAndAdjacentPeriodsAreOneSpan() throws {
        let periods = try [
            ("2026-11-10", "2026-11-12"), ("2026-11-11", "2026-11-15"), ("2026-11-16", "2026-11-16"),
            ("2026-11-20", "2026-11-20"), ("2026-11-01", "2026-11-03"),
        ].map {
            AwayPeriod(from: try Self.day($0.0), until: try Self.day($0.1))
        }
        let days = DisjointDays(periods)
        var day = try Self.day("2026-10-30")
        while day <= (try Self.day("2026-11-22")) {
            #expect(days.contains(day) == periods.contains { $0.contains(day) }, "\(day)")
            day = day.adding(days: 1)
        }
    }

    @Test func aCalendarWithNoWorkingDayFallsBackToWallClockHours() throws {
        let window = ResponseWindow(zone: TimeZone(identifier: "UTC")!) { _ in false }
        let start = try Self.at("2026-11-20T10:00:00Z")
        #expect(window.end(from: start, after: 24 * Self.hour) == start.addingTimeInterval(24 * Self.hour))
    }
}
