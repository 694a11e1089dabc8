import Testing

@testable import JournalSync

@Suite("Daily note merge")
struct NoteMergeTests {
    typealias S = MergeTestSupport
    static let path = "notes/lee/2026/2026-11-24.md"

    static func note(
        yesterday: [String] = ["- 18:40 reviewed the migration PR"], today: [String] = [],
        blockers: [String] = [], extra: String = "", offset: String = "+01:00"
    ) -> String {
        func section(_ heading: String, _ bullets: [String]) -> String {
            "## \(heading)\n\n" + bullets.map { $0 + "\n" }.joined()
        }
        var text =
            "---\nauthor: lee\ndate: 2026-11-24\nutc_offset: \"\(offset)\"\n---\n\n"
            + section("Yesterday", yesterday) + "\n" + section("Today", today) + "\n"
            + section("Blockers", blockers) + extra
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text
    }

    @Test func bulletsFromTwoMachinesAreAllKeptOnceAndInTimeOrder() {
        let base = Self.note(today: ["- 08:00 standup"])
        let laptop = Self.note(today: ["- 08:00 standup", "- 09:14 backfill script", "- 11:30 lunch with Maria"])
        let desktop = Self.note(today: ["- 08:00 standup", "- 10:02 paired with Priya", "- 12:00 review"])
        let result = S.symmetricMerge(Self.path, base: base, laptop, by: "lee", desktop, by: "lee")
        #expect(
            S.content(result)
                == Self.note(today: [
                    "- 08:00 standup", "- 09:14 backfill script", "- 10:02 paired with Priya",
                    "- 11:30 lunch with Maria", "- 12:00 review",
                ]))
        #expect(result.collisions == 0)
        #expect(result.summary == "notes/lee/2026/2026-11-24.md: note merged")
    }

    @Test func editedBulletReplacesTheBaseOneInsteadOfDoubling() {
        let base = Self.note(today: ["- 08:00 standup", "- 09:00 backfil script"])
        let ours = Self.note(today: ["- 08:00 standup", "- 09:00 backfill script (typo fixed)"])
        let theirs = Self.note(today: ["- 08:00 standup", "- 09:00 backfil script", "- 10:00 deploy"])
        let result = S.symmetricMerge(Self.path, base: base, ours, theirs)
        #expect(
            S.content(result)
                == Self.note(today: [
                    "- 08:00 standup", "- 09:00 backfill script (typo fixed)", "- 10:00 deploy",
                ]))
    }

    @Test func bulletRemovedOnOneSideAndUnchangedOnTheOtherIsRemoved() {
        let base = Self.note(today: ["- 08:00 standup", "- 09:00 oops"])
        let ours = Self.note(today: ["- 08:00 standup"])
        let theirs = Self.note(today: ["- 08:00 standup", "- 09:00 oops"], blockers: ["- 09:30 VPN down"])
        let result = S.symmetricMerge(Self.path, base: base, ours, theirs)
        #expect(S.content(result) == Self.note(today: ["- 08:00 standup"], blockers: ["- 09:30 VPN down"]))
    }

    @Test func sameBulletEditedDifferentlyKeepsBoth() {
        let base = Self.note(today: ["- 09:00 backfill"])
        let ours = Self.note(today: ["- 09:00 backfill orders"])
        let theirs = Self.note(today: ["- 09:00 backfill orders, batches of 10k"])
        let result = S.symmetricMerge(Self.path, base: base, ours, theirs)
        let lines = S.lines(S.content(result))
        #expect(lines.contains("- 09:00 backfill orders"))
        #expect(lines.contains("- 09:00 backfill orders, batches of 10k"))
        #expect(!lines.contains("- 09:00 backfill"))
        #expect(result.collisions == 1)
    }

    @Test func bulletAddedOnBothSidesAppearsOnce() {
        let base = Self.note()
        let ours = Self.note(today: ["- 09:00 standup", "- 09:30 coffee"])
        let theirs = Self.note(today: ["- 08:00 email", "- 09:00 standup"])
        let result = S.symmetricMerge(Self.path, base: base, ours, theirs)
        #expect(S.content(result) == Self.note(today: ["- 08:00 email", "- 09:00 standup", "- 09:30 coffee"]))
    }

    @Test func multiLineBulletsStayTogether() {
        let base = Self.note()
        let ours = Self.note(today: ["- 09:00 long one\n  second line\n  third line"])
        let theirs = Self.note(today: ["- 08:30 early\n  with more"])
        let result = S.symmetricMerge(Self.path, base: base, ours, theirs)
        #expect(
            S.content(result)
                == Self.note(today: [
                    "- 08:30 early\n  with more", "- 09:00 long one\n  second line\n  third line",
                ]))
    }

    @Test func otherSectionsAndProseUseDiff3WithKeptCollisions() {
        let base = Self.note(extra: "\n## Notes\n\nFree text here.\n")
        let ours = Self.note(extra: "\n## Notes\n\nFree text, edited on the laptop.\n")
        let theirs = Self.note(today: ["- 10:00 x"], extra: "\n## Notes\n\nFree text, edited on the desktop.\n")
        let result = S.symmetricMerge(Self.path, base: base, ours, by: "lee", theirs, by: "lee")
        let text = S.content(result) ?? ""
        #expect(
            text.hasSuffix(
                """
                ## Notes

                *(merge: lee edited the same lines in two clones; first version:)*
                Free text, edited on the desktop.
                *(merge: lee's other version:)*
                Free text, edited on the laptop.
                *(merge: end of both versions)*

                """))
        #expect(S.lines(text).contains("- 10:00 x"))
        #expect(result.collisions == 1)
    }

    @Test func proseInsideAStandardSectionCollidesAttributed() {
        let base = Self.note(today: ["Plan: ship it", "- 09:00 a"])
        let ours = Self.note(today: ["Plan: ship it today", "- 09:00 a"])
        let theirs = Self.note(today: ["Plan: ship it tomorrow", "- 09:00 a", "- 10:00 b"])
        let result = S.symmetricMerge(Self.path, base: base, ours, theirs)
        let lines = S.lines(S.content(result))
        #expect(lines.contains("Plan: ship it today") && lines.contains("Plan: ship it tomorrow"))
        #expect(lines.contains("- 10:00 b"))
        #expect(result.collisions == 1)
    }

    @Test func sectionsAddedOnEitherSideAreKept() {
        let base = "---\nauthor: lee\n---\n\n## Today\n\n- 09:00 a\n"
        let ours = base + "\n## Ideas\n\nidea one\n"
        let theirs = base + "\n## Links\n\n- https://example.com\n"
        let result = S.symmetricMerge(Self.path, base: base, ours, theirs)
        let text = S.content(result) ?? ""
        #expect(text.contains("## Ideas\n\nidea one\n") && text.contains("## Links\n\n- https://example.com\n"))
    }

    @Test func sectionRemovedOnOneSideOnlyGoesWhenTheOtherLeftItAlone() {
        let base = "---\nauthor: lee\n---\n\n## Today\n\n- 09:00 a\n\n## Scratch\n\njunk\n"
        let removed = "---\nauthor: lee\n---\n\n## Today\n\n- 09:00 a\n"
        let edited = "---\nauthor: lee\n---\n\n## Today\n\n- 09:00 a\n- 10:00 b\n\n## Scratch\n\njunk\n"
        #expect(
            S.content(S.symmetricMerge(Self.path, base: base, removed, edited))
                == "---\nauthor: lee\n---\n\n## Today\n\n- 09:00 a\n- 10:00 b\n")
        let scratchEdited = base + "more junk\n"
        let keep = S.content(S.symmetricMerge(Self.path, base: base, removed + "- 11:00 c\n", scratchEdited)) ?? ""
        #expect(keep.contains("junk\nmore junk\n") && keep.contains("- 11:00 c"))
    }

    @Test func frontMatterCollisionKeepsSmallerValueAndRecordsTheOther() {
        let base = Self.note()
        let ours = Self.note(today: ["- 09:00 a"], offset: "+05:30")
        let theirs = Self.note(today: ["- 10:00 b"], offset: "+02:00")
        let result = S.symmetricMerge(Self.path, base: base, ours, by: "lee", theirs, by: "lee")
        let text = S.content(result) ?? ""
        #expect(
            text.hasPrefix(
                """
                ---
                author: lee
                date: 2026-11-24
                utc_offset: "+02:00"
                ---

                *(merge kept utc_offset `"+02:00"`; also set to `"+05:30"` by lee)*

                ## Yesterday
                """))
        #expect(result.collisions == 1)
    }

    @Test func addedOnBothSidesKeepsEverything() {
        let laptop = Self.note(yesterday: [], today: ["- 09:00 laptop"])
        let desktop = Self.note(yesterday: [], today: ["- 08:00 desktop"], blockers: ["- 08:05 no VPN"])
        let result = S.symmetricMerge(Self.path, base: nil, laptop, by: "lee", desktop, by: "lee")
        #expect(
            S.content(result)
                == Self.note(
                    yesterday: [], today: ["- 08:00 desktop", "- 09:00 laptop"],
                    blockers: ["- 08:05 no VPN"]))
    }

    @Test func unparseableFrontMatterFallsBackToPlainText() {
        let base = "---\nauthor: lee\n---\n\n## Today\n\n- 09:00 a\n"
        let ours = "---\nauthor lee\n---\n\n## Today\n\n- 09:00 a\n- 10:00 b\n"
        let theirs = base + "- 11:00 c\n"
        let result = S.symmetricMerge(Self.path, base: base, ours, theirs)
        #expect(result.summary.hasPrefix("\(Self.path): merged as plain text"))
        let lines = S.lines(S.content(result))
        #expect(lines.contains("- 10:00 b") && lines.contains("- 11:00 c"))
    }
}
