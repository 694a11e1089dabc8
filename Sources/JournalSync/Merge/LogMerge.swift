extension JournalMerge {
    /// Merges a task's `## Log` section: the union of all entries, ordered by time.
    ///
    /// An entry starts with a line `- <timestamp> <author>: <text>`; indented or free lines
    /// after it (continuation lines) belong to it. Lines before the first entry are a preface.
    /// Blank lines are not kept in a merged log. An entry is known by its first line (trailing
    /// whitespace ignored): one present in several versions appears once, and its continuation
    /// lines are merged three-way like any text, so a continuation added on one side stays under
    /// its entry. Entries are ordered by instant (entries whose timestamp does not parse go last),
    /// ties by text.
    enum LogMerge {
        /// One log entry: its lines and the instant of its timestamp, if it has one.
        struct Entry: Sendable {
            var lines: [String]
            var instant: Double?
            /// The entry line, which names the entry.
            var identity: String { TextLines.trimTrailing(lines[0]) }
            var continuation: [String] { Array(lines.dropFirst()) }
        }

        /// The lines of a log section (without its heading), split into preface and entries.
        static func parse(_ lines: [String]) -> (preface: [String], entries: [Entry]) {
            var preface: [String] = []
            var entries: [Entry] = []
            for line in lines where !TextLines.isBlank(line) {
                if line.hasPrefix("- ") {
                    entries.append(Entry(lines: [line], instant: instant(ofEntry: line)))
                } else if entries.isEmpty {
                    preface.append(line)
                } else {
                    entries[entries.count - 1].lines.append(line)
                }
            }
            return (preface, entries)
        }

        /// The instant of an entry line `- <timestamp> ...`, or nil.
        static func instant(ofEntry line: String) -> Double? {
            let token = line.dropFirst(2).prefix { $0 != " " && $0 != "\t" }
            return ISOInstant.instant(String(token))
        }

        /// The entries of one version by key: the entry line and its occurrence number in that version.
        private static func keyed(_ entries: [Entry]) -> [(key: EntryKey, entry: Entry)] {
            var seen: [String: Int] = [:]
            return entries.map { entry in
                seen[entry.identity, default: 0] += 1
                return (EntryKey(identity: entry.identity, occurrence: seen[entry.identity]!), entry)
            }
        }

        private struct EntryKey: Hashable {
            var identity: String
            var occurrence: Int
        }

        /// The merged section body (without heading): a blank line, the preface, the entries.
        /// `first` and `second` are the two sides in canonical order, `base` their ancestor's log.
        static func merge(
            base: [String], first: [String], second: [String], authors: MergeAuthors,
            extraEntries: [String]
        ) -> [String] {
            let (b, x, y) = (parse(base), parse(first), parse(second))
            let preface = PlainTextMerge.merge(
                base: b.preface, first: x.preface, second: y.preface,
                authors: authors
            ).elements
            let baseEntries = Dictionary(keyed(b.entries).map { ($0.key, $0.entry) }, uniquingKeysWith: { a, _ in a })
            let firstEntries = Dictionary(keyed(x.entries).map { ($0.key, $0.entry) }, uniquingKeysWith: { a, _ in a })
            let secondEntries = Dictionary(keyed(y.entries).map { ($0.key, $0.entry) }, uniquingKeysWith: { a, _ in a })
            var order: [EntryKey] = []
            var known = Set<EntryKey>()
            for (key, _) in keyed(x.entries) + keyed(y.entries) + keyed(b.entries) where known.insert(key).inserted {
                order.append(key)
            }
            var entries: [Entry] = order.map { key in
                let versions = [firstEntries[key], secondEntries[key]].compactMap { $0 }
                let head = versions.first ?? baseEntries[key]!
                let continuation: [String]
                switch (firstEntries[key], secondEntries[key]) {
                case (let a?, let c?):
                    continuation =
                        PlainTextMerge.merge(
                            base: baseEntries[key]?.continuation ?? [],
                            first: a.continuation, second: c.continuation,
                            authors: authors
                        ).elements
                case (let only?, nil), (nil, let only?):
                    continuation = only.continuation
                case (nil, nil):
                    continuation = head.continuation
                }
                return Entry(
                    lines: [head.lines[0]] + continuation.filter { !TextLines.isBlank($0) },
                    instant: head.instant)
            }
            for line in extraEntries
            where known.insert(
                EntryKey(
                    identity: TextLines.trimTrailing(line),
                    occurrence: 1)
            ).inserted {
                entries.append(Entry(lines: [line], instant: instant(ofEntry: line)))
            }
            entries.sort { a, c in
                switch (a.instant, c.instant) {
                case (let t?, let u?) where t != u: return t < u
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.lines.lexicographicallyPrecedes(c.lines)
                }
            }
            var output = [""] + preface.filter { !TextLines.isBlank($0) }
            if output.count > 1, !entries.isEmpty { output.append("") }
            return output + entries.flatMap(\.lines)
        }
    }
}
