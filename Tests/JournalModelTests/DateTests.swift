import Foundation
import Testing

@testable import JournalModel

private func day(_ s: String) -> LocalDay {
    guard let d = LocalDay(string: s) else { fatalError("bad test day \(s)") }
    return d
}

@Suite struct LocalDayTests {
    @Test func parsesAndPrints() {
        #expect(LocalDay(string: "2026-11-24")?.description == "2026-11-24")
        #expect(LocalDay(string: "2024-02-29") != nil)
        for bad in [
            "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "26-11-24", "2026-11-24x", "",
            "2026/11/24",
        ] {
            #expect(LocalDay(string: bad) == nil, "\(bad)")
        }
    }

    @Test func arithmeticAndWeekdays() {
        #expect(day("2026-11-24").weekday == .tue)
        #expect(day("1970-01-01").weekday == .thu)
        #expect(day("2026-12-31").adding(days: 1) == day("2027-01-01"))
        #expect(day("2024-03-01").adding(days: -1) == day("2024-02-29"))
        #expect(day("1969-12-31").adding(days: 1) == day("1970-01-01"))
        #expect(day("2026-11-24").days(until: day("2026-12-01")) == 7)
        #expect(day("2026-11-24") < day("2026-11-25"))
        #expect(day("2025-12-31") < day("2026-01-01"))
        // A long walk agrees with Foundation's calendar.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        var current = day("1999-12-25")
        for _ in 0..<1500 {
            let date = current.startDate(in: calendar.timeZone)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            #expect(parts.year == current.year && parts.month == current.month && parts.day == current.day)
            #expect(((parts.weekday ?? 0) + 5) % 7 + 1 == current.weekday.rawValue)
            current = current.adding(days: 1)
        }
    }

    @Test func localDayDependsOnTheZone() throws {
        // 2026-11-23T20:00:00Z is already the 24th in Bangalore.
        let date = Date(timeIntervalSince1970: 1_795_464_000)
        let bangalore = try #require(TimeZone(identifier: "Asia/Kolkata"))
        let sf = try #require(TimeZone(identifier: "America/Los_Angeles"))
        #expect(LocalDay(date: date, in: bangalore) == day("2026-11-24"))
        #expect(LocalDay(date: date, in: sf) == day("2026-11-23"))
        #expect(day("2026-11-24").startDate(in: bangalore) == Date(timeIntervalSince1970: 1_795_458_600))
    }

    @Test func weekdayNames() {
        #expect(Weekday(name: "monday") == .mon)
        #expect(Weekday(name: "Mon") == .mon)
        #expect(Weekday(name: "tues") == .tue)
        #expect(Weekday(name: "thurs") == .thu)
        #expect(Weekday(name: "mo") == nil)
        #expect(Weekday(name: "funday") == nil)
        #expect(throws: ModelError.badWeekday("x")) { try Weekday.parse("x") }
    }
}

