extension JournalMerge {
    /// Strategy for any file: line-wise diff3 where collisions keep both versions, attributed.
    enum PlainTextMerge {
        /// Merges the lines of a whole file (or of one part of a structured file).
        static func merge(
            base: [String], first: [String], second: [String], authors: MergeAuthors,
            style: CollisionFormat.Style = .markdown
        ) -> Resolution<String> {
            ThreeWayMerge.merge(
                base: base, first: first, second: second,
                resolver: resolver(authors: authors, style: style))
        }

        /// Insertions at the same point are united (shared lines once); true collisions keep
        /// both versions in a `CollisionFormat` block.
        static func resolver(
            authors: MergeAuthors,
            style: CollisionFormat.Style = .markdown
        ) -> ConflictResolver<String> {
            ConflictResolver(
                insertions: { first, second in
                    Resolution(elements: SequenceUnion.union(first, second), collisions: 0)
                },
                collision: { _, first, second in
                    keepBoth(first, second, authors: authors, style: style)
                }
            )
        }

        /// Both versions, with their common first and last lines written once. When one version
        /// holds nothing beyond what they share, the other one is kept alone: no word is lost.
        static func keepBoth(
            _ first: [String], _ second: [String], authors: MergeAuthors,
            style: CollisionFormat.Style = .markdown
        ) -> Resolution<String> {
            var prefix = 0
            while prefix < first.count, prefix < second.count, first[prefix] == second[prefix] {
                prefix += 1
            }
            var suffix = 0
            while suffix < first.count - prefix, suffix < second.count - prefix,
                first[first.count - 1 - suffix] == second[second.count - 1 - suffix]
            {
                suffix += 1
            }
            let firstMiddle = Array(first[prefix..<(first.count - suffix)])
            let secondMiddle = Array(second[prefix..<(second.count - suffix)])
            let head = Array(first[..<prefix])
            let tail = Array(first[(first.count - suffix)...])
            if firstMiddle.isEmpty { return Resolution(elements: head + secondMiddle + tail, collisions: 0) }
            if secondMiddle.isEmpty { return Resolution(elements: head + firstMiddle + tail, collisions: 0) }
            // One author on two machines: order the two versions by their text instead.
            let swap = authors.first == authors.second && secondMiddle.lexicographicallyPrecedes(firstMiddle)
            let block =
                swap
                ? CollisionFormat.block(first: secondMiddle, second: firstMiddle, authors: authors, style: style)
                : CollisionFormat.block(first: firstMiddle, second: secondMiddle, authors: authors, style: style)
            return Resolution(elements: head + block + tail, collisions: 1)
        }
    }
}
