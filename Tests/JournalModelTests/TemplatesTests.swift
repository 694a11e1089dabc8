import Foundation
import Testing

@testable import JournalModel

private func stamp(_ s: String) -> Timestamp {
    guard let t = Timestamp(iso: s) else { fatalError("bad test timestamp \(s)") }
    return t
}

@Suite struct TemplatesTests {
    let builtin = Templates()

    @Test func projectTemplateFilesMatchTheEmbeddedCopies() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
            .sorted()
        #expect(names == ["ask.md", "daily.md", "task.md"], "no template that no command uses")
        for name in names {
            let file = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(BuiltinTemplates.text(named: name) == file, "templates/\(name) differs from BuiltinTemplates")
        }
    }

    @Test func dailyNoteSkeleton() throws {
        let text = try builtin.dailyNote(
            author: Handle("priya"), day: #require(LocalDay(string: "2026-11-24")), offset: "+05:30")
        #expect(
            text == """
                ---
                author: priya
                date: 2026-11-24
                utc_offset: "+05:30"
                ---

                ## Yesterday

                ## Today

                ## Blockers

                """)
    }

    @Test func taskTemplateGivesTheFormatLayout() throws {
        let text = try builtin.task(
            id: "k7q2xm", title: "Backfill orders table", owner: Handle("tom"), author: Handle("priya"),
            created: stamp("2026-11-24T09:14:05+05:30"), due: LocalDay(string: "2026-11-28"),
            tags: ["db", "migration"],
            description: "Copy the old orders into the new schema, in batches of 10k."
        )
        #expect(
            text == """
                ---
                id: k7q2xm
                title: Backfill orders table
                status: todo
                owner: tom
                created: 2026-11-24T09:14:05+05:30
                updated: 2026-11-24T09:14:05+05:30
                due: 2026-11-28
                tags: [db, migration]
                ---

                Copy the old orders into the new schema, in batches of 10k.

                ## Log

                - 2026-11-24T09:14:05+05:30 priya: created

                """)
        let doc = try TaskDocument.parse(text, path: "tasks/k7q2xm.md")
        #expect(doc.render() == text)
    }

    @Test func taskTemplateQuotesAndCleansTheTitle() throws {
        let text = try builtin.task(
            id: "234567", title: "Fix: <b>&amp; \"quotes\"\n# not a heading", owner: Handle("tom"),
            author: Handle("tom"),
            created: stamp("2026-11-24T09:14:05Z")
        )
        let doc = try TaskDocument.parse(text, path: "tasks/234567.md")
        #expect(doc.id == "234567")
        #expect(doc.title == "Fix: <b>&amp; \"quotes\" # not a heading")
        #expect(doc.due == nil && doc.tags.isEmpty && doc.description.isEmpty)
        #expect(doc.render() == text)
    }

    @Test func askTemplate() throws {
        let text = try builtin.ask(
            id: "p3hd9x", from: Handle("priya"), to: Handle("tom"),
            text: "Can you share the API keys?\nThe staging ones.", created: stamp("2026-11-24T09:14:05+05:30"),
            respondBy: stamp("2026-11-25T09:14:05+05:30")
        )
        let doc = try TaskDocument.parse(text, path: "tasks/p3hd9x.md")
        #expect(doc.kind == .ask)
        #expect(doc.title == "Can you share the API keys?")
        #expect(doc.owner == "tom" && doc.from == "priya" && doc.to == "tom")
        #expect(doc.respondBy == stamp("2026-11-25T09:14:05+05:30"))
        #expect(doc.description == "Can you share the API keys?\nThe staging ones.")
        #expect(doc.log.map(\.line) == ["- 2026-11-24T09:14:05+05:30 priya: created"])
        #expect(doc.render() == text)
    }

    @Test func listsRenderInAJournalsOwnTemplate() throws {
        let weekly = """
            # {{team}}: week {{from}} to {{to}}

            {{#people}}
            ## {{handle}}

            {{#done}}
            - done {{id}}: {{title}}
            {{/done}}
            {{/people}}
            {{^blocked}}
            Nothing is blocked.
            {{/blocked}}
            """
        let text = try Templates(overrides: { $0 == "weekly.md" ? weekly : nil }).render(
            "weekly.md",
            [
                "team": "Relay", "from": "2026-11-16", "to": "2026-11-22", "generated": "2026-11-23T08:00:00-08:00",
                "people": [
                    [
                        "handle": "priya", "done": [["id": "k7q2xm", "title": "Backfill & <more>"]],
                        "notes": [[String: Any]](),
                    ]
                ],
                "blocked": [[String: Any]](), "overdue": [[String: Any]](), "late_asks": [[String: Any]](),
            ])
        #expect(
            text.hasPrefix("# Relay: week 2026-11-16 to 2026-11-22\n\n## priya\n\n- done k7q2xm: Backfill & <more>\n"))
        #expect(text.contains("Nothing is blocked."))
    }

    @Test func journalOverridesWinAndBrokenOnesAreReported() throws {
        let files = [
            "daily.md": "---\nauthor: {{author}}\ndate: {{date}}\n---\n\n# {{author}} & co\n\n## Today\n",
            "task.md": "---\ntitle: {{title}}\n---\n",
            "ask.md": "{{#unclosed}}",
        ]
        let templates = Templates(overrides: { files[$0] })
        let day = try #require(LocalDay(string: "2026-11-24"))
        #expect(
            try templates.dailyNote(author: Handle("lee"), day: day, offset: "+00:00")
                == "---\nauthor: lee\ndate: 2026-11-24\n---\n\n# lee & co\n\n## Today\n")
        do {
            _ = try templates.task(
                id: "ab", title: "x", owner: Handle("lee"), author: Handle("lee"),
                created: stamp("2026-11-24T09:14:05Z"))
            Issue.record("expected badTemplate")
        } catch let ModelError.badTemplate(name, _) {
            #expect(name == "task.md")
        }
        do {
            _ = try templates.ask(
                id: "ab", from: Handle("lee"), to: Handle("tom"), text: "q",
                created: stamp("2026-11-24T09:14:05Z"), respondBy: stamp("2026-11-25T09:14:05Z"))
            Issue.record("expected badTemplate")
        } catch let ModelError.badTemplate(name, _) {
            #expect(name == "ask.md")
        }
        // There is no built-in weekly.md: no command writes a weekly note.
        #expect(throws: ModelError.badTemplate("weekly.md", "there is no such template")) {
            try templates.templateText("weekly.md")
        }
        #expect(throws: ModelError.badTemplate("nope.md", "there is no such template")) {
            try templates.templateText("nope.md")
        }
    }
}
