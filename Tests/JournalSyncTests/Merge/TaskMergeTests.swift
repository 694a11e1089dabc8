import Testing

@testable import JournalSync

@Suite("Task merge")
struct TaskMergeTests {
    typealias S = MergeTestSupport
    static let path = "tasks/k7q2xm.md"

    /// A task file; `fields` replace or add front matter lines, `nil` values remove them.
    static func task(
        _ changes: KeyValuePairs<String, String?> = [:], description: String = "Copy the old orders.",
        log: [String] = []
    ) -> String {
        var fields: [(String, String)] = [
            ("id", "k7q2xm"), ("title", "Backfill orders table"), ("status", "todo"), ("owner", "priya"),
            ("created", "2026-11-24T09:14:05+05:30"), ("updated", "2026-11-24T09:14:05+05:30"),
        ]
        for (key, value) in changes {
            if let index = fields.firstIndex(where: { $0.0 == key }) {
                if let value { fields[index].1 = value } else { fields.remove(at: index) }
            } else if let value {
                fields.append((key, value))
            }
        }
        let logLines = ["- 2026-11-24T09:14:05+05:30 priya: created"] + log
        return "---\n" + fields.map { "\($0.0): \($0.1)\n" }.joined() + "---\n\n" + description + "\n\n## Log\n\n"
            + logLines.map { $0 + "\n" }.joined()
    }

