import Foundation
import Testing

@testable import JournalModel

@Suite struct AwayFileTests {
    static func day(_ text: String) throws -> LocalDay { try #require(LocalDay(string: text)) }

    @Test func periodsRoundTripAndOtherLinesAreIgnored() throws {
        let text = """
            # Time away: tom

            Back in January.

            - 2026-12-21..2027-01-04 winter break
            - 2026-12-01
            * 2026-11-30..2026-11-30 dentist, then home
            - next week maybe
            - 2026-13-01..2026-13-02
            """
        let file = AwayFile(parsing: text)
        #expect(
            file.periods == [
                AwayPeriod(
                    from: try Self.day("2026-11-30"), until: try Self.day("2026-11-30"), note: "dentist, then home"),
                AwayPeriod(from: try Self.day("2026-12-01"), until: try Self.day("2026-12-01")),
                AwayPeriod(from: try Self.day("2026-12-21"), until: try Self.day("2027-01-04"), note: "winter break"),
            ])
        #expect(file.badLines == [8, 9])
        #expect(AwayFile(parsing: file.render(handle: "tom")).periods == file.periods)
    }

    @Test func editingKeepsEveryOtherLine() throws {
        let text = "# Time away: tom\n\nnotes by hand\n\n- 2026-12-21..2027-01-04 winter\n- 2026-12-01\n"
        let winter = AwayPeriod(from: try Self.day("2026-12-21"), until: try Self.day("2027-01-04"), note: "winter")
        let added = AwayPeriod(from: try Self.day("2027-02-02"), until: try Self.day("2027-02-03"), note: "offsite")
        let edited = AwayFile.editing(text, handle: "tom", removing: [winter], adding: added)
        #expect(edited == "# Time away: tom\n\nnotes by hand\n\n- 2026-12-01\n- 2027-02-02..2027-02-03 offsite\n")
        let fresh = AwayFile.editing(nil, handle: "tom", removing: [], adding: added)
        #expect(fresh.hasPrefix("# Time away: tom\n\n") && fresh.hasSuffix("\n\n- 2027-02-02..2027-02-03 offsite\n"))
        #expect(AwayFile(parsing: fresh).periods == [added])
    }

    @Test func aPeriodIsOrderedAndItsNoteIsOneLine() throws {
        let period = AwayPeriod(from: try Self.day("2026-12-04"), until: try Self.day("2026-12-01"), note: " a\nb ")
        #expect(period.span == "2026-12-01..2026-12-04" && period.note == "a b")
        let (last, after) = (try Self.day("2026-12-04"), try Self.day("2026-12-05"))
        #expect(period.contains(last) && !period.contains(after))
        #expect(AwayPeriod(from: period.until, until: period.until).overlaps(period))
    }

    @Test func theCommitMessageReadsBack() throws {
        let from = try Self.day("2026-12-21")
        let until = try Self.day("2027-01-04")
        for cancelled in [false, true] {
            let message = CommitMessage.awayChanged(by: "tom", from: from, until: until, cancelled: cancelled)
            #expect(CommitMessage(parsing: message.text) == message)
            #expect(message.author == "tom")
        }
        #expect(
            CommitMessage.awayChanged(by: "tom", from: from, until: until, cancelled: false).text
                == "away: tom 2026-12-21..2027-01-04")
        #expect(JournalLayout.awayHandle(of: "away/tom.md") == "tom")
        #expect(
            JournalLayout.awayHandle(of: "away/../x.md") == nil && JournalLayout.awayHandle(of: "away/a/b.md") == nil)
    }
}
