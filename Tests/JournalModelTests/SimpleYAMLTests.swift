import TestSupport
import Testing

@testable import JournalModel

@Suite struct SimpleYAMLTests {
    @Test func readsWhatBatonWrites() throws {
        let yaml = """
            id: T-0042
            kind: task
            title: "Fix: the login page"
            status: doing
            owner: priya
            created: 2026-11-24T09:14:05+05:30
            due:
            tags: [db, big data]
            empty: []
            note: ~

            """
        let fields = try #require(SimpleYAML.parse(yaml))
        #expect(fields == (try YAMLFields.parseComposing(yaml)))
        #expect(
            fields.map(\.key) == ["id", "kind", "title", "status", "owner", "created", "due", "tags", "empty", "note"])
        #expect(fields[2].value == .scalar("Fix: the login page", plain: false))
        #expect(fields[7].value == .list([.scalar("db", plain: true), .scalar("big data", plain: true)], flow: true))
    }

    @Test func readsBatonYmlWithComments() throws {
        let yaml = """
            # the team's settings
            team: Relay                 # team name, shown in views
            timezone: Europe/Berlin
            workdays: [mon, tue, wed]   # "yesterday" skips the other days
            title: "a # b"  # quoted
            due: # none yet
            url: http://x#y
            spaced:   two spaces  

            """
        let fields = try #require(SimpleYAML.parse(yaml))
        #expect(fields == (try YAMLFields.parseComposing(yaml)))
        #expect(fields.first?.value == .scalar("Relay", plain: true))
        #expect(fields.count == 7)
        #expect(fields.last?.value == .scalar("two spaces", plain: true))
    }

    @Test func leavesEverythingElseToYams() {
        let others = [
            "a: 1\na: 2\n", "a:\n  b: 1\n", "  # indented comment\na: 1\n", "a: \"x\"# tight\n", "a:\n- x\n",
            "a: 'q'\n",
            "a: \"x\\ty\"\n", "a: |\n  text\n", "a\t: x\n", "- a\n", "a: [x,y]\n",
            "a: [x, [y]]\n", "a: &anchor x\n", "a: *ref\n", "a: !tag x\n", "a: {b: 1}\n", "a: x: y\n", "---\na: 1\n",
            "a: \u{85}\n", "a: \u{202E}x\n", "key : v\n", "a: -1\n", "a: \"x\" y\n",
        ]
        for yaml in others { #expect(SimpleYAML.parse(yaml) == nil, "\(yaml.debugDescription)") }
    }

    /// Whatever the fast path accepts, it reads exactly as Yams does.
    @Test func agreesWithYamsOnRandomFrontMatter() throws {
        let pieces = [
            "a", "Z", "0", "7", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", ",", ", ", "[", "]", "{", "}", "'",
            "\"",
            "\\", "&", "*", "!", "|", ">", "%", "@", "`", "\t", "ü", "✓", "yes", "null", "~", "1.5", "---", "...",
            "\u{7F}",
            "\u{85}", "\u{A0}", "\u{FFFE}", "e", "x", "true", "0x1", "<<", "=", "//", "http://a", "2026-11-24",
            "+05:30",
        ]
        let keys = ["id", "title", "due", "tags", "x-y", "_k", "9", "a b", "", "-k", "k:"]
        var rng = SplitMix64(seed: 2026)
        var accepted = 0
        for _ in 0..<4000 {
            var yaml = ""
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                let value = (0..<Int.random(in: 0...5, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                    .joined()
                let key = keys.randomElement(using: &rng)!
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: yaml += "\(key): \"\(value)\"\n"
                case 1: yaml += "\(key): [\(value), \(value)]\n"
                default: yaml += value.isEmpty ? "\(key):\n" : "\(key): \(value)\n"
                }
            }
            guard let fast = SimpleYAML.parse(yaml) else { continue }
            accepted += 1
            let slow = try? YAMLFields.parseComposing(yaml)
            #expect(slow == fast, "\(yaml.debugDescription)")
        }
        #expect(accepted > 500)
    }
}

/// The front matter split as it was first written (by lines), the reference for the byte scanner.
private func referenceSplit(_ text: String) -> (yaml: String?, body: String) {
    let lines = TextLines(text)
    guard let index = FrontMatter.closingLineIndex(lines.lines) else { return (nil, text) }
    let yaml = lines.lines[1..<index].map { $0.stripCR() + "\n" }.joined()
    let rest = Array(lines.lines[(index + 1)...])
    var body = rest.joined(separator: "\n")
    if lines.endsWithNewline, !rest.isEmpty { body += "\n" }
    return (yaml, body)
}

@Suite struct FrontMatterScanTests {
    @Test func byteScannerSplitsAsTheLineSplitterDid() {
        let pieces = [
            "---", "...", "--- ", "---\t", "--", "----", "\n", "\r\n", "\r", "a: 1", "x", " ", "é", "# h", "",
        ]
        var rng = SplitMix64(seed: 99)
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...9, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let fast = FrontMatter.split(text)
            let slow = referenceSplit(text)
            #expect(fast.yaml == slow.yaml && fast.body == slow.body, "\(text.debugDescription)")
        }
    }
}
