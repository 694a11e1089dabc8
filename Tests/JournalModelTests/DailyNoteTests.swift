import Testing

@testable import JournalModel

private let example = """
    ---
    author: priya
    date: 2026-11-24
    utc_offset: "+05:30"
    ---

    ## Yesterday

    - 18:40 reviewed Tom's migration PR

    ## Today

    - 09:14 backfill script for orders
    - 11:02 paired with Lee on the retry bug

    ## Blockers

    - 11:30 staging database is read-only

    """

private let skeleton = """
    ---
    author: priya
    date: 2026-11-24
    utc_offset: "+05:30"
    ---

    ## Yesterday

    ## Today

    ## Blockers

    """

private func at(_ hhmm: String) -> Timestamp {
    guard let t = Timestamp(iso: "2026-11-24T\(hhmm):00+05:30") else { fatalError("bad time") }
    return t
}

@Suite struct DailyNoteTests {
    @Test func readsTheFormatExample() throws {
        let note = try DailyNote.parse(example, path: "notes/priya/2026/2026-11-24.md")
        #expect(note.author == "priya")
        #expect(note.date == LocalDay(string: "2026-11-24"))
        #expect(note.utcOffset == "+05:30")
        #expect(note.bullets(in: .yesterday) == ["18:40 reviewed Tom's migration PR"])
        #expect(
            note.bullets(in: .today) == ["09:14 backfill script for orders", "11:02 paired with Lee on the retry bug"])
        #expect(note.entries(in: .blockers) == [NoteBullet(time: "11:30", text: "staging database is read-only")])
        #expect(note.render() == example)
    }

    @Test func buildsTheFormatExampleFromTheSkeleton() throws {
        var note = try DailyNote.parse(skeleton, path: "n.md")
        note.append("reviewed Tom's migration PR", to: .yesterday, at: at("18:40"))
        note.append("backfill script for orders", to: .today, at: at("09:14"))
        note.append("paired with Lee on the retry bug", to: .today, at: at("11:02"))
        note.append("staging database is read-only", to: .blockers, at: at("11:30"))
        #expect(note.render() == example)
    }

    @Test func appendKeepsHandWrittenContent() throws {
        let text = """
            ---
            author: lee
            date: 2026-11-24
            ---
            Intro paragraph, kept.

            ## Today
            - 09:00 first
              continued here
            Some prose under today.
            ```
            ## Blockers
            ```

            ## Notes
            free text
            """
        var note = try DailyNote.parse(text, path: "n.md")
        #expect(note.bullets(in: .today) == ["09:00 first\ncontinued here"])
        #expect(note.bullets(in: .blockers).isEmpty)
        note.append("second\nwith detail", to: .today, at: at("10:15"))
        note.append("waiting on keys", to: .blockers, at: at("10:20"))
        note.append("shipped it", to: .yesterday, at: at("10:30"))
        let expected = """
            ---
            author: lee
            date: 2026-11-24
            ---
            Intro paragraph, kept.

            ## Yesterday

            - 10:30 shipped it

            ## Today
            - 09:00 first
              continued here
            Some prose under today.
            ```
            ## Blockers
            ```
            - 10:15 second
              with detail

            ## Notes
            free text

            ## Blockers

            - 10:20 waiting on keys

            """
        #expect(note.render() == expected)
        #expect(note.bullets(in: .today).last == "10:15 second\nwith detail")
        #expect(try DailyNote.parse(note.render(), path: "n.md").bullets(in: .blockers) == ["10:20 waiting on keys"])
    }

    @Test func crlfFilesStayCRLF() throws {
        let text = "---\r\nauthor: tom\r\n---\r\n\r\n## Today\r\n\r\n- 08:00 a\r\n\r\n## Blockers\r\n"
        var note = try DailyNote.parse(text, path: "n.md")
        note.append("b", to: .today, at: at("09:00"))
        #expect(
            note.render()
                == "---\r\nauthor: tom\r\n---\r\n\r\n## Today\r\n\r\n- 08:00 a\r\n- 09:00 b\r\n\r\n## Blockers\r\n")
        #expect(note.bullets(in: .today) == ["08:00 a", "09:00 b"])
    }

    @Test func worksWithoutFrontMatterOrFinalNewline() throws {
        var note = try DailyNote.parse("## Today\n- 08:00 a", path: "n.md")
        #expect(note.author == nil)
        note.append("b", to: .today, at: at("09:00"))
        #expect(note.render() == "## Today\n- 08:00 a\n- 09:00 b\n")
        var empty = try DailyNote.parse("", path: "n.md")
        empty.append("hello", to: .today, at: at("07:05"))
        #expect(empty.render() == "## Today\n\n- 07:05 hello\n")
    }

    @Test func controlCharactersAreRemovedFromBullets() throws {
        var note = try DailyNote.parse(skeleton, path: "n.md")
        note.append("evil\u{1B}[2J text\n\n  indented", to: .today, at: at("09:00"))
        #expect(note.bullets(in: .today) == ["09:00 evil[2J text\nindented"])
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        var note = try DailyNote.parse("\u{FEFF}---\nauthor: tom\n---\n\n## Today\n\n- 08:00 a\n", path: "n.md")
        #expect(note.author == "tom")
        note.append("b", to: .today, at: at("09:00"))
        #expect(note.render() == "\u{FEFF}---\nauthor: tom\n---\n\n## Today\n\n- 08:00 a\n- 09:00 b\n")
    }

    @Test func brokenFrontMatterIsReported() {
        #expect(throws: ModelError.self) { try DailyNote.parse("---\nauthor: [x\n---\n", path: "n.md") }
    }

    @Test func sectionHeadings() {
        #expect(NoteSection.allCases.map(\.headingLine) == ["## Yesterday", "## Today", "## Blockers"])
    }
}
