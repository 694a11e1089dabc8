import TestSupport

/// Random base/ours/theirs versions of journal files for `MergeWitnessTests`: task files and daily
/// notes with concurrent edits (description lines, baton log entries with continuation lines, field
/// changes, reordered and unknown front matter keys, fenced code, NFD text, broken front matter),
/// binary files and non-UTF-8 text. Every added line is unique (it carries a counter).
struct MergeWitnessCase {
    enum Kind: String { case task, note, binary, latin1 }

    var kind: Kind
    var path: String
    var base: [UInt8]?
    var ours: [UInt8]?
    var theirs: [UInt8]?
    var oursAuthor: String
    var theirsAuthor: String
    /// Log entry lines (tasks) that must appear exactly once in a merged task.
    var logEntries: [String] = []

    /// One case drawn from `rng`; `counter` makes added text unique.
    static func make(_ rng: inout SplitMix64, counter: inout Int) -> MergeWitnessCase {
        let authors = ["lee", "priya", "tom", "Maria Lopez"]
        let oursAuthor = rng.pick(authors)
        let theirsAuthor = rng.chance(25) ? oursAuthor : rng.pick(authors)
        switch rng.weighted([50, 30, 10, 10]) {
        case 0: return TaskCase.make(&rng, counter: &counter, authors: (oursAuthor, theirsAuthor))
        case 1: return NoteCase.make(&rng, counter: &counter, authors: (oursAuthor, theirsAuthor))
        case 2: return bytesCase(.binary, &rng, authors: (oursAuthor, theirsAuthor))
        default: return bytesCase(.latin1, &rng, authors: (oursAuthor, theirsAuthor))
        }
    }

    /// A binary file (with NUL bytes) or ISO-8859-1 text, changed, kept or deleted on each side.
    static func bytesCase(_ kind: Kind, _ rng: inout SplitMix64, authors: (String, String)) -> MergeWitnessCase {
        func chunk(_ rng: inout SplitMix64) -> [UInt8] {
            if kind == .binary { return (0..<(1 + rng.below(12))).map { _ in UInt8(rng.below(256)) } + [0] }
            let words: [[UInt8]] = [
                Array("caf".utf8) + [0xE9], Array("na".utf8) + [0xEF, 0x76, 0x65],
                Array("menu".utf8),
            ]
            return words[rng.below(2)] + (0..<rng.below(3)).flatMap { _ in [0x20] + rng.pick(words) } + [0x0A]
        }
        let base: [UInt8]? = rng.chance(25) ? nil : (0..<3).flatMap { _ in chunk(&rng) }
        func side(_ rng: inout SplitMix64) -> [UInt8]? {
            switch rng.weighted([70, 15, 15]) {
            case 0: return (base ?? []) + chunk(&rng)
            case 1: return base
            default: return base == nil ? chunk(&rng) : nil
            }
        }
        let path = kind == .binary ? "shared/logo.png" : "shared/menu.txt"
        return MergeWitnessCase(
            kind: kind, path: path, base: base, ours: side(&rng), theirs: side(&rng),
            oursAuthor: authors.0, theirsAuthor: authors.1)
    }

    /// A timestamp on 2026-11-24..26 with one of a few offsets.
    static func timestamp(_ rng: inout SplitMix64) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let offset = rng.pick(["+05:30", "+01:00", "-08:00", "Z"])
        return "2026-11-\(24 + rng.below(3))T\(two(rng.below(24))):\(two(rng.below(60))):\(two(rng.below(60)))\(offset)"
    }
}

/// Task files for `MergeWitnessCase`.
enum TaskCase {
    struct Task {
        var fields: [(key: String, value: String)]
        /// Description elements; a fenced block is one element holding several lines.
        var description: [String]
        /// Log entries: the entry line, then continuation lines.
        var log: [[String]]
        /// The log heading as written (`## Log`, or `## log` by hand).
        var heading = "## Log"
        /// Lines of a `## Notes` section after the log, nil when there is none.
        var after: [String]?

        var text: String {
            "---\n" + fields.map { "\($0.key): \($0.value)\n" }.joined() + "---\n\n"
                + description.map { $0 + "\n" }.joined() + "\n\(heading)\n\n" + log.joined().map { $0 + "\n" }.joined()
                + (after.map { "\n## Notes\n\n" + $0.map { $0 + "\n" }.joined() } ?? "")
        }
    }

