import Foundation
import TestSupport
import Testing

@testable import JournalModel

/// Whole words in any case, every word on the line; the byte prefilter never drops a line that matches.
@Suite("Search terms")
struct SearchTermsTests {
    static func found(_ words: [String], _ line: String) -> [String]? {
        SearchTerms(words).matches(in: line).map { $0.map { String(line[$0]) } }
    }

    @Test("whole words, any case, any order; every word must be on the line")
    func wholeWords() {
        #expect(Self.found(["retry", "runbook"], "Wrote the RUNBOOK for Retry") == ["RUNBOOK", "Retry"])
        #expect(Self.found(["retry"], "retrying the job") == nil)
        #expect(Self.found(["retry"], "the auto_retry flag") == nil, "_ is part of a word")
        #expect(Self.found(["retry"], "(retry), retry-loop") == ["retry", "retry"])
        #expect(Self.found(["retry", "runbook"], "only the retry") == nil)
        #expect(Self.found(["retry runbook"], "runbook: retry") == ["runbook", "retry"], "one argument, two words")
        #expect(Self.found(["#42"], "fixed #42 today") == ["#42"])
        #expect(Self.found(["café"], "au CAFÉ ce matin") == ["CAFÉ"])
        #expect(Self.found(["key"], "the \u{212A}ey") == nil, "an ASCII letter matches only ASCII letters")
        #expect(SearchTerms(["  ", ""]).isEmpty)
    }

    @Test(
        "mayMatch is false only for bytes that hold no match",
        arguments: [
            "retry RUNBOOK", "no match here", "Retry\nrunbook", "RETRY", "runbook", "café retry runbook",
        ])
    func prefilter(text: String) {
        let terms = SearchTerms(["retry", "runbook"])
        let anyLine = text.split(separator: "\n").contains { terms.matches(in: String($0)) != nil }
        if anyLine { #expect(terms.mayMatch(Array(text.utf8))) }
        #expect(
            terms.mayMatch(Array(text.utf8))
                == (text.lowercased().contains("retry") && text.lowercased().contains("runbook")))
    }

    @Test("hits of a note: body lines only, continuation lines dated by their bullet")
    func noteHits() throws {
        let text = """
            ---
            author: retry
            date: 2026-11-24
            utc_offset: "+01:00"
            ---

            ## Today

            - 09:14 retry the job
              then retry again
            - 11:00 nothing
            free text with retry
            """
        let day = LocalDay(string: "2026-11-24")!
        let hits = try SearchTerms(["retry"]).hits(
            inNote: text, path: "notes/priya/2026/2026-11-24.md", author: "priya", day: day, clock: AuthorClock())
        #expect(hits.map(\.line) == ["09:14 retry the job", "then retry again", "free text with retry"])
        let bullet = Timestamp(iso: "2026-11-24T09:14:00+01:00")!.date
        #expect(hits[0].at == bullet && hits[1].at == bullet)
        #expect(hits[2].at == Timestamp(iso: "2026-11-24T00:00:00+01:00")!.date)
        #expect(hits.allSatisfy { $0.author == "priya" && $0.day == day && $0.kind == .note })
    }

    @Test("the byte path for ASCII lines finds what the character path finds")
    func asciiPathAgreesWithCharacters() {
        let seed = UInt64(ProcessInfo.processInfo.environment["BATON_SEARCH_SEED"] ?? "") ?? 13
        var random = SplitMix64(seed: seed)
        let pieces = ["retry", "Retry", "BUG", "bug", "bugs", "_", "-", " ", "x", "1", "re", "try", ".", "#"]
        let terms = [SearchTerms(["retry", "bug"]), SearchTerms(["bug"]), SearchTerms(["re-try"])]
        for _ in 0..<2_000 {
            let line = (0..<random.below(13)).map { _ in random.pick(pieces) }.joined()
            for term in terms {
                #expect(
                    term.matches(in: line) == term.characterMatches(in: line), "\(term.words) in \(line) (seed \(seed))"
                )
            }
        }
    }
}
