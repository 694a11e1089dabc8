extension JournalMerge {
    /// The union of two sequences that share some elements, keeping each one's order.
    enum SequenceUnion {
        /// All elements of `first` and `second`; elements the two have in common (by a longest
        /// common subsequence) appear once. Between two common elements, `first`'s own elements
        /// come before `second`'s. Deterministic in the order of the arguments.
        static func union<Element: Equatable>(_ first: [Element], _ second: [Element]) -> [Element] {
            let matches = HunkDiff.alignment(base: first, side: second)
            var output: [Element] = []
            var pendingFirst: [Element] = []
            var secondIndex = 0
            for (index, element) in first.enumerated() {
                guard let match = matches[index] else {
                    pendingFirst.append(element)
                    continue
                }
                output += pendingFirst
                pendingFirst = []
                output += second[secondIndex..<match]
                output.append(element)
                secondIndex = match + 1
            }
            output += pendingFirst
            output += second[secondIndex...]
            return output
        }
    }
}
