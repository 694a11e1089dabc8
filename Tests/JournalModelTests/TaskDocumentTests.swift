import Testing

@testable import JournalModel

private let formatExample = """
    ---
    id: k7q2xm
    title: Backfill orders table
    status: blocked
    owner: tom
    created: 2026-11-24T09:14:05+05:30
    updated: 2026-11-24T18:02:11+05:30
    due: 2026-11-28
    tags: [db, migration]
    ---

    Copy the old orders into the new schema, in batches of 10k.

    ## Log

    - 2026-11-24T09:14:05+05:30 priya: created
    - 2026-11-24T18:02:11+05:30 priya: assigned to tom: migrations done, backfill left
    - 2026-11-25T10:20:00+01:00 tom: blocked: waiting on API keys

    """

private func stamp(_ s: String) -> Timestamp {
    guard let t = Timestamp(iso: s) else { fatalError("bad test timestamp \(s)") }
    return t
}

@Suite struct TaskDocumentTests {
    @Test func parsesTheFormatExample() throws {
        let doc = try TaskDocument.parse(formatExample, path: "tasks/k7q2xm.md")
        #expect(doc.id == "k7q2xm")
        #expect(doc.kind == .task)
        #expect(doc.title == "Backfill orders table")
        #expect(doc.status == .blocked)
        #expect(doc.owner == "tom")
        #expect(doc.created == stamp("2026-11-24T09:14:05+05:30"))
        #expect(doc.updated == stamp("2026-11-24T18:02:11+05:30"))
        #expect(doc.due == LocalDay(string: "2026-11-28"))
        #expect(doc.tags == ["db", "migration"])
        #expect(doc.description == "Copy the old orders into the new schema, in batches of 10k.")
        #expect(doc.log.count == 3)
        #expect(doc.log[1].text == "assigned to tom: migrations done, backfill left")
        #expect(doc.log[2].author == "tom")
        #expect(doc.trailingBody == "")
        #expect(doc.extraFields.isEmpty)
    }

    @Test func rendersTheFormatExampleByteForByte() throws {
        let doc = try TaskDocument.parse(formatExample, path: "tasks/k7q2xm.md")
        #expect(doc.render() == formatExample)
    }

    @Test func roundTripsAFullAsk() throws {
        var doc = TaskDocument(
            id: "p3hd9x", kind: .ask, title: "Can you: review #42?", status: .doing, owner: "tom",
            created: stamp("2026-11-24T09:14:05+05:30"), due: LocalDay(string: "2026-11-30"),
            tags: ["yes", "a b", "1"],
            blockedReason: "waiting: keys", from: "priya", to: "tom", respondBy: stamp("2026-11-25T09:14:05+05:30"),
            extraFields: [YAMLField(key: "estimate", value: .scalar("3", plain: true))],
            description: "Line one\n\n```\n## Log\n```\nLast line", log: [], trailingBody: "Some footnote"
        )
        doc.record("created", by: "priya", at: stamp("2026-11-24T09:14:05+05:30"))
        doc.record("replied: looks good", by: "tom", at: stamp("2026-11-24T10:00:00+01:00"))
        #expect(doc.updated == stamp("2026-11-24T10:00:00+01:00"))
        let text = doc.render()
        let parsed = try TaskDocument.parse(text, path: doc.path)
        #expect(parsed == doc)
        #expect(parsed.render() == text)
        #expect(text.contains("kind: ask\n"))
        #expect(text.contains("title: \"Can you: review #42?\"\n"))
        #expect(text.contains("tags: [\"yes\", a b, \"1\"]\n"))
        let order = [
            "id:", "kind:", "title:", "status:", "owner:", "from:", "to:", "respond_by:", "created:",
            "updated:", "due:", "tags:", "blocked_reason:", "estimate:",
        ]
        let lines = text.split(separator: "\n").map(String.init)
        let positions = order.compactMap { key in lines.firstIndex { $0.hasPrefix(key) } }
        #expect(positions == positions.sorted())
        #expect(positions.count == order.count)
    }

