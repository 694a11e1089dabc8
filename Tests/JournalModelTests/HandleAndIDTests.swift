import Testing

@testable import JournalModel

@Suite struct HandleTests {
    @Test(arguments: ["priya", "tom", "a", "lee_2", "x-y", "0abc", String(repeating: "a", count: 32)])
    func acceptsValidHandles(_ raw: String) throws {
        #expect(try Handle(raw).value == raw)
    }

    @Test(arguments: [
        "", "-tom", "_x", "a/b", "..", "a.b", "tö", "a b", "tab\t", String(repeating: "a", count: 33), "x\ny",
    ])
    func rejectsInvalidHandles(_ raw: String) {
        #expect(throws: ModelError.badHandle(raw)) { try Handle(raw) }
    }

    @Test func upperCaseIsRejectedWithASuggestion() {
        #expect(throws: ModelError.badHandle("Priya")) { try Handle("Priya") }
        let message = ModelError.badHandle("Priya").errorDescription ?? ""
        #expect(message.contains("\"priya\""))
    }

    @Test func comparesAndPrintsByValue() throws {
        #expect(try Handle("ann") < Handle("bob"))
        #expect(try Handle("tom").description == "tom")
    }
}

@Suite struct TaskIDTests {
    @Test func generatesSixCharactersFromTheAlphabet() {
        for _ in 0..<200 {
            let id = TaskID.generate(avoiding: [])
            #expect(id.count == 6)
            #expect(id.allSatisfy { TaskID.alphabet.contains($0) })
            #expect(TaskID.isValid(id))
        }
    }

    @Test func avoidsExistingIDs() {
        let taken = Set((0..<1000).map { _ in TaskID.generate(avoiding: []) })
        for _ in 0..<100 { #expect(!taken.contains(TaskID.generate(avoiding: taken))) }
    }

    @Test func validatesSyntax() {
        #expect(TaskID.isValid("k7q2xm"))
        #expect(TaskID.isValid("k"))
        #expect(TaskID.isValid("my-task_1"))
        #expect(!TaskID.isValid(""))
        #expect(!TaskID.isValid("../x"))
        #expect(!TaskID.isValid("a/b"))
        #expect(!TaskID.isValid("K7Q"))
        #expect(!TaskID.isValid(String(repeating: "a", count: 41)))
    }

    @Test func resolvesPrefixes() throws {
        let ids = ["k7q2xm", "k7r3ab", "p3hd9x", "p3"]
        #expect(try TaskID.resolve(prefix: "k7q", among: ids) == "k7q2xm")
        #expect(try TaskID.resolve(prefix: "k7q2xm", among: ids) == "k7q2xm")
        #expect(try TaskID.resolve(prefix: "p3", among: ids) == "p3")  // exact match wins
        #expect(try TaskID.resolve(prefix: "p3h", among: ids) == "p3hd9x")
        #expect(throws: ModelError.ambiguousID(prefix: "k7", candidates: ["k7q2xm", "k7r3ab"])) {
            try TaskID.resolve(prefix: "k7", among: ids)
        }
        #expect(throws: ModelError.unknownID("zz")) { try TaskID.resolve(prefix: "zz", among: ids) }
        #expect(throws: ModelError.badID("../k7")) { try TaskID.resolve(prefix: "../k7", among: ids) }
    }
}

@Suite struct TextSafetyTests {
    @Test func detectsUnsafeLines() {
        #expect(TextSafety.isSafeLine("Backfill orders\ttable"))
        #expect(!TextSafety.isSafeLine("two\nlines"))
        #expect(!TextSafety.isSafeLine("bell\u{07}"))
        #expect(!TextSafety.isSafeLine("escape \u{1B}[31m"))
        #expect(!TextSafety.isSafeLine("reversed \u{202E}txt"))
    }

    @Test func makesOneLine() {
        #expect(TextSafety.singleLine("  two\r\nlines\n") == "two lines")
        #expect(TextSafety.singleLine("a\u{1B}[31mb\tc") == "a[31mb\tc")
        #expect(TextSafety.singleLine("ünïcode ✓") == "ünïcode ✓")
    }
}

@Suite struct ModelErrorTests {
    @Test func messagesSayWhatToDo() {
        let cases: [ModelError] = [
            .badHandle("a/b"), .badID("x/"), .unknownID("zz"), .ambiguousID(prefix: "k", candidates: ["k1", "k2"]),
            .badDate("someday"), .badDuration("soon"), .badConfig("line 1: x"),
            .badFrontMatter(path: "tasks/x.md", detail: "line 3: y"), .badTemplate("task.md", "z"),
            .badStatus("finished"),
            .badWeekday("funday"),
        ]
        for error in cases {
            let message = error.errorDescription ?? ""
            #expect(!message.isEmpty)
            #expect(!message.contains("\n"))
        }
        let frontMatter = ModelError.badFrontMatter(path: "tasks/x.md", detail: "line 3: bad").errorDescription ?? ""
        #expect(frontMatter.contains("tasks/x.md: the front matter cannot be read (line 3: bad)"))
        #expect(frontMatter.contains("git checkout -- tasks/x.md"))
        #expect((ModelError.badDate("x").errorDescription ?? "").contains("YYYY-MM-DD"))
        #expect((ModelError.badStatus("x").errorDescription ?? "").contains("todo, doing, blocked, done, dropped"))
    }
}
