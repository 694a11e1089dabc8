extension JournalMerge {
    /// One unit of a note section: a bullet (`- ` line plus its two-space-indented continuation
    /// lines) or any other single line.
    struct NoteElement: Hashable, Sendable {
        var lines: [String]
        var isBullet: Bool

        /// Compared this way when looking for a doubled bullet.
        var identity: [String] { lines.map(TextLines.trimTrailing) }

        /// Minutes after midnight of a `- HH:MM text` bullet, or nil.
        var minutes: Int? {
            guard isBullet else { return nil }
            let scalars = Array(lines[0].unicodeScalars.dropFirst(2).prefix(6))
            guard scalars.count >= 5, scalars[2] == ":", scalars.count == 5 || scalars[5] == " " else { return nil }
            let digits = [scalars[0], scalars[1], scalars[3], scalars[4]].map { Int(String($0)) }
            guard let h1 = digits[0], let h2 = digits[1], let m1 = digits[2], let m2 = digits[3] else { return nil }
            let hour = h1 * 10 + h2
            let minute = m1 * 10 + m2
            guard hour < 24, minute < 60 else { return nil }
            return hour * 60 + minute
        }

        /// Splits section lines into elements.
        static func parse(_ lines: [String]) -> [NoteElement] {
            var elements: [NoteElement] = []
            for line in lines {
                if line.hasPrefix("- ") || line == "-" {
                    elements.append(NoteElement(lines: [line], isBullet: true))
                } else if line.hasPrefix("  "), !TextLines.isBlank(line), let last = elements.last, last.isBullet {
                    elements[elements.count - 1].lines.append(line)
                } else {
                    elements.append(NoteElement(lines: [line], isBullet: false))
                }
            }
            return elements
        }
    }

    /// Merges the bullets of a standard note section (`## Yesterday`, `## Today`, `## Blockers`).
    ///
    /// diff3 over elements: a bullet edited or removed on one side only takes that change, so an
    /// edit replaces the base bullet instead of doubling it. Where both sides changed the same
    /// place and only bullets are involved, the result is the union of both sides' bullets,
    /// interleaved by their `HH:MM` times (the first side first on equal times). Anything else
    /// falls back to the plain keep-both format. Finally no bullet appears more often than it
    /// does on either side, and each run of consecutive bullets is put in time order.
    enum NoteBullets {
        static func merge(
            base: [String], first: [String], second: [String],
            authors: MergeAuthors
        ) -> Resolution<String> {
            // The blank lines around a section's bullets are set aside: bullets appended on both sides
            // then meet at one point (the end of the list) instead of on either side of a blank line,
            // where diff3 would keep them apart, out of time order.
            let (a, b, o) = (Margins(first), Margins(second), Margins(base))
            let firstElements = NoteElement.parse(a.inner)
            let secondElements = NoteElement.parse(b.inner)
            let merged = ThreeWayMerge.merge(
                base: NoteElement.parse(o.inner), first: firstElements, second: secondElements,
                resolver: resolver(authors: authors))
            let elements = inTimeOrder(removeDoubles(merged.elements, first: firstElements, second: secondElements))
            let lines = elements.flatMap(\.lines)
            let leading = a.leading.count >= b.leading.count ? a.leading : b.leading
            let trailing = a.trailing.count >= b.trailing.count ? a.trailing : b.trailing
            if lines.isEmpty {
                return Resolution(
                    elements: leading.count >= trailing.count ? leading : trailing, collisions: merged.collisions)
            }
            return Resolution(elements: leading + lines + trailing, collisions: merged.collisions)
        }

        /// A section's lines split into its leading blank lines, the rest, and its trailing blank lines.
        struct Margins {
            var leading: [String]
            var inner: [String]
            var trailing: [String]

            init(_ lines: [String]) {
                let start = lines.firstIndex { !TextLines.isBlank($0) } ?? lines.endIndex
                let end = (lines.lastIndex { !TextLines.isBlank($0) }).map { $0 + 1 } ?? start
                leading = Array(lines[..<start])
                inner = Array(lines[start..<max(start, end)])
                trailing = Array(lines[max(start, end)...])
            }
        }

        /// Each run of consecutive bullets in time order (a stable sort; a bullet without a time keeps
        /// the time of the bullet before it, so it stays after it).
        static func inTimeOrder(_ elements: [NoteElement]) -> [NoteElement] {
            var output: [NoteElement] = []
            var run: [NoteElement] = []
            func flush() {
                let timed = withTimes(run).enumerated().sorted {
                    ($0.element.time, $0.offset) < ($1.element.time, $1.offset)
                }
                output += timed.map(\.element.element)
                run = []
            }
            for element in elements {
                if element.isBullet {
                    run.append(element)
                } else {
                    flush()
                    output.append(element)
                }
            }
            flush()
            return output
        }

        static func resolver(authors: MergeAuthors) -> ConflictResolver<NoteElement> {
            ConflictResolver(
                insertions: { first, second in
                    if (first + second).allSatisfy(\.isBullet) {
                        return Resolution(elements: interleave(first, second), collisions: 0)
                    }
                    return Resolution(elements: SequenceUnion.union(first, second), collisions: 0)
                },
                collision: { _, first, second in
                    if (first + second).allSatisfy(\.isBullet) {
                        let firstIDs = Set(first.map(\.identity))
                        let secondIDs = Set(second.map(\.identity))
                        let bothKept =
                            !firstIDs.subtracting(secondIDs).isEmpty
                            && !secondIDs.subtracting(firstIDs).isEmpty
                        return Resolution(elements: interleave(first, second), collisions: bothKept ? 1 : 0)
                    }
                    let lines = PlainTextMerge.keepBoth(
                        first.flatMap(\.lines), second.flatMap(\.lines),
                        authors: authors)
                    return Resolution(
                        elements: lines.elements.map { NoteElement(lines: [$0], isBullet: false) },
                        collisions: lines.collisions)
                }
            )
        }

        /// `first`'s bullets and `second`'s bullets that `first` lacks, merged by time. A bullet
        /// without a time keeps the time of the bullet before it on its side.
        static func interleave(_ first: [NoteElement], _ second: [NoteElement]) -> [NoteElement] {
            var remaining = first.map(\.identity)
            var extra: [NoteElement] = []
            for element in second {
                if let index = remaining.firstIndex(of: element.identity) {
                    remaining.remove(at: index)
                } else {
                    extra.append(element)
                }
            }
            let a = withTimes(first)
            let b = withTimes(extra)
            var output: [NoteElement] = []
            var i = 0
            var j = 0
            while i < a.count || j < b.count {
                if j == b.count || (i < a.count && a[i].time <= b[j].time) {
                    output.append(a[i].element)
                    i += 1
                } else {
                    output.append(b[j].element)
                    j += 1
                }
            }
            return output
        }

        private static func withTimes(_ elements: [NoteElement]) -> [(element: NoteElement, time: Int)] {
            var time = -1
            return elements.map { element in
                time = element.minutes ?? time
                return (element, time)
            }
        }

        /// Drops later copies of a bullet that occurs more often than on either side.
        static func removeDoubles(
            _ elements: [NoteElement], first: [NoteElement],
            second: [NoteElement]
        ) -> [NoteElement] {
            func counts(_ list: [NoteElement]) -> [[String]: Int] {
                list.filter(\.isBullet).reduce(into: [:]) { $0[$1.identity, default: 0] += 1 }
            }
            let firstCounts = counts(first)
            let secondCounts = counts(second)
            var used: [[String]: Int] = [:]
            return elements.filter { element in
                guard element.isBullet else { return true }
                let id = element.identity
                let allowed = max(firstCounts[id] ?? 0, secondCounts[id] ?? 0)
                used[id, default: 0] += 1
                return used[id]! <= allowed
            }
        }
    }
}
