import Testing

@testable import JournalModel

/// `@handle` mentions: whole handles only, never inside an address, a path or a word.
@Suite struct MentionsTests {
    @Test(arguments: [
        ("thanks @tom", ["tom"]),
        ("@priya, @tom and @priya again", ["priya", "tom"]),
        ("(@lee_2) and @x-y.", ["lee_2", "x-y"]),
        ("ping @tom-", ["tom"]),
        ("@tom: see above", ["tom"]),
    ])
    func findsMentions(_ text: String, _ expected: [String]) {
        #expect(Mentions.handles(in: text) == expected)
    }

    @Test(arguments: [
        "mail tom@example.com", "see a/@tom", "email.@tom", "@Tom", "@tomX", "@tomé", "@", "@@tom", "@-tom",
        "@" + String(repeating: "a", count: 33), "x@tom",
    ])
    func ignoresWhatIsNotAMention(_ text: String) {
        #expect(Mentions.handles(in: text).isEmpty, "\(text)")
    }

    @Test func mentionsOneHandle() {
        #expect(Mentions.mentions("waiting for @alice", handle: "alice"))
        #expect(!Mentions.mentions("waiting for @alicia", handle: "alice"))
        #expect(!Mentions.mentions("waiting for alice", handle: "alice"))
    }
}
