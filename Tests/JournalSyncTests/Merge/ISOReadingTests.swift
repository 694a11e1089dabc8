import Foundation
import JournalModel
import Testing

@testable import JournalSync

/// `Timestamp(iso:)` and the merge's `ISOInstant` read through the one `ISODateTime`, each keeping
/// the rules it always had.
@Suite("One ISO 8601 reader")
struct ISOReadingTests {
    typealias Instant = JournalMerge.ISOInstant

    @Test("both read baton's own timestamps to the same instant")
    func agree() throws {
        let texts = [
            "2026-11-24T09:14:05+05:30", "2026-11-24 09:14:05Z", "2026-11-24t09:14:05-0800", "2026-11-24T09:14:05+05",
        ]
        for text in texts {
            let stamp = try #require(Timestamp(iso: text), "\(text)")
            #expect(Instant.instant(text) == stamp.date.timeIntervalSince1970, "\(text)")
        }
    }

    @Test("the merge keeps fractions and reads what it always read")
    func mergeRules() {
        #expect(Instant.instant("1970-01-01T00:00:00.5Z") == 0.5)
        #expect(Instant.instant("1970-01-01T00:00:00,25Z") == 0.25)
        #expect(Instant.instant("1970-01-01T00:00:00.Z") == nil)
        #expect(Instant.instant("2026-02-30T00:00:00Z") != nil)
        #expect(Instant.instant("1970-01-01T00:00:00+23:00") == -82_800)
        #expect(Instant.instant("  1970-01-01T00:00:00Z\t") == 0)
        #expect(Instant.instant("1970-01-01T00:00:00Zx") == nil)
        #expect(Instant.instant("1970-01-01T00:00:00+05:3") == nil)
    }

    @Test("Timestamp reads what it always read")
    func timestampRules() {
        #expect(Timestamp(iso: "1970-01-01T00:00:00.Z")?.date.timeIntervalSince1970 == 0)
        #expect(Timestamp(iso: "1970-01-01T00:00:07.9Z")?.date.timeIntervalSince1970 == 7)
        #expect(Timestamp(iso: "1970-01-01T00:00:00,5Z") == nil)
        #expect(Timestamp(iso: "2026-02-30T00:00:00Z") == nil)
        #expect(Timestamp(iso: "1970-01-01T00:00:00+19:00") == nil)
        #expect(Timestamp(iso: "1970-01-01T00:00:60Z")?.date.timeIntervalSince1970 == 59)
        #expect(Timestamp(iso: "1970-01-01T00:00:00") == nil)
    }
}
