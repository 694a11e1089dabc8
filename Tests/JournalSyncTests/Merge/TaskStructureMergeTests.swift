import JournalModel
import Testing

@testable import JournalSync

/// Task merges that depend on the file's structure: code fences, log continuation lines,
/// Unicode normalization and the order of front matter keys.
@Suite("Task merge: structure")
struct TaskStructureMergeTests {
    typealias S = MergeTestSupport
    static let path = "tasks/k7q2xm.md"
    static let head = """
        ---
        id: k7q2xm
        title: Backfill orders table
        status: todo
        owner: priya
        created: 2026-11-24T09:14:05+05:30
        updated: 2026-11-24T09:14:05+05:30
        ---

        """

    static func readable(_ text: String?, sourceLocation: SourceLocation = #_sourceLocation) -> TaskDocument? {
        guard let text else {
            Issue.record("no merged text", sourceLocation: sourceLocation)
            return nil
        }
        do {
            return try TaskDocument.parse(text, path: path)
        } catch {
            Issue.record("task show cannot read the merge: \(error)\n\(text)", sourceLocation: sourceLocation)
            return nil
        }
    }

    @Test func logHeadingInsideACodeFenceIsDescription() {
        let fenced = "Example of the format:\n\n```\n## Log\n- 2026-01-01T00:00:00Z x: sample\n```\n"
        let base = Self.head + "\n" + fenced + "\n## Log\n\n- 2026-11-24T09:14:05+05:30 priya: created\n"
        let ours = base + "- 2026-11-25T10:00:00+05:30 priya: started\n"
        let theirs =
            base.replacingOccurrences(of: "Example of", with: "An example of")
            + "- 2026-11-25T11:00:00+01:00 tom: edited\n"
        let text = S.content(S.symmetricMerge(Self.path, base: base, ours, theirs)) ?? ""
        #expect(text.contains("An example of the format"))
        #expect(text.contains("```\n## Log\n- 2026-01-01T00:00:00Z x: sample\n```"))
        for entry in ["priya: created", "priya: started", "tom: edited"] {
            #expect(text.components(separatedBy: entry).count == 2, "\(entry) not exactly once:\n\(text)")
        }
        let task = Self.readable(text)
        #expect(task?.log.count == 3)
    }

    @Test func tildeFenceIsHonouredToo() {
        let base = Self.head + "\n~~~\n## Log\n~~~\n\n## Log\n\n- 2026-11-24T09:14:05+05:30 priya: created\n"
        let ours = base + "- 2026-11-25T10:00:00+05:30 priya: started\n"
        let theirs = base + "- 2026-11-25T11:00:00+01:00 tom: edited\n"
        let text = S.content(S.symmetricMerge(Self.path, base: base, ours, theirs)) ?? ""
        #expect(text.contains("~~~\n## Log\n~~~"))
        #expect(text.contains("priya: started") && text.contains("tom: edited"))
    }

    @Test func continuationLineStaysWithItsEntryOnce() {
        let base =
            Self.head + "\nCopy.\n\n## Log\n\n- 2026-11-24T09:14:05+05:30 priya: created\n"
            + "- 2026-11-24T12:00:00+05:30 priya: blocked: waiting on keys\n"
        let ours = base.replacingOccurrences(
            of: "waiting on keys\n", with: "waiting on keys\n  asked ops in #infra, ticket OPS-12\n")
        let theirs = base + "- 2026-11-25T11:00:00+01:00 tom: edited\n"
        let text = S.content(S.symmetricMerge(Self.path, base: base, ours, theirs)) ?? ""
        #expect(text.components(separatedBy: "priya: blocked: waiting on keys").count == 2, "\(text)")
        #expect(text.contains("waiting on keys\n  asked ops in #infra, ticket OPS-12\n"))
        #expect(text.contains("tom: edited"))
    }

