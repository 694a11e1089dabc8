extension JournalMerge {
    /// A change one side made to the base: the base elements in `baseRange` became `replacement`.
    ///
    /// An empty `baseRange` is a pure insertion before base element `baseRange.lowerBound`.
    struct Hunk<Element: Equatable>: Equatable {
        var baseRange: Range<Int>
        var replacement: [Element]
    }

    /// Computes one side's hunks against the base with the standard library's `CollectionDifference`.
    enum HunkDiff {
        /// For each base index, the index of the same unchanged element in `side`, or nil if it was
        /// removed or replaced.
        static func alignment<Element: Equatable>(base: [Element], side: [Element]) -> [Int?] {
            let difference = side.difference(from: base)
            var removed = Set<Int>()
            var inserted = Set<Int>()
            for change in difference {
                switch change {
                case .remove(let offset, _, _): removed.insert(offset)
                case .insert(let offset, _, _): inserted.insert(offset)
                }
            }
            var result = [Int?](repeating: nil, count: base.count)
            var sideIndex = 0
            for baseIndex in base.indices where !removed.contains(baseIndex) {
                while inserted.contains(sideIndex) { sideIndex += 1 }
                result[baseIndex] = sideIndex
                sideIndex += 1
            }
            return result
        }

        /// The hunks turning `base` into `side`, in base order, separated by unchanged elements.
        static func hunks<Element: Equatable>(base: [Element], side: [Element]) -> [Hunk<Element>] {
            let matches = alignment(base: base, side: side)
            var hunks: [Hunk<Element>] = []
            var baseIndex = 0
            var sideIndex = 0
            while true {
                var nextBase = baseIndex
                while nextBase < base.count, matches[nextBase] == nil { nextBase += 1 }
                let nextSide = nextBase < base.count ? matches[nextBase]! : side.count
                if nextBase > baseIndex || nextSide > sideIndex {
                    hunks.append(
                        Hunk(
                            baseRange: baseIndex..<nextBase,
                            replacement: Array(side[sideIndex..<nextSide])))
                }
                if nextBase >= base.count { break }
                baseIndex = nextBase + 1
                sideIndex = nextSide + 1
            }
            return hunks
        }
    }
}
