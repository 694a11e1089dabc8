import Foundation
import JournalModel
import Testing

@testable import JournalSync

/// How marking time away moves an ask's window: it keeps its length in the time that counted for it.
@Suite struct AwayWindowsTests {
    static let config = JournalConfig(timezone: "UTC")

    static func at(_ iso: String) -> Date { Timestamp(iso: iso)!.date }
    static func day(_ text: String) -> LocalDay { LocalDay(string: text)! }

    static func moved(_ created: String, _ respondBy: String, away: [AwayPeriod]) -> Date? {
        let before = WorkCalendar(config: config, fallbackZone: config.timeZone)
        return AwayWindows.respondBy(
            created: at(created), respondBy: at(respondBy), of: "tom", before: before,
            after: before.with(away: away, of: "tom"))
    }

    @Test func aWorkingTimeWindowSkipsTheDaysAwayAndTheWeekendAfterThem() {
        let friday = [AwayPeriod(from: Self.day("2026-11-20"), until: Self.day("2026-11-20"))]
        #expect(
            Self.moved("2026-11-19T10:00:00Z", "2026-11-20T10:00:00Z", away: friday)
                == Self.at("2026-11-23T10:00:00Z"))
    }

    @Test func aCalendarWindowSkipsTheDaysAwayOnly() {
        // Due on a Saturday: working time cannot end there, so the ask was made with --calendar.
        let friday = [AwayPeriod(from: Self.day("2026-11-20"), until: Self.day("2026-11-20"))]
        #expect(
            Self.moved("2026-11-19T10:00:00Z", "2026-11-21T10:00:00Z", away: friday)
                == Self.at("2026-11-22T10:00:00Z"))
    }

    @Test func timeAwayOutsideTheWindowMovesNothing() {
        let later = [AwayPeriod(from: Self.day("2026-11-24"), until: Self.day("2026-11-27"))]
        let earlier = [AwayPeriod(from: Self.day("2026-11-02"), until: Self.day("2026-11-06"))]
        #expect(Self.moved("2026-11-19T10:00:00Z", "2026-11-20T10:00:00Z", away: later) == nil)
        #expect(Self.moved("2026-11-19T10:00:00Z", "2026-11-20T10:00:00Z", away: earlier) == nil)
    }

    @Test func cancellingMovesTheWindowBack() {
        let friday = [AwayPeriod(from: Self.day("2026-11-20"), until: Self.day("2026-11-20"))]
        let away = WorkCalendar(config: Self.config, fallbackZone: Self.config.timeZone, away: ["tom": friday])
        let back = AwayWindows.respondBy(
            created: Self.at("2026-11-19T10:00:00Z"), respondBy: Self.at("2026-11-23T10:00:00Z"), of: "tom",
            before: away, after: away.with(away: [], of: "tom"))
        #expect(back == Self.at("2026-11-20T10:00:00Z"))
    }
}
