extension JournalMerge {
    /// Merged elements plus the number of true collisions that were kept both ways.
    struct Resolution<Element> {
        var elements: [Element]
        var collisions: Int
        /// The front matter fields both sides changed differently, as settled.
        var settled: [FieldCollision] = []
    }

    /// How a three-way merge settles a region of the base that both sides changed.
    ///
    /// `first` and `second` are the two sides in their canonical order (see `MergePair`), so a
    /// resolver that is deterministic in its arguments makes the whole merge symmetric.
    struct ConflictResolver<Element> {
        /// Both sides inserted different elements at the same point; no base element changed.
        var insertions: (_ first: [Element], _ second: [Element]) -> Resolution<Element>
        /// Both sides changed the same base elements, differently.
        var collision: (_ base: [Element], _ first: [Element], _ second: [Element]) -> Resolution<Element>
    }

    /// Line-wise (element-wise) diff3, written on top of `CollectionDifference`.
    ///
    /// Each side's hunks against the base are computed separately. Hunks of the two sides that
    /// overlap (or insert at the same point, or insert strictly inside the other's changed range)
    /// form a cluster; everything else combines. Edits that only touch (one ends where the other
    /// starts) combine without a collision.
    enum ThreeWayMerge {
        static func merge<Element: Equatable>(
            base: [Element], first: [Element], second: [Element],
            resolver: ConflictResolver<Element>
        ) -> Resolution<Element> {
            let firstHunks = HunkDiff.hunks(base: base, side: first)
            let secondHunks = HunkDiff.hunks(base: base, side: second)
            let clusters = cluster(firstHunks, secondHunks)

            var output: [Element] = []
            var collisions = 0
            var cursor = 0
            for cluster in clusters {
                if cursor < cluster.range.lowerBound {
                    output += base[cursor..<cluster.range.lowerBound]
                }
                let resolved = resolve(cluster, base: base, resolver: resolver)
                output += resolved.elements
                collisions += resolved.collisions
                cursor = max(cursor, cluster.range.upperBound)
            }
            if cursor < base.count { output += base[cursor...] }
            return Resolution(elements: output, collisions: collisions)
        }

        /// A group of hunks that must be resolved together, with the base range they cover.
        private struct Cluster<Element: Equatable> {
            var range: Range<Int>
            var first: [Hunk<Element>]
            var second: [Hunk<Element>]
        }

        /// Whether a hunk of one side and a hunk of the other side touch the same base text.
        static func conflicts(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            switch (a.isEmpty, b.isEmpty) {
            case (true, true): return a.lowerBound == b.lowerBound
            case (true, false): return b.lowerBound < a.lowerBound && a.lowerBound < b.upperBound
            case (false, true): return a.lowerBound < b.lowerBound && b.lowerBound < a.upperBound
            case (false, false): return a.lowerBound < b.upperBound && b.lowerBound < a.upperBound
            }
        }

        private static func cluster<Element: Equatable>(
            _ firstHunks: [Hunk<Element>], _ secondHunks: [Hunk<Element>]
        ) -> [Cluster<Element>] {
            // Union-find over all hunks; first's hunks are 0..<n, second's are n..<n+m.
            let count = firstHunks.count + secondHunks.count
            var parent = Array(0..<count)
            func root(_ i: Int) -> Int {
                var i = i
                while parent[i] != i {
                    parent[i] = parent[parent[i]]
                    i = parent[i]
                }
                return i
            }
            for (i, a) in firstHunks.enumerated() {
                for (j, b) in secondHunks.enumerated() where conflicts(a.baseRange, b.baseRange) {
                    parent[root(i)] = root(firstHunks.count + j)
                }
            }
            var byRoot: [Int: Cluster<Element>] = [:]
            var order: [Int] = []
            for index in 0..<count {
                let isFirst = index < firstHunks.count
                let hunk = isFirst ? firstHunks[index] : secondHunks[index - firstHunks.count]
                let key = root(index)
                var cluster = byRoot[key] ?? Cluster(range: hunk.baseRange, first: [], second: [])
                if byRoot[key] == nil { order.append(key) }
                cluster.range =
                    min(
                        cluster.range.lowerBound, hunk.baseRange.lowerBound)..<max(
                        cluster.range.upperBound, hunk.baseRange.upperBound)
                if isFirst { cluster.first.append(hunk) } else { cluster.second.append(hunk) }
                byRoot[key] = cluster
            }
            // Pure insertions at a point come before a change that starts at the same point.
            return order.compactMap { byRoot[$0] }.sorted {
                ($0.range.lowerBound, $0.range.isEmpty ? 0 : 1) < ($1.range.lowerBound, $1.range.isEmpty ? 0 : 1)
            }
        }

        private static func resolve<Element: Equatable>(
            _ cluster: Cluster<Element>, base: [Element], resolver: ConflictResolver<Element>
        ) -> Resolution<Element> {
            let range = cluster.range
            let firstVersion = apply(cluster.first, to: base, in: range)
            let secondVersion = apply(cluster.second, to: base, in: range)
            if cluster.second.isEmpty { return Resolution(elements: firstVersion, collisions: 0) }
            if cluster.first.isEmpty { return Resolution(elements: secondVersion, collisions: 0) }
            let original = Array(base[range])
            if firstVersion == secondVersion || secondVersion == original {
                return Resolution(elements: firstVersion, collisions: 0)
            }
            if firstVersion == original { return Resolution(elements: secondVersion, collisions: 0) }
            if range.isEmpty { return resolver.insertions(firstVersion, secondVersion) }
            return resolver.collision(original, firstVersion, secondVersion)
        }

        /// The base elements of `range` with `hunks` (all inside `range`) applied.
        private static func apply<Element: Equatable>(
            _ hunks: [Hunk<Element>], to base: [Element], in range: Range<Int>
        ) -> [Element] {
            var output: [Element] = []
            var cursor = range.lowerBound
            for hunk in hunks.sorted(by: { $0.baseRange.lowerBound < $1.baseRange.lowerBound }) {
                output += base[cursor..<hunk.baseRange.lowerBound]
                output += hunk.replacement
                cursor = hunk.baseRange.upperBound
            }
            output += base[cursor..<range.upperBound]
            return output
        }
    }
}