    @Test func keepsUnknownFieldsAndHandWrittenText() throws {
        let text = """
            ---
            id: ab12
            title: "Hand made"
            priority: high
            links:
              - https://example.com/a
            status: todo
            owner: lee
            created: 2026-11-24T09:14:05Z
            ---
            Some description
            ## Log
            - 2026-11-24T09:14:05Z lee: created
            a stray line
            """
        let doc = try TaskDocument.parse(text, path: "tasks/ab12.md")
        #expect(doc.extraFields.map(\.key) == ["priority", "links"])
        #expect(doc.updated == doc.created)
        #expect(doc.trailingBody == "a stray line")
        let rendered = doc.render()
        #expect(rendered.contains("priority: high\nlinks:\n  - https://example.com/a\n---\n"))
        #expect(try TaskDocument.parse(rendered, path: "tasks/ab12.md") == doc)
    }

    @Test func continuationLinesStayUnderTheirEntryThroughARewrite() throws {
        let text = formatExample.replacingOccurrences(
            of: "left\n", with: "left\n  0043-0045 still to do,\n\tsee the runbook\n")
        var doc = try TaskDocument.parse(text, path: "tasks/k7q2xm.md")
        #expect(doc.log.count == 3)
        #expect(doc.log[1].continuation == ["  0043-0045 still to do,", "\tsee the runbook"])
        #expect(doc.trailingBody.isEmpty)
        #expect(doc.render() == text, "a rewrite keeps the entry and its continuation together")
        doc.record("started", by: "tom", at: stamp("2026-11-26T09:00:00+01:00"))
        let rendered = doc.render()
        #expect(rendered.contains("left\n  0043-0045 still to do,\n\tsee the runbook\n- 2026-11-25T10:20:00+01:00 tom"))
        #expect(rendered.hasSuffix("- 2026-11-26T09:00:00+01:00 tom: started\n"))
        #expect(try TaskDocument.parse(rendered, path: "tasks/k7q2xm.md") == doc)
    }

    @Test func aFenceLeftOpenByAHandEditNeverTurnsTheLogIntoDescription() throws {
        // "``` text" cannot close a fence (CommonMark), so this fence stays open to the end.
        let text = formatExample.replacingOccurrences(
            of: "## Log\n", with: "```\n## Log in code\n``` not a closing fence\n\n## Log\n")
        let doc = try TaskDocument.parse(text, path: "tasks/k7q2xm.md")
        #expect(doc.log.count == 3, "the last ## Log heading is the log when a fence hides them all")
        #expect(doc.description.contains("## Log in code"))
        #expect(FenceTracker.logHeadingIndex(["```swift", "## Log", "```", "## Log"]) == 3)
        #expect(FenceTracker.logHeadingIndex(["text", "## log  "]) == 1)
        #expect(FenceTracker.logHeadingIndex(["text"]) == nil)
    }

    @Test func acceptsCRLFAndSimpleVariants() throws {
        let text =
            "---\r\nid: ab12\r\ntitle: x\r\nstatus: DONE\r\nkind: task\r\ncreated: 2026-11-24T09:14:05Z\r\n"
            + "tags: db, ops\r\ndue:\r\n---\r\n\r\nBody\r\n"
        let doc = try TaskDocument.parse(text, path: "tasks/ab12.md")
        #expect(doc.status == .done)
        #expect(doc.tags == ["db", "ops"])
        #expect(doc.due == nil)
        #expect(doc.description == "Body")
        #expect(doc.log.isEmpty)
    }