    @Test func continuationsAddedOnBothSidesAreBothKept() {
        let base = Self.head + "\n## Log\n\n- 2026-11-24T09:14:05+05:30 priya: created\n"
        let ours = base + "  from the planning meeting\n"
        let theirs = base + "  see ticket OPS-12\n- 2026-11-25T11:00:00+01:00 tom: edited\n"
        let text = S.content(S.symmetricMerge(Self.path, base: base, ours, theirs)) ?? ""
        #expect(text.components(separatedBy: "priya: created").count == 2, "\(text)")
        #expect(text.contains("  from the planning meeting"))
        #expect(text.contains("  see ticket OPS-12"))
        #expect(text.contains("tom: edited"))
    }

    @Test func oneSidedChangeOfNormalizationIsKept() {
        let nfc = "Caf\u{E9} orders"
        let nfd = "Cafe\u{301} orders"
        let base = Self.head + "\n\(nfc)\n\nSecond paragraph.\n\n## Log\n\n- 2026-11-24T09:14:05+05:30 priya: created\n"
        let ours = base.replacingOccurrences(of: nfc, with: nfd)
        #expect(Array(ours.utf8) != Array(base.utf8))
        let theirs = base.replacingOccurrences(of: "Second", with: "Other")
        let text = S.content(S.symmetricMerge(Self.path, base: base, ours, theirs)) ?? ""
        #expect(text.utf8.contains(0xCC), "the NFD combining accent was dropped")
        #expect(Array(text.utf8).starts(with: Array(Self.head.utf8)))
        #expect(text.contains("Other paragraph."))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { Array($0.utf8) == Array(nfd.utf8) })
    }

    @Test func normalizationChangeAloneIsTaken() {
        let base = "caf\u{E9}\n"
        let ours = "cafe\u{301}\n"
        let one = S.merge("shared/menu.txt", base: base, ours: ours, theirs: base)
        let two = S.merge("shared/menu.txt", base: base, ours: base, theirs: ours)
        #expect(S.content(one).map { Array($0.utf8) } == Array(ours.utf8))
        #expect(S.content(two).map { Array($0.utf8) } == Array(ours.utf8))
    }

    @Test func reorderedKeysOnOneSideAndABatonChangeOnTheOther() {
        let base = Self.head + "\nCopy.\n\n## Log\n\n- 2026-11-24T09:14:05+05:30 priya: created\n"
        let ours = """
            ---
            title: Backfill orders table
            id: k7q2xm
            owner: priya
            status: todo
            created: 2026-11-24T09:14:05+05:30
            updated: 2026-11-24T09:14:05+05:30
            estimate: 3d
            ---

            Copy.

            ## Log

            - 2026-11-24T09:14:05+05:30 priya: created

            """
        let theirs =
            base.replacingOccurrences(of: "status: todo", with: "status: doing")
            .replacingOccurrences(of: "updated: 2026-11-24T09:14:05+05:30", with: "updated: 2026-11-25T10:00:00+01:00")
            + "- 2026-11-25T10:00:00+01:00 tom: started\n"
        let text = S.content(S.symmetricMerge(Self.path, base: base, ours, theirs))
        let task = Self.readable(text)
        #expect(task?.status == .doing)
        #expect(task?.extraFields.contains { $0.key == "estimate" } == true)
        #expect(task?.log.count == 2)
        #expect(text?.components(separatedBy: "\nid: ").count == 2)
    }

    @Test func keysReorderedDifferentlyOnBothSidesAppearOnce() {
        let base = Self.head + "\n## Log\n\n- 2026-11-24T09:14:05+05:30 priya: created\n"
        let ours = base.replacingOccurrences(
            of: "id: k7q2xm\ntitle: Backfill orders table\n",
            with: "title: Backfill orders table\nid: k7q2xm\n")
        let theirs = base.replacingOccurrences(of: "status: todo\nowner: priya\n", with: "owner: tom\nstatus: todo\n")
        let text = S.content(S.symmetricMerge(Self.path, base: base, ours, theirs))
        let task = Self.readable(text)
        #expect(task?.owner == "tom")
        for key in ["id", "title", "status", "owner"] {
            #expect(text?.components(separatedBy: "\n\(key): ").count == 2, "\(key) not once:\n\(text ?? "")")
        }
    }
}
