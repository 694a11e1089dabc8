import Testing

@testable import JournalSync

/// Helpers shared by the merge tests.
enum MergeTestSupport {
    /// Merges with ours by `oursAuthor` and theirs by `theirsAuthor`.
    static func merge(
        _ path: String, base: String?, ours: String?, oursAuthor: String = "priya",
        theirs: String?, theirsAuthor: String = "tom"
    ) -> MergeResult {
        JournalMerge.merge(
            path: path, base: base,
            ours: MergeSide(text: ours, author: oursAuthor),
            theirs: MergeSide(text: theirs, author: theirsAuthor))
    }

    /// Merges both ways round, expects the same content and collision count, returns it.
    static func symmetricMerge(
        _ path: String, base: String?, _ a: String?, by aAuthor: String = "priya",
        _ b: String?, by bAuthor: String = "tom",
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> MergeResult {
        let one = merge(path, base: base, ours: a, oursAuthor: aAuthor, theirs: b, theirsAuthor: bAuthor)
        let two = merge(path, base: base, ours: b, oursAuthor: bAuthor, theirs: a, theirsAuthor: aAuthor)
        #expect(one.outcome == two.outcome, "merge is not symmetric", sourceLocation: sourceLocation)
        #expect(one.collisions == two.collisions, sourceLocation: sourceLocation)
        if case .content(let text) = one.outcome {
            #expect(!hasMarkers(text), "conflict markers in output", sourceLocation: sourceLocation)
            #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"), sourceLocation: sourceLocation)
        }
        return one
    }

    /// The merged text, or nil when the outcome is `.deleted`.
    static func content(_ result: MergeResult) -> String? {
        if case .content(let text) = result.outcome { return text }
        return nil
    }

    /// Whether `text` holds a git conflict marker line.
    static func hasMarkers(_ text: String) -> Bool {
        text.split(separator: "\n", omittingEmptySubsequences: false).contains {
            $0.hasPrefix("<<<<<<<") || $0.hasPrefix(">>>>>>>") || $0 == "======="
        }
    }

    /// The lines of `text`.
    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