    @Test(arguments: [
        ("title: x\nstatus: todo\ncreated: 2026-11-24T09:14:05Z\n", "id is missing"),
        ("id: ab\nstatus: todo\ncreated: 2026-11-24T09:14:05Z\n", "title is missing"),
        ("id: ab\ntitle: x\ncreated: 2026-11-24T09:14:05Z\n", "status is missing"),
        ("id: ab\ntitle: x\nstatus: finished\ncreated: 2026-11-24T09:14:05Z\n", "status \"finished\""),
        ("id: ../ab\ntitle: x\nstatus: todo\ncreated: 2026-11-24T09:14:05Z\n", "not a valid id"),
        ("id: ab\ntitle: x\nstatus: todo\n", "created is missing"),
        ("id: ab\ntitle: x\nstatus: todo\ncreated: yesterday\n", "not a timestamp"),
        ("id: ab\ntitle: x\nstatus: todo\ncreated: 2026-11-24T09:14:05Z\ndue: soon\n", "not a day"),
        ("id: ab\ntitle: [x\nstatus: todo\n", "line "),
        ("id: ab\ntitle: x: y\nstatus: todo\n", "line 3"),
        (
            "id: ab\ntitle: x\nstatus: todo\ncreated: 2026-11-24T09:14:05Z\nowner: \"o\\e]0;pwned\\a\"\n",
            "owner \"o]0;pwned\""
        ),
        (
            "id: ab\ntitle: x\nstatus: todo\ncreated: 2026-11-24T09:14:05Z\nkind: ask\nfrom: Priya Sharma\n",
            "from \"Priya"
        ),
        (
            "id: ab\ntitle: x\nstatus: todo\ncreated: 2026-11-24T09:14:05Z\nkind: ask\nto: ../x\n",
            "to \"../x\" is not a handle"
        ),
    ])
    func rejectsBrokenFrontMatter(_ yaml: String, _ expected: String) {
        do {
            _ = try TaskDocument.parse("---\n" + yaml + "---\n", path: "tasks/ab.md")
            Issue.record("expected an error for \(yaml)")
        } catch let ModelError.badFrontMatter(path, detail) {
            #expect(path == "tasks/ab.md")
            #expect(detail.contains(expected), "\(detail)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let text = "\u{FEFF}---\nid: ab12\ntitle: x\nstatus: todo\ncreated: 2026-11-24T09:14:05Z\n---\n\nBody\n"
        let doc = try TaskDocument.parse(text, path: "tasks/ab12.md")
        #expect(doc.id == "ab12" && doc.description == "Body")
    }

    @Test func aHugeFileIsRefusedBeforeParsing() {
        let head = "---\nid: ab12\ntitle: x\nstatus: todo\ncreated: 2026-11-24T09:14:05Z\n---\n\n"
        let huge = head + String(repeating: "- 2026-11-24T09:14:05Z tom: filler\n", count: ModelError.maxFileBytes / 30)
        #expect(throws: ModelError.fileTooLarge(path: "tasks/ab12.md", bytes: huge.utf8.count)) {
            try TaskDocument.parse(huge, path: "tasks/ab12.md")
        }
        #expect(throws: ModelError.self) { try DailyNote.parse(huge, path: "n.md") }
    }

    @Test func missingFrontMatterIsAnError() {
        #expect(throws: ModelError.self) { try TaskDocument.parse("# Just a title\n", path: "tasks/x.md") }
    }
}

@Suite struct LogEntryTests {
    @Test func parsesAndRenders() throws {
        let entry = try #require(LogEntry(line: "- 2026-11-25T10:20:00+01:00 tom: blocked: waiting on API keys"))
        #expect(entry.author == "tom")
        #expect(entry.text == "blocked: waiting on API keys")
        #expect(entry.at == stamp("2026-11-25T10:20:00+01:00"))
        #expect(entry.line == "- 2026-11-25T10:20:00+01:00 tom: blocked: waiting on API keys")
        #expect(LogEntry(line: "- not a log line") == nil)
        #expect(LogEntry(line: "- 2026-11-25T10:20:00+01:00 no colon here") == nil)
        #expect(LogEntry(line: "text 2026-11-25T10:20:00+01:00 tom: x") == nil)
        let multi = LogEntry(at: entry.at, author: "tom", text: "two\nlines")
        #expect(multi.line == "- 2026-11-25T10:20:00+01:00 tom: two lines")
    }

    @Test func statusHelpers() throws {
        #expect(TaskStatus.todo.isOpen && TaskStatus.doing.isOpen && TaskStatus.blocked.isOpen)
        #expect(!TaskStatus.done.isOpen && !TaskStatus.dropped.isOpen)
        #expect(try TaskStatus.parse("Done") == .done)
        #expect(throws: ModelError.badStatus("finished")) { try TaskStatus.parse("finished") }
    }
}
