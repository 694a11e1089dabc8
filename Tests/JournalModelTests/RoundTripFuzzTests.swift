import TestSupport
import Testing

@testable import JournalModel

private let pieces: [String] = [
    "a", "Z", "0", "7", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", ",", "[", "]", "{", "}", "'", "\"", "\\",
    "&", "*", "!", "|", ">", "%", "@", "`", "\t", "\n", "\r\n", "ü", "✓", "yes", "null", "~", "1.5", "---", "...",
    "\u{1B}", "\u{7F}", "\u{85}", "\u{2028}", "e", "x", "true", "0x1", "<<", "=", "//", "http://a",
]

@Suite struct RoundTripFuzzTests {
    @Test func randomStringsSurviveYAML() throws {
        var rng = SplitMix64(seed: 4242)
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }
                .joined()
            let fields = [
                YAMLField(key: "title", value: .string(text)),
                YAMLField(key: "tags", value: .list([.string(text), .string("x")], flow: true)),
            ]
            let rendered = YAMLFields.render(fields)
            let parsed = try YAMLFields.parse(rendered)
            #expect(parsed.first?.value.text == text, "\(rendered)")
            #expect(YAMLFields.render(parsed) == rendered)
        }
    }

    @Test func randomTaskDocumentsRoundTrip() throws {
        var rng = SplitMix64(seed: 77)
        let created = try #require(Timestamp(iso: "2026-11-24T09:14:05+05:30"))
        for round in 0..<1500 {
            func word() -> String {
                TextSafety.singleLine(
                    (0..<Int.random(in: 1...5, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }
                        .joined())
            }
            var title = word()
            if title.isEmpty { title = "t" }
            var doc = TaskDocument(
                id: TaskID.generate(avoiding: []), title: title, owner: "tom", created: created,
                tags: [word(), word()].filter { !$0.isEmpty }, blockedReason: round % 2 == 0 ? word() : nil,
                description: round % 3 == 0 ? "Some *text*\n\nmore" : ""
            )
            doc.record(word(), by: "priya", at: created)
            let text = doc.render()
            guard let parsed = try? TaskDocument.parse(text, path: doc.path) else {
                Issue.record("cannot parse \(text)")
                return
            }
            #expect(parsed == doc, "\(text)")
            #expect(parsed.render() == text)
        }
    }
}
