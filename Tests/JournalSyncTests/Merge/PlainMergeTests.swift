import Testing

@testable import JournalSync

@Suite("Plain text merge")
struct PlainMergeTests {
    typealias S = MergeTestSupport

    @Test func nonOverlappingChangesCombine() {
        let base = "one\ntwo\nthree\nfour\nfive\n"
        let ours = "ONE\ntwo\nthree\nfour\nfive\n"
        let theirs = "one\ntwo\nthree\nfour\nFIVE\nsix\n"
        let result = S.symmetricMerge("baton.yml", base: base, ours, theirs)
        #expect(S.content(result) == "ONE\ntwo\nthree\nfour\nFIVE\nsix\n")
        #expect(result.collisions == 0)
        #expect(result.summary == "baton.yml: merged")
    }

    @Test func adjacentChangesCombine() {
        let base = "a\nb\nc\n"
        let result = S.symmetricMerge("x.txt", base: base, "A\nb\nc\n", "a\nB\nc\n")
        #expect(S.content(result) == "A\nB\nc\n")
        #expect(result.collisions == 0)
    }

    @Test func collisionKeepsBothVersionsAttributedInAuthorOrder() {
        let base = "intro\nteam: Relay\noutro\n"
        let ours = "intro\nteam: Relay One\noutro\n"
        let theirs = "intro\nteam: Baton crew\noutro\n"
        let result = S.symmetricMerge("README.md", base: base, ours, by: "tom", theirs, by: "priya")
        #expect(
            S.content(result) == """
                intro
                *(merge: priya and tom edited the same lines; priya's version:)*
                team: Baton crew
                *(merge: tom's version:)*
                team: Relay One
                *(merge: end of both versions)*
                outro

                """)
        #expect(result.collisions == 1)
        #expect(result.summary == "README.md: merged, 1 collision kept both ways")
    }

    @Test func collisionBySameAuthorOnTwoMachines() {
        let result = S.symmetricMerge("a.md", base: "x\n", "laptop\n", by: "lee", "desktop\n", by: "lee")
        #expect(
            S.content(result) == """
                *(merge: lee edited the same lines in two clones; first version:)*
                desktop
                *(merge: lee's other version:)*
                laptop
                *(merge: end of both versions)*

                """)
    }

    @Test func collisionWritesSharedLinesOnce() {
        let base = "a\nb\nc\n"
        let result = S.symmetricMerge("f", base: base, "a\nB1\nsame\nc\n", "a\nB2\nsame\nc\n")
        let lines = S.lines(S.content(result))
        #expect(lines.filter { $0 == "same" }.count == 1)
        #expect(lines.contains("B1") && lines.contains("B2"))
    }

    @Test func insertionsAtTheSamePlaceAreBothKeptWithoutCollision() {
        let base = "a\nb\n"
        let result = S.symmetricMerge("f", base: base, "a\nb\nfrom priya\n", "a\nb\nfrom tom\n")
        #expect(S.content(result) == "a\nb\nfrom priya\nfrom tom\n")
        #expect(result.collisions == 0)
    }

    @Test func insertionsAtTheSamePlaceShareCommonLines() {
        let result = S.symmetricMerge("f", base: "a\n", "a\nx\ny\n", "a\nx\nz\n")
        #expect(S.content(result) == "a\nx\ny\nz\n")
    }

    @Test func editBeatsDeletionOfTheSameLine() {
        let base = "a\nb\nc\n"
        let result = S.symmetricMerge("f", base: base, "a\nc\n", "a\nb edited\nc\n")
        #expect(S.content(result) == "a\nb edited\nc\n")
    }

    @Test func deletionOnOneSideIsApplied() {
        let base = "a\nb\nc\nd\n"
        let result = S.symmetricMerge("f", base: base, "a\nc\nd\n", "a\nb\nc\nd\ne\n")
        #expect(S.content(result) == "a\nc\nd\ne\n")
    }

    @Test func sameChangeOnBothSidesAppearsOnce() {
        let result = S.symmetricMerge("f", base: "a\nb\n", "a\nB\nnew\n", "a\nB\nnew\n")
        #expect(S.content(result) == "a\nB\nnew\n")
    }

    @Test func bothSidesChangeDifferentLinesAndOneCollides() {
        let base = "1\n2\n3\n4\n5\n6\n7\n"
        let ours = "1 ours\n2\n3\n4 ours\n5\n6\n7\n"
        let theirs = "1\n2\n3\n4 theirs\n5\n6\n7 theirs\n"
        let result = S.symmetricMerge("f", base: base, ours, theirs)
        let lines = S.lines(S.content(result))
        for line in ["1 ours", "4 ours", "4 theirs", "7 theirs", "2", "3", "5", "6"] {
            #expect(lines.contains(line))
        }
        #expect(result.collisions == 1)
    }

    @Test func outputEndsWithExactlyOneNewlineAndNormalizesCRLF() {
        let result = S.symmetricMerge("f", base: "a\r\nb\r\n", "a\r\nb\r\nc", "z\r\nb\r\n\n\n")
        #expect(S.content(result) == "z\nb\nc\n")
    }

    @Test func identicalSidesAndOneSidedChanges() {
        let x = "hello\nworld\n"
        let y = "hello\nthere\nworld\n"
        #expect(S.content(S.merge("f", base: "base\n", ours: x, theirs: x)) == x)
        #expect(S.content(S.merge("f", base: x, ours: x, theirs: y)) == y)
        #expect(S.content(S.merge("f", base: x, ours: y, theirs: x)) == y)
        #expect(S.content(S.merge("f", base: x, ours: "hello\nworld", theirs: x)) == x)
    }

    @Test func emptyResultIsASingleNewline() {
        let result = S.symmetricMerge("f", base: "a\nb\n", "b\n", "a\n")
        #expect(S.content(result) == "\n")
    }

    @Test func yamlCollisionsStayValidYAML() {
        let base = "team: Relay\ntimezone: Europe/Berlin\n"
        let result = S.symmetricMerge(
            "baton.yml", base: base, "team: Relay One\ntimezone: Europe/Berlin\n", by: "tom",
            "team: Baton crew\ntimezone: Europe/Berlin\n", by: "priya")
        #expect(
            S.content(result) == """
                # merge: priya and tom edited the same lines; priya's version is in effect:
                team: Baton crew
                # merge: tom's version:
                # team: Relay One
                # merge: end of both versions
                timezone: Europe/Berlin

                """)
    }

    @Test func insertionInsideARangeTheOtherSideDeletedKeepsTheText() {
        let base = "a\nb\nc\nd\n"
        let result = S.symmetricMerge("f.md", base: base, "a\nd\n", "a\nb\nx\nc\nd\n")
        #expect(S.content(result) == "a\nb\nx\nc\nd\n")
    }
}
