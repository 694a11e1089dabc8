import Testing

@testable import JournalSync

@Suite("Deleted and added files")
struct DeletionAndAdditionTests {
    typealias S = MergeTestSupport
    static let task = "---\nid: k7q2xm\nstatus: todo\n---\n\nText\n"

    @Test(arguments: ["tasks/k7q2xm.md", "notes/tom/2026/2026-11-24.md", "baton.yml"])
    func deletedOnOneSideAndUnchangedOnTheOtherIsDeleted(path: String) {
        #expect(S.merge(path, base: Self.task, ours: nil, theirs: Self.task).outcome == .deleted)
        #expect(S.merge(path, base: Self.task, ours: Self.task, theirs: nil).outcome == .deleted)
        // Differences in trailing newlines alone are no edit.
        #expect(S.merge(path, base: Self.task, ours: Self.task + "\n\n", theirs: nil).outcome == .deleted)
    }

    @Test func deletedOnOneSideAndEditedOnTheOtherKeepsTheEdit() {
        let edited = "---\nid: k7q2xm\nstatus: done\n---\n\nText\n"
        let one = S.merge("tasks/k7q2xm.md", base: Self.task, ours: nil, theirs: edited)
        let two = S.merge(
            "tasks/k7q2xm.md", base: Self.task, ours: edited, oursAuthor: "tom", theirs: nil,
            theirsAuthor: "priya")
        #expect(one.outcome == .content(edited))
        #expect(two.outcome == .content(edited))
        #expect(one.summary == "tasks/k7q2xm.md: kept the edited file (deleted by priya)")
    }

    @Test func deletedOnBothSidesIsDeleted() {
        #expect(S.merge("baton.yml", base: "team: Relay\n", ours: nil, theirs: nil).outcome == .deleted)
    }

    @Test func addedOnOneSideOnlyIsKept() {
        #expect(S.merge("f.md", base: nil, ours: nil, theirs: "new").outcome == .content("new\n"))
        #expect(S.merge("f.md", base: nil, ours: "new\n\n", theirs: nil).outcome == .content("new\n"))
    }

    @Test func addedOnBothSidesWithPlainTextKeepsBoth() {
        let result = S.symmetricMerge("templates/daily.md", base: nil, "# Mine\nshared\n", "# Yours\nshared\n")
        let lines = S.lines(S.content(result))
        #expect(lines.contains("# Mine") && lines.contains("# Yours"))
        #expect(lines.filter { $0 == "shared" }.count == 1)
        #expect(result.summary.hasPrefix("templates/daily.md: added on both sides"))
    }

    @Test func addedOnBothSidesIdenticallyIsThatFile() {
        #expect(S.merge("baton.yml", base: nil, ours: "team: A\n", theirs: "team: A").outcome == .content("team: A\n"))
    }
}

@Suite("Merge invariants")
struct MergeInvariantTests {
    typealias S = MergeTestSupport
    static let samples: [(path: String, text: String)] = [
        (
            "tasks/k7q2xm.md",
            "---\nid: k7q2xm\nstatus: todo\n---\n\nText\n\n## Log\n\n- 2026-11-24T09:14:05+05:30 priya: created\n"
        ),
        ("notes/tom/2026/2026-11-24.md", "---\nauthor: tom\n---\n\n## Today\n\n- 09:00 a\n"),
        ("baton.yml", "team: Relay\ntimezone: Europe/Berlin\n"),
        (
            "tasks/unsorted.md",
            "---\nid: x\n---\n\n## Log\n\n- 2026-11-25T09:00:00Z b: later\n- 2026-11-24T09:00:00Z a: earlier\n"
        ),
    ]

    @Test func mergingASideWithItselfIsThatSide() {
        for sample in Self.samples {
            for base in [nil, "", "something else\n", sample.text + "extra\n"] {
                let result = S.merge(sample.path, base: base, ours: sample.text, theirs: sample.text)
                #expect(result.outcome == .content(sample.text))
                #expect(result.collisions == 0)
            }
        }
    }

    @Test func unchangedSideTakesTheOther() {
        for sample in Self.samples {
            let other = sample.text + "new line\n"
            #expect(
                S.merge(sample.path, base: sample.text, ours: sample.text, theirs: other).outcome == .content(other))
            #expect(
                S.merge(sample.path, base: sample.text, ours: other, theirs: sample.text).outcome == .content(other))
        }
    }

    @Test func pathsPickStrategies() {
        #expect(JournalMerge.JournalFileKind(path: "tasks/k7q2xm.md") == .task)
        #expect(JournalMerge.JournalFileKind(path: "./tasks/k7q2xm.md") == .task)
        #expect(JournalMerge.JournalFileKind(path: "tasks/sub/k7q2xm.md") == .other)
        #expect(JournalMerge.JournalFileKind(path: "notes/priya/2026/2026-11-24.md") == .note)
        #expect(JournalMerge.JournalFileKind(path: "notes/readme.txt") == .other)
        #expect(JournalMerge.JournalFileKind(path: "baton.yml") == .other)
        #expect(JournalMerge.JournalFileKind(path: "templates/task.md") == .other)
    }
}
