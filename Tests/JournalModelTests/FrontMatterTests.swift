import Testing

@testable import JournalModel

@Suite struct FrontMatterSplitTests {
    @Test func splitsYAMLAndBody() {
        let (yaml, body) = FrontMatter.split("---\nid: x\ntitle: y\n---\n\nBody\n")
        #expect(yaml == "id: x\ntitle: y\n")
        #expect(body == "\nBody\n")
    }

    @Test func toleratesCRLFAndMissingFinalNewline() {
        let (yaml, body) = FrontMatter.split("---\r\nid: x\r\n---\r\nBody\r\nmore")
        #expect(yaml == "id: x\n")
        #expect(body == "Body\r\nmore")
        let (yaml2, body2) = FrontMatter.split("---\nid: x\n---")
        #expect(yaml2 == "id: x\n")
        #expect(body2 == "")
    }

    @Test func noFrontMatter() {
        #expect(FrontMatter.split("# Title\n---\n").yaml == nil)
        #expect(FrontMatter.split("---\nid: x\nnever closed\n").yaml == nil)
        #expect(FrontMatter.split("").yaml == nil)
        #expect(FrontMatter.split("").body == "")
    }

    @Test func emptyFrontMatter() {
        let (yaml, body) = FrontMatter.split("---\n---\nx\n")
        #expect(yaml == "")
        #expect(body == "x\n")
    }
}

@Suite struct YAMLFieldsTests {
    @Test func keepsOrderAndQuotingOfUnknownFields() throws {
        let yaml = """
            zeta: 1
            alpha: "1"
            empty:
            flag: yes
            list: [b, a]
            nested:
              inner: value
              deeper:
                - one
                - two
            objects:
              - name: a
                size: 2
              - name: b
            """
        let fields = try YAMLFields.parse(yaml)
        #expect(fields.map(\.key) == ["zeta", "alpha", "empty", "flag", "list", "nested", "objects"])
        #expect(fields[0].value == .scalar("1", plain: true))
        #expect(fields[1].value == .scalar("1", plain: false))
        #expect(fields[2].value.isNull)
        let rendered = YAMLFields.render(fields)
        #expect(
            rendered == """
                zeta: 1
                alpha: "1"
                empty:
                flag: yes
                list: [b, a]
                nested:
                  inner: value
                  deeper:
                    - one
                    - two
                objects:
                  - name: a
                    size: 2
                  - name: b

                """)
        #expect(try YAMLFields.render(YAMLFields.parse(rendered)) == rendered)
        #expect(try YAMLFields.parse(rendered) == fields)
    }

    @Test(arguments: [
        "plain words", "Fix: the parser", "# not a comment", "C# rocks", "a #hash", "yes", "No", "null", "~", "123",
        "1.5", "0x1F", "2026-11-24", "- dash", "[bracket]", "{brace}", "a, b", "'single'", "\"double\"", "  padded  ",
        "back\\slash", "tab\there", "line\nbreak", "ünïcode ✓", "", "ends with colon:", "@at", "%percent", "*star",
        "&amp", "!bang", "|pipe", ">gt", "?q", ":colon", "`tick", "---", "...", "a: b", "true", "on", "-", "<<",
    ])
    func stringsRoundTrip(_ text: String) throws {
        let fields = [YAMLField(key: "title", value: .string(text))]
        let rendered = YAMLFields.render(fields)
        let parsed = try YAMLFields.parse(rendered)
        #expect(parsed.first?.value.text == text, "\(rendered)")
        #expect(YAMLFields.render(parsed) == rendered)
    }

    @Test func plainWhenSafe() {
        #expect(YAMLScalar.render("Backfill orders table") == "Backfill orders table")
        #expect(YAMLScalar.render("Fix: parser") == "\"Fix: parser\"")
        #expect(YAMLScalar.render("yes") == "\"yes\"")
        #expect(YAMLScalar.render("42") == "\"42\"")
    }

    @Test func syntaxErrorsNameTheLine() {
        do {
            _ = try YAMLFields.parse("id: x\ntitle: [unclosed\nstatus: todo\n", firstLine: 2)
            Issue.record("expected an error")
        } catch let error as YAMLFieldsError {
            #expect(error.detail.hasPrefix("line "))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: YAMLFieldsError.self) { try YAMLFields.parse("- a\n- b\n") }
        #expect(throws: YAMLFieldsError.self) { try YAMLFields.parse("a: 1\na: 2\n") }
    }
}

@Suite struct SalvagedTitleTests {
    @Test func aFileWithABadFieldStillGivesItsTitle() {
        let text = "---\nid: k7q2xm\ntitle: \"Staging: deploy\"\nstatus: blokced\n---\n\n## Log\n"
        #expect(TaskDocument.salvagedTitle(from: text) == "Staging: deploy")
        #expect(TaskDocument.salvagedTitle(from: "---\nid: k7q2xm\nstatus: todo\n---\n") == nil)
        #expect(TaskDocument.salvagedTitle(from: "no front matter\ntitle: x\n") == nil)
        #expect(TaskDocument.salvagedTitle(from: "---\ntitle: \"\u{1B}[31mred\"\n---\n")?.contains("\u{1B}") != true)
    }
}