    @Test func fieldsChangedOnDifferentSidesBothApply() {
        let ours = Self.task(
            ["status": "doing", "updated": "2026-11-24T10:00:00+05:30"],
            log: ["- 2026-11-24T10:00:00+05:30 priya: started"])
        let theirs = Self.task(
            ["due": "2026-11-28", "updated": "2026-11-24T06:00:00+01:00"],
            log: ["- 2026-11-24T06:00:00+01:00 tom: edited"])
        let result = S.symmetricMerge(Self.path, base: Self.task(), ours, theirs)
        #expect(
            S.content(result) == """
                ---
                id: k7q2xm
                title: Backfill orders table
                status: doing
                owner: priya
                created: 2026-11-24T09:14:05+05:30
                updated: 2026-11-24T06:00:00+01:00
                due: 2026-11-28
                ---

                Copy the old orders.

                ## Log

                - 2026-11-24T09:14:05+05:30 priya: created
                - 2026-11-24T10:00:00+05:30 priya: started
                - 2026-11-24T06:00:00+01:00 tom: edited

                """)
        #expect(result.collisions == 0)
        #expect(result.summary == "tasks/k7q2xm.md: fields merged")
    }

    @Test func collidingFieldGoesToTheLaterUpdateAndTheLoserIsLogged() {
        let ours = Self.task(
            ["status": "blocked", "updated": "2026-11-25T10:20:00+01:00"],
            log: ["- 2026-11-25T10:20:00+01:00 tom: blocked: waiting on API keys"])
        let theirs = Self.task(
            ["status": "done", "updated": "2026-11-25T16:00:00+05:30"],
            log: ["- 2026-11-25T16:00:00+05:30 priya: done"])
        // 16:00+05:30 is 10:30Z, later than 10:20+01:00 (09:20Z): priya's "done" wins.
        let result = S.symmetricMerge(Self.path, base: Self.task(), ours, by: "tom", theirs, by: "priya")
        let text = S.content(result) ?? ""
        #expect(S.lines(text).contains("status: done"))
        #expect(S.lines(text).contains("updated: 2026-11-25T16:00:00+05:30"))
        #expect(
            text.hasSuffix(
                """
                - 2026-11-24T09:14:05+05:30 priya: created
                - 2026-11-25T10:20:00+01:00 tom: blocked: waiting on API keys
                - 2026-11-25T16:00:00+05:30 priya: done
                - 2026-11-25T16:00:00+05:30 tom: merge kept status `done`; also set to `blocked`

                """))
        #expect(result.collisions == 1)
    }

    @Test func equalUpdateTimesPickTheSmallerValue() {
        let ours = Self.task(["title": "Zebra", "updated": "2026-11-25T10:00:00+01:00"])
        let theirs = Self.task(["title": "Aardvark", "updated": "2026-11-25T14:30:00+05:30"])
        let result = S.symmetricMerge(Self.path, base: Self.task(), ours, by: "lee", theirs, by: "maria")
        let lines = S.lines(S.content(result))
        #expect(lines.contains("title: Aardvark"))
        // Same instant: `updated` keeps the smaller raw text.
        #expect(lines.contains("updated: 2026-11-25T10:00:00+01:00"))
        #expect(lines.contains("- 2026-11-25T14:30:00+05:30 lee: merge kept title `Aardvark`; also set to `Zebra`"))
    }

    @Test func fieldAddedOnOneSideIsKept() {
        let ours = Self.task(["tags": "[db, migration]"], description: "Copy the old orders. Batches of 10k.")
        let theirs = Self.task(["owner": "tom"], log: ["- 2026-11-24T18:02:11+05:30 priya: assigned to tom"])
        let lines = S.lines(S.content(S.symmetricMerge(Self.path, base: Self.task(), ours, theirs)))
        #expect(lines.contains("tags: [db, migration]"))
        #expect(lines.contains("owner: tom"))
        #expect(lines.contains("Copy the old orders. Batches of 10k."))
    }

    @Test func fieldRemovedOnOneSideAndUnchangedOnTheOtherIsRemoved() {
        let base = Self.task(["due": "2026-11-28"])
        let ours = Self.task(["due": nil, "status": "doing"])
        let theirs = Self.task(["due": "2026-11-28", "owner": "tom"])
        let lines = S.lines(S.content(S.symmetricMerge(Self.path, base: base, ours, theirs)))
        #expect(!lines.contains { $0.hasPrefix("due:") })
        #expect(lines.contains("status: doing") && lines.contains("owner: tom"))
    }

    @Test func fieldRemovedOnOneSideAndChangedOnTheOtherIsACollision() {
        let base = Self.task(["due": "2026-11-28"])
        let ours = Self.task(["due": nil, "updated": "2026-11-25T09:00:00+00:00"])
        let theirs = Self.task(["due": "2026-12-05", "updated": "2026-11-25T11:00:00+00:00"])
        let result = S.symmetricMerge(Self.path, base: base, ours, by: "priya", theirs, by: "tom")
        let lines = S.lines(S.content(result))
        #expect(lines.contains("due: 2026-12-05"))
        #expect(lines.contains("- 2026-11-25T11:00:00+00:00 priya: merge kept due `2026-12-05`; also removed"))
    }

    @Test func multiLineFieldValuesCompareAsRawText() {
        let base = "---\nid: a\ntags:\n  - db\nupdated: 2026-01-01T00:00:00Z\n---\n\nText\n"
        let ours = "---\nid: a\ntags:\n  - db\n  - api\nupdated: 2026-01-02T00:00:00Z\n---\n\nText\n"
        let theirs = "---\nid: a\ntags:\n  - db\nupdated: 2026-01-01T00:00:00Z\nstatus: done\n---\n\nText\n"
        let result = S.symmetricMerge("tasks/a.md", base: base, ours, theirs)
        #expect(
            S.content(result)
                == "---\nid: a\ntags:\n  - db\n  - api\nupdated: 2026-01-02T00:00:00Z\nstatus: done\n---\n\nText\n")
    }

    @Test func fieldOrderKeepsBothSidesOrder() {
        let base = "---\nid: a\ntitle: T\n---\n"
        let ours = "---\nid: a\ntitle: T\ndue: 2026-11-28\n---\nours\n"
        let theirs = "---\nid: a\nkind: ask\ntitle: T\n---\ntheirs\n"
        let text = S.content(S.symmetricMerge("tasks/a.md", base: base, ours, theirs)) ?? ""
        #expect(text.hasPrefix("---\nid: a\nkind: ask\ntitle: T\ndue: 2026-11-28\n---\n"))
    }

    @Test func logIsAUnionOrderedByInstantWithoutDuplicates() {
        let shared = "- 2026-11-25T08:00:00+00:00 maria: edited"
        let ours = Self.task(log: [shared, "- 2026-11-25T10:00:00+01:00 tom: started"])
        let theirs = Self.task(log: ["- 2026-11-25T14:00:00+05:30 priya: replied: yes", shared + "  "])
        let text = S.content(S.symmetricMerge(Self.path, base: Self.task(), ours, theirs)) ?? ""
        #expect(
            text.hasSuffix(
                """
                ## Log

                - 2026-11-24T09:14:05+05:30 priya: created
                - 2026-11-25T08:00:00+00:00 maria: edited
                - 2026-11-25T14:00:00+05:30 priya: replied: yes
                - 2026-11-25T10:00:00+01:00 tom: started

                """))
    }

    @Test func logLinesRemovedOnOneSideComeBack() {
        let base = Self.task(log: ["- 2026-11-25T08:00:00+00:00 maria: edited"])
        let ours = Self.task(log: ["- 2026-11-25T09:00:00+00:00 tom: started"])
        let theirs = Self.task(log: [
            "- 2026-11-25T08:00:00+00:00 maria: edited", "- 2026-11-25T10:00:00+00:00 priya: x",
        ])
        let lines = S.lines(S.content(S.symmetricMerge(Self.path, base: base, ours, theirs)))
        #expect(lines.contains("- 2026-11-25T08:00:00+00:00 maria: edited"))
        #expect(lines.contains("- 2026-11-25T09:00:00+00:00 tom: started"))
    }

    @Test func descriptionEditsCombineOrCollide() {
        let base = Self.task(description: "Line one.\nLine two.\nLine three.")
        let ours = Self.task(description: "Line one, ours.\nLine two.\nLine three, ours.")
        let theirs = Self.task(description: "Line one.\nLine two.\nLine three, theirs.\nLine four.")
        let result = S.symmetricMerge(Self.path, base: base, ours, by: "priya", theirs, by: "tom")
        let text = S.content(result) ?? ""
        #expect(
            text.contains(
                """
                Line one, ours.
                Line two.
                *(merge: priya and tom edited the same lines; priya's version:)*
                Line three, ours.
                *(merge: tom's version:)*
                Line three, theirs.
                Line four.
                *(merge: end of both versions)*

                ## Log
                """))
        #expect(result.collisions == 1)
    }

    @Test func unparseableFrontMatterFallsBackToPlainText() {
        let base = "---\nid: a\nstatus: todo\n---\nbody\n"
        let broken = "---\nid: a\nstatus todo\n---\nbody\nmore\n"
        let theirs = "---\nid: a\nstatus: done\n---\nbody\n"
        let result = S.symmetricMerge("tasks/a.md", base: base, broken, theirs)
        #expect(S.content(result) != nil)
        #expect(result.summary == "tasks/a.md: merged as plain text, 1 collision kept both ways")
        let lines = S.lines(S.content(result))
        #expect(lines.contains("status todo") && lines.contains("status: done") && lines.contains("more"))

        let unclosed = "---\nid: a\nstatus: doing\nbody\n"
        let other = S.symmetricMerge("tasks/a.md", base: base, unclosed, theirs)
        #expect(other.summary.hasPrefix("tasks/a.md: merged as plain text"))
        #expect(S.lines(S.content(other)).contains("status: doing"))
    }

    @Test func addedOnBothSidesMergesFieldsLogsAndKeepsBothDescriptions() {
        let ours =
            "---\nid: k7q2xm\ntitle: Backfill\nowner: priya\ncreated: 2026-11-24T09:14:05+05:30\n"
            + "updated: 2026-11-24T09:14:05+05:30\n---\n\nPriya's description.\n\n## Log\n\n"
            + "- 2026-11-24T09:14:05+05:30 priya: created\n"
        let theirs =
            "---\nid: k7q2xm\ntitle: Backfill\nowner: tom\ncreated: 2026-11-24T05:00:00+01:00\n"
            + "updated: 2026-11-24T05:00:00+01:00\ndue: 2026-11-30\n---\n\nTom's description.\n\n## Log\n\n"
            + "- 2026-11-24T05:00:00+01:00 tom: created\n"
        let result = S.symmetricMerge(Self.path, base: nil, ours, by: "priya", theirs, by: "tom")
        let text = S.content(result) ?? ""
        let lines = S.lines(text)
        #expect(result.summary.hasPrefix("tasks/k7q2xm.md: added on both sides, fields merged"))
        // tom's update is later (04:00Z vs 03:44Z): his owner and created win, priya's are logged.
        #expect(lines.contains("owner: tom") && lines.contains("due: 2026-11-30"))
        #expect(lines.contains("- 2026-11-24T05:00:00+01:00 priya: merge kept owner `tom`; also set to `priya`"))
        #expect(lines.contains("Priya's description.") && lines.contains("Tom's description."))
        #expect(lines.contains("- 2026-11-24T09:14:05+05:30 priya: created"))
        #expect(lines.contains("- 2026-11-24T05:00:00+01:00 tom: created"))
        #expect(result.collisions == 2)
        #expect(text.contains("\n\nPriya's description.\nTom's description.\n\n## Log\n"))
    }

    @Test func loserNamesBecomeHandlesInLogLines() {
        #expect(JournalMerge.CollisionFormat.handle("Tom Müller") == "tom-m-ller")
        #expect(JournalMerge.CollisionFormat.handle("  ") == "someone")
        #expect(JournalMerge.CollisionFormat.handle("李") == "unknown")
        #expect(JournalMerge.CollisionFormat.handle("priya") == "priya")
        let ours = Self.task(["status": "done", "updated": "2026-11-25T10:00:00Z"])
        let theirs = Self.task(["status": "dropped", "updated": "2026-11-25T09:00:00Z"])
        let lines = S.lines(
            S.content(
                S.symmetricMerge(
                    Self.path, base: Self.task(), ours, by: "Priya K",
                    theirs, by: "Tom Smith")))
        #expect(lines.contains("- 2026-11-25T10:00:00Z tom-smith: merge kept status `done`; also set to `dropped`"))
    }

    @Test func askFilesUseTheTaskStrategyAndTextAfterTheLogIsMerged() {
        let base =
            "---\nid: p3hd9x\nkind: ask\n---\n\nQ?\n\n## Log\n\n- 2026-11-24T09:00:00Z priya: created\n\n## Notes\n\nn1\n"
        let ours =
            "---\nid: p3hd9x\nkind: ask\nstatus: done\n---\n\nQ?\n\n## Log\n\n- 2026-11-24T09:00:00Z priya: created\n"
            + "- 2026-11-25T09:00:00Z tom: replied: yes\n\n## Notes\n\nn1\nn2\n"
        let theirs =
            "---\nid: p3hd9x\nkind: ask\nto: tom\n---\n\nQ?\n\n## Log\n\n- 2026-11-24T09:00:00Z priya: created\n"
            + "- 2026-11-24T10:00:00Z priya: edited\n\n## Notes\n\nn0\nn1\n"
        let result = S.symmetricMerge("tasks/p3hd9x.md", base: base, ours, theirs)
        #expect(
            S.content(result) == "---\nid: p3hd9x\nkind: ask\nstatus: done\nto: tom\n---\n\nQ?\n\n## Log\n\n"
                + "- 2026-11-24T09:00:00Z priya: created\n- 2026-11-24T10:00:00Z priya: edited\n"
                + "- 2026-11-25T09:00:00Z tom: replied: yes\n\n## Notes\n\nn0\nn1\nn2\n")
    }

    @Test func timestampsParseWithOffsets() {
        #expect(JournalMerge.ISOInstant.instant("1970-01-01T00:00:00Z") == 0)
        #expect(JournalMerge.ISOInstant.instant("1970-01-01T05:30:00+05:30") == 0)
        #expect(
            JournalMerge.ISOInstant.instant("2026-11-24T09:14:05+05:30")
                == JournalMerge.ISOInstant.instant("2026-11-24T03:44:05Z"))
        #expect(
            JournalMerge.ISOInstant.instant("2026-11-24T09:14:05-0800")
                == JournalMerge.ISOInstant.instant("2026-11-24T17:14:05+00:00"))
        #expect(JournalMerge.ISOInstant.instant("2026-11-24") == nil)
        #expect(JournalMerge.ISOInstant.instant("yesterday") == nil)
    }
}
