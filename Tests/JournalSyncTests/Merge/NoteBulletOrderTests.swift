import Foundation
import JournalModel
import TestSupport
import Testing

@testable import JournalSync

/// Bullets two clones add to the same day's note: the merge keeps every bullet once and puts timed
/// bullets in time order, whatever the two clones wrote and in whatever order.
@Suite("Merged note bullets in time order")
struct NoteBulletOrderTests {
    typealias S = MergeTestSupport
    static let path = "notes/lee/2026/2026-11-24.md"
    static let day = LocalDay(string: "2026-11-24")!

    /// A new note of the day (as the daily template gives it) with `bullets` appended to Today, at the
    /// given minutes after midnight.
    static func note(_ bullets: [(minute: Int, text: String)], onto start: String? = nil) throws -> String {
        let template = try Templates(overrides: { _ in nil }).dailyNote(
            author: Handle("lee"), day: day, offset: "+01:00")
        var note = try DailyNote.parse(start ?? template, path: path)
        for bullet in bullets {
            let time = String(format: "2026-11-24T%02d:%02d:00+01:00", bullet.minute / 60, bullet.minute % 60)
            note.append(bullet.text, to: .today, at: Timestamp(iso: time)!)
        }
        return note.render()
    }

    static func today(_ text: String) throws -> [String] {
        try DailyNote.parse(text, path: path).bullets(in: .today)
    }

    @Test("a laptop's 09:00 and 11:00 and the desktop's 10:00, on a note both clones started")
    func laptopAndDesktop() throws {
        for base in [nil, try Self.note([])] {
            let laptop = try Self.note([(540, "standup notes"), (660, "deployed 0042")], onto: base)
            let desktop = try Self.note([(600, "reviewed Tom's PR")], onto: base)
            let merged = try #require(S.content(S.symmetricMerge(Self.path, base: base, laptop, desktop)))
            #expect(
                try Self.today(merged) == ["09:00 standup notes", "10:00 reviewed Tom's PR", "11:00 deployed 0042"],
                "\(merged)")
        }
    }

    @Test("randomised interleavings: every bullet kept exactly once, timed bullets sorted", arguments: 0..<8)
    func randomised(seed: UInt64) throws {
        var random = SplitMix64(seed: 0x5709 &+ seed)
        for round in 0..<40 {
            var minute = random.below(8 * 60)
            var next = 0
            func bullets(_ count: Int, after start: Int, label: String) -> [(minute: Int, text: String)] {
                var time = start
                return (0..<count).map { _ in
                    time += random.below(50)
                    next += 1
                    return (min(time, 23 * 60 + 59), "\(label) \(next)")
                }
            }
            let shared = bullets(random.below(3), after: minute, label: "shared")
            minute = shared.last?.minute ?? minute
            let base: String? = random.chance(30) && shared.isEmpty ? nil : try Self.note(shared)
            let a = try Self.note(bullets(random.below(5), after: minute, label: "laptop"), onto: base)
            let b = try Self.note(bullets(random.below(5), after: minute, label: "desktop"), onto: base)
            let merged = try #require(S.content(S.symmetricMerge(Self.path, base: base, a, b)))
            let kept = try Self.today(merged)
            let expected = Set(try Self.today(a) + Self.today(b))
            #expect(kept.count == expected.count, "seed \(seed) round \(round): a bullet lost or doubled\n\(merged)")
            #expect(Set(kept) == expected, "seed \(seed) round \(round)\n\(merged)")
            let times = kept.map { String($0.prefix(5)) }
            #expect(times == times.sorted(), "seed \(seed) round \(round): out of time order\n\(merged)")
            #expect(!merged.contains("*(merge:"), "seed \(seed) round \(round): kept both ways\n\(merged)")
        }
    }
}
