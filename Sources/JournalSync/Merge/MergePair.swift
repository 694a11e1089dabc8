extension JournalMerge {
    /// The authors of the two sides, in the merge's canonical order.
    struct MergeAuthors: Sendable, Equatable {
        var first: String
        var second: String
    }

    /// The two changed sides of a merge in canonical order: by author, then by text.
    ///
    /// Every strategy works on `first` and `second` only, never on "ours" and "theirs", so
    /// swapping the sides cannot change the merged content.
    struct MergePair: Sendable {
        var first: String
        var second: String
        var authors: MergeAuthors

        init(_ a: (text: String, author: String), _ b: (text: String, author: String)) {
            let aFirst = (a.author, a.text) <= (b.author, b.text)
            let (x, y) = aFirst ? (a, b) : (b, a)
            first = x.text
            second = y.text
            authors = MergeAuthors(first: x.author, second: y.author)
        }
    }
}