    static func make(_ rng: inout SplitMix64, counter: inout Int, authors: (String, String)) -> MergeWitnessCase {
        var fields: [(key: String, value: String)] = [
            ("id", "k7q2xm"), ("title", "Backfill orders"), ("status", "todo"), ("owner", "priya"),
            ("created", "2026-11-24T09:14:05+05:30"), ("updated", "2026-11-24T09:14:05+05:30"),
        ]
        if rng.chance(30) { fields.append(("due", "2026-11-28")) }
        if rng.chance(30) { fields.append(("sprint", "\"42\"")) }
        var description = (0..<rng.below(5)).map { "base line \($0)" }
        if rng.chance(40) {
            description.insert("Caf\u{E9} cr\u{E8}me \(rng.below(9))", at: rng.below(description.count + 1))
        }
        if rng.chance(30) { description.insert(fence("base", 0, &rng), at: rng.below(description.count + 1)) }
        var log = [["- 2026-11-24T09:14:05+05:30 priya: created"]]
        for n in 0..<rng.below(3) {
            var entry = ["- \(MergeWitnessCase.timestamp(&rng)) priya: base entry \(n)"]
            if rng.chance(30) { entry.append("  base continuation \(n)") }
            log.append(entry)
        }
        var base = Task(fields: fields, description: description, log: log)
        if rng.chance(15) { base.heading = "## log" }
        if rng.chance(25) { base.after = (0..<rng.below(3)).map { "after line \($0)" } }
        let ours = edit(base, tag: "ours", handle: CaseHandles.handle(authors.0), &rng, counter: &counter)
        let theirs = edit(base, tag: "theirs", handle: CaseHandles.handle(authors.1), &rng, counter: &counter)
        let entries = (base.log + ours.log + theirs.log).map { $0[0] }
        return MergeWitnessCase(
            kind: .task, path: "tasks/k7q2xm.md", base: Array(base.text.utf8),
            ours: Array(ours.text.utf8), theirs: Array(theirs.text.utf8),
            oursAuthor: authors.0, theirsAuthor: authors.1,
            logEntries: Array(Set(entries)).sorted())
    }

    static func fence(_ tag: String, _ n: Int, _ rng: inout SplitMix64) -> String {
        let marker = rng.chance(50) ? "```" : "~~~"
        return "\(marker)\n## Log\n- 2026-01-01T00:00:00Z x: fenced \(tag) \(n)\n\(marker)"
    }

    /// Concurrent edits one side makes: by hand and by baton.
    static func edit(
        _ base: Task, tag: String, handle: String, _ rng: inout SplitMix64,
        counter: inout Int
    ) -> Task {
        var task = base
        for _ in 0..<rng.below(6) {
            counter += 1
            let n = counter
            switch rng.below(12) {
            case 0, 1:
                let word = rng.chance(30) ? "Cafe\u{301} " : ""
                task.description.insert("\(word)\(tag) text \(n)", at: rng.below(task.description.count + 1))
            case 2 where !task.description.isEmpty:
                task.description[rng.below(task.description.count)] = "\(tag) changed \(n)"
            case 3 where !task.description.isEmpty:
                task.description.remove(at: rng.below(task.description.count))
            case 4:
                if let index = task.description.firstIndex(where: { $0.hasPrefix("Caf\u{E9}") }) {
                    task.description[index] = task.description[index].nfd
                }
            case 5, 6:
                var entry = ["- \(MergeWitnessCase.timestamp(&rng)) \(handle): log \(tag) \(n)"]
                if rng.chance(30) { entry.append("  continued \(tag) \(n)") }
                task.log.append(entry)
            case 7:
                let index = rng.below(task.log.count)
                task.log[index].append(rng.chance(30) ? "  - sub item \(tag) \(n)" : "  note \(tag) \(n)")
                if task.after != nil, rng.chance(50) {
                    task.after!.insert("after \(tag) \(n)", at: rng.below(task.after!.count + 1))
                }
            case 8:
                let status = rng.pick(["doing", "blocked", "done", "dropped"])
                let stamp = MergeWitnessCase.timestamp(&rng)
                set(&task, "status", status)
                set(&task, "updated", stamp)
                task.log.append(["- \(stamp) \(handle): \(status) \(tag) \(n)"])
            case 9:
                let i = rng.below(task.fields.count)
                let j = rng.below(task.fields.count)
                task.fields.swapAt(i, j)
            case 10:
                task.fields.insert(("estimate_\(n)", "\(n)h"), at: rng.below(task.fields.count + 1))
            default:
                if rng.chance(15) {
                    set(&task, "title", "[broken \(tag) \(n)")
                } else if rng.chance(50) {
                    task.description.insert(fence(tag, n, &rng), at: rng.below(task.description.count + 1))
                } else {
                    set(&task, "owner", rng.pick(["tom", "lee", "maria"]))
                }
            }
        }
        return task
    }

