extension JournalMerge {
    /// Merges a task's `## Log` section: the union of all entries, ordered by time.
    ///
    /// An entry starts with a line `- <timestamp> <author>: <text>`; indented or free lines
    /// after it belong to it. Lines before the first entry are a preface. Blank lines are not
    /// kept in a merged log. Entries are ordered by instant (entries whose timestamp does not
    /// parse go last), ties by text; an entry present in several versions appears once
    /// (compared line by line after trimming trailing whitespace).
    enum LogMerge {
        /// One log entry: its lines and the instant of its timestamp, if it has one.
        struct Entry: Sendable {
            var lines: [String]
            var instant: Double?
            var identity: [String] { lines.map(TextLines.trimTrailing) }
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

        /// The merged section body (without heading): a blank line, the preface, the entries.
        static func merge(_ versions: [[String]], extraEntries: [String]) -> [String] {
            var preface: [String] = []
            var entries: [Entry] = []
            var seen = Set<[String]>()
            for version in versions {
                let parsed = parse(version)
                preface = SequenceUnion.union(preface, parsed.preface)
                for entry in parsed.entries where seen.insert(entry.identity).inserted {
                    entries.append(entry)
                }
            }
            for line in extraEntries {
                let entry = Entry(lines: [line], instant: instant(ofEntry: line))
                if seen.insert(entry.identity).inserted { entries.append(entry) }
            }
            entries.sort { a, b in
                switch (a.instant, b.instant) {
                case let (x?, y?) where x != y: return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.identity.lexicographicallyPrecedes(b.identity)
                }
            }
            var output = [""] + preface
            if !preface.isEmpty, !entries.isEmpty { output.append("") }
            return output + entries.flatMap(\.lines)
        }
    }
}