@Suite struct TimestampTests {
    @Test func parsesAndRendersTheISOForm() throws {
        let t = try #require(Timestamp(iso: "2026-11-24T09:14:05+05:30"))
        #expect(t.description == "2026-11-24T09:14:05+05:30")
        #expect(t.offsetSeconds == 19_800)
        #expect(t.localDay == LocalDay(string: "2026-11-24"))
        #expect(t.localTimeHHMM == "09:14")
        #expect(t.date == Date(timeIntervalSince1970: 1_795_491_845))
        let z = try #require(Timestamp(iso: "2026-11-24T03:44:05Z"))
        #expect(z.description == "2026-11-24T03:44:05+00:00")
        #expect(z.date == t.date)
        #expect(z != t)  // same instant, different offset
        #expect(!(z < t) && !(t < z))
        #expect(Timestamp(iso: "2026-11-24T09:14:05.123-08:00")?.description == "2026-11-24T09:14:05-08:00")
        #expect(Timestamp(iso: "2026-11-24 09:14:05 +0530")?.description == nil)  // space before offset
        #expect(Timestamp(iso: "2026-11-24 09:14:05+0530")?.description == "2026-11-24T09:14:05+05:30")
        for bad in [
            "", "2026-11-24", "2026-11-24T09:14:05", "2026-11-24T25:14:05Z", "2026-02-30T09:14:05Z",
            "2026-11-24T09:14:05+5:30",
        ] {
            #expect(Timestamp(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func localDayCrossesMidnight() throws {
        let late = try #require(Timestamp(iso: "2026-11-24T23:30:00-08:00"))
        #expect(late.localDay == LocalDay(string: "2026-11-24"))
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        #expect(late.rendered(in: berlin) == "2026-11-25 08:30 +01:00")
        #expect(late.converted(to: berlin).description == "2026-11-25T08:30:00+01:00")
    }

    @Test func truncatesToSecondsAndOrdersByInstant() throws {
        let a = Timestamp(date: Date(timeIntervalSince1970: 100.9), offsetSeconds: 3600)
        #expect(a.date == Date(timeIntervalSince1970: 100))
        let b = Timestamp(date: Date(timeIntervalSince1970: 101), offsetSeconds: -3600)
        #expect(a < b)
        let now = Timestamp.now(in: try #require(TimeZone(identifier: "Asia/Kolkata")))
        #expect(now.offsetSeconds == 19_800)
        #expect(Timestamp(iso: now.description) == now)
    }

    @Test func offsets() {
        #expect(Timestamp.offsetString(seconds: 19_800) == "+05:30")
        #expect(Timestamp.offsetString(seconds: -28_800) == "-08:00")
        #expect(Timestamp.offsetString(seconds: 0) == "+00:00")
        #expect(Timestamp.parseOffset("-03:30") == -12_600)
        #expect(Timestamp.parseOffset("Z") == 0)
        #expect(Timestamp.parseOffset("+2") == nil)
    }
}

@Suite struct DateExpressionTests {
    let monday = day("2026-11-23")
    let wednesday = day("2026-11-25")

    private func parse(_ s: String, _ today: LocalDay, _ direction: DateExpression.Direction = .past) throws -> String {
        try DateExpression.parseDay(s, today: today, direction: direction, workdays: Weekday.workweek).description
    }

    @Test func wordsAndWorkdays() throws {
        #expect(try parse("today", wednesday) == "2026-11-25")
        #expect(try parse("Yesterday", wednesday) == "2026-11-24")
        #expect(try parse("yesterday", monday) == "2026-11-20")  // Friday
        #expect(try parse("tomorrow", wednesday) == "2026-11-26")
        let sundayOnly = try DateExpression.parseDay("yesterday", today: wednesday, direction: .past, workdays: [.sun])
        #expect(sundayOnly == day("2026-11-22"))
        let everyDay = try DateExpression.parseDay("yesterday", today: monday, direction: .past, workdays: [])
        #expect(everyDay == day("2026-11-22"))
    }

    @Test func weekdayNamesPointByDirection() throws {
        #expect(try parse("monday", wednesday, .past) == "2026-11-23")
        #expect(try parse("wed", wednesday, .past) == "2026-11-25")
        #expect(try parse("thu", wednesday, .past) == "2026-11-19")
        #expect(try parse("mon", wednesday, .future) == "2026-11-30")
        #expect(try parse("wednesday", wednesday, .future) == "2026-11-25")
        #expect(try parse("fri", wednesday, .future) == "2026-11-27")
    }

    @Test func datesAndOffsets() throws {
        #expect(try parse("2026-11-01", wednesday) == "2026-11-01")
        #expect(try parse("3d", wednesday, .past) == "2026-11-22")
        #expect(try parse("3d", wednesday, .future) == "2026-11-28")
        #expect(try parse("2w", wednesday, .past) == "2026-11-11")
        #expect(try parse("+3d", wednesday, .past) == "2026-11-28")
        #expect(try parse("-1w", wednesday, .future) == "2026-11-18")
        for bad in ["2026-02-30", "someday", "3x", "d", "+d", "", "3 d"] {
            #expect(throws: ModelError.badDate(bad)) { try parse(bad, wednesday) }
        }
    }

    @Test func durations() throws {
        #expect(try DateExpression.parseDuration("24h") == 86_400)
        #expect(try DateExpression.parseDuration("36h") == 129_600)
        #expect(try DateExpression.parseDuration("2d") == 172_800)
        #expect(try DateExpression.parseDuration("90m") == 5_400)
        #expect(try DateExpression.parseDuration("1w") == 604_800)
        #expect(try DateExpression.parseDuration("1d12h") == 129_600)
        for bad in ["", "24", "h", "0h", "2x", "-1h", "1.5h"] {
            #expect(throws: ModelError.badDuration(bad)) { try DateExpression.parseDuration(bad) }
        }
    }
}