    static func set(_ task: inout Task, _ key: String, _ value: String) {
        if let index = task.fields.firstIndex(where: { $0.key == key }) {
            task.fields[index].value = value
        } else {
            task.fields.append((key, value))
        }
    }
}

/// Daily notes for `MergeWitnessCase`: the same person on two machines, or two people.
enum NoteCase {
    static let headings = ["## Yesterday", "## Today", "## Blockers", "## Notes"]

    static func make(_ rng: inout SplitMix64, counter: inout Int, authors: (String, String)) -> MergeWitnessCase {
        func bullet(_ text: String, _ rng: inout SplitMix64) -> [String] {
            let h = 6 + rng.below(16)
            let m = rng.below(60)
            var lines = ["- \(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m) \(text)"]
            if rng.chance(25) { lines.append("  more about \(text)") }
            return lines
        }
        let base: [[[String]]] = headings.map { heading in
            (0..<rng.below(3)).map { heading == "## Notes" ? ["prose \($0)"] : bullet("base \($0)", &rng) }
        }
        var offsets = ["\"+05:30\"", "\"+05:30\""]
        func side(_ tag: String, _ index: Int, _ rng: inout SplitMix64, counter: inout Int) -> [[[String]]] {
            var sections = base
            for _ in 0..<rng.below(5) {
                counter += 1
                let s = rng.below(headings.count)
                let word = rng.chance(20) ? "re\u{301}sume\u{301} " : ""
                let element = s == 3 ? ["\(word)\(tag) prose \(counter)"] : bullet("\(word)\(tag) \(counter)", &rng)
                switch rng.below(5) {
                case 0, 1, 2: sections[s].insert(element, at: rng.below(sections[s].count + 1))
                case 3 where !sections[s].isEmpty: sections[s][rng.below(sections[s].count)] = element
                default: if rng.chance(30) { offsets[index] = rng.pick(["\"+01:00\"", "\"-08:00\""]) }
                }
            }
            return sections
        }
        let ours = side("laptop", 0, &rng, counter: &counter)
        let theirs = side("desktop", 1, &rng, counter: &counter)
        func render(_ sections: [[[String]]], offset: String, broken: Bool = false) -> [UInt8] {
            let front = "---\nauthor: lee\ndate: 2026-11-24\nutc_offset: \(broken ? "[" : "")\(offset)\n---\n"
            return Array(
                (front
                    + zip(headings, sections).map { heading, elements in
                        "\n\(heading)\n\n" + elements.joined().map { $0 + "\n" }.joined()
                    }.joined()).utf8)
        }
        return MergeWitnessCase(
            kind: .note, path: "notes/lee/2026/2026-11-24.md",
            base: render(base, offset: "\"+05:30\""),
            ours: render(ours, offset: offsets[0], broken: rng.chance(4)),
            theirs: render(theirs, offset: offsets[1]),
            oursAuthor: authors.0, theirsAuthor: authors.1)
    }
}

/// Handles as baton writes them in log lines.
enum CaseHandles {
    static func handle(_ author: String) -> String {
        author.lowercased().split(separator: " ").first.map(String.init) ?? "someone"
    }
}

extension String {
    /// The string with é and è decomposed (NFD), as a Mac keyboard may write them.
    var nfd: String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar {
            case "\u{E9}": scalars.append(contentsOf: ["e", "\u{301}"])
            case "\u{E8}": scalars.append(contentsOf: ["e", "\u{300}"])
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
