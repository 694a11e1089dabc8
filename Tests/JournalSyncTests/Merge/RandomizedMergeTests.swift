import TestSupport
import Testing

@testable import JournalSync

/// Seeded random edits on two sides: nothing added by either side is lost, no conflict
/// markers appear, and the merge does not depend on which side is ours.
@Suite("Randomized merges")
struct RandomizedMergeTests {
    typealias S = MergeTestSupport
    static let authors = ["lee", "lee", "priya", "tom", "Maria Lopez"]

    /// Random line edits; `make` builds a new line from a counter.
    static func edit(
        _ lines: [String], _ rng: inout SplitMix64, counter: inout Int,
        make: (Int, inout SplitMix64) -> String
    ) -> [String] {
        var lines = lines
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            counter += 1
            switch Int.random(in: 0..<5, using: &rng) {
            case 0, 1:
                let line = make(counter, &rng)
                lines.insert(line, at: Int.random(in: 0...lines.count, using: &rng))
            case 2 where !lines.isEmpty:
                lines.remove(at: Int.random(in: 0..<lines.count, using: &rng))
            case 3 where !lines.isEmpty:
                let line = make(counter, &rng)
                lines[Int.random(in: 0..<lines.count, using: &rng)] = line
            default:
                // A line both sides may add on their own.
                lines.insert(
                    "shared \(Int.random(in: 0..<3, using: &rng))", at: Int.random(in: 0...lines.count, using: &rng))
            }
        }
        return lines
    }

    /// Lines of `side` that are not in `base`.
    static func added(_ side: [String], over base: [String]) -> Set<String> {
        Set(side).subtracting(base).subtracting([""])
    }

    static func checkCommon(
        _ path: String, base: String?, _ a: String, _ aAuthor: String,
        _ b: String, _ bAuthor: String
    ) -> String {
        let result = S.symmetricMerge(path, base: base, a, by: aAuthor, b, by: bAuthor)
        let text = S.content(result) ?? ""
        #expect(!S.hasMarkers(text))
        #expect(S.merge(path, base: base, ours: a, theirs: a).outcome == .content(JournalMerge.TextLines.normalize(a)))
        #expect(S.merge(path, base: a, ours: a, theirs: b).outcome == .content(JournalMerge.TextLines.normalize(b)))
        return text
    }

    @Test func plainText() {
        var rng = SplitMix64(seed: 42)
        var counter = 0
        for _ in 0..<300 {
            let base = (0..<Int.random(in: 0...8, using: &rng)).map { "base \($0)" }
            let a = Self.edit(base, &rng, counter: &counter) { n, _ in "ours \(n)" }
            let b = Self.edit(base, &rng, counter: &counter) { n, _ in "theirs \(n)" }
            let (aAuthor, bAuthor) = (
                Self.authors.randomElement(using: &rng)!, Self.authors.randomElement(using: &rng)!
            )
            let baseText: String? = base.isEmpty && Bool.random(using: &rng) ? nil : base.joined(separator: "\n")
            let text = Self.checkCommon(
                "journal/file.txt", base: baseText, a.joined(separator: "\n"), aAuthor,
                b.joined(separator: "\n"), bAuthor)
            let lines = Set(S.lines(text))
            #expect(Self.added(a, over: base).isSubset(of: lines))
            #expect(Self.added(b, over: base).isSubset(of: lines))
        }
    }

    static func timestamp(_ rng: inout SplitMix64) -> String {
        let offsets = ["+05:30", "+01:00", "-08:00", "Z", "+00:00"]
        let day = Int.random(in: 24...26, using: &rng)
        let hour = Int.random(in: 0...23, using: &rng)
        let minute = Int.random(in: 0...59, using: &rng)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "2026-11-\(day)T\(two(hour)):\(two(minute)):00\(offsets.randomElement(using: &rng)!)"
    }

    struct RandomTask {
        var fields: [(String, String)]
        var description: [String]
        var log: [String]

        var text: String {
            "---\n" + fields.map { "\($0.0): \($0.1)\n" }.joined() + "---\n\n"
                + description.map { $0 + "\n" }.joined() + "\n## Log\n\n" + log.map { $0 + "\n" }.joined()
        }
    }

    @Test func tasks() {
        var rng = SplitMix64(seed: 7)
        var counter = 0
        for _ in 0..<300 {
            var fields = [
                ("id", "k7q2xm"), ("title", "Title"), ("status", "todo"), ("owner", "priya"),
                ("created", "2026-11-24T09:14:05+05:30"), ("updated", Self.timestamp(&rng)),
            ]
            if Bool.random(using: &rng) { fields.append(("due", "2026-11-28")) }
            let log = (0..<Int.random(in: 1...3, using: &rng)).map { "- \(Self.timestamp(&rng)) priya: base \($0)" }
            let base = RandomTask(
                fields: fields, description: (0..<Int.random(in: 0...4, using: &rng)).map { "base \($0)" },
                log: log)
            var newValues: [String] = []
            func side(_ tag: String) -> RandomTask {
                var task = base
                task.description = Self.edit(base.description, &rng, counter: &counter) { n, _ in "\(tag) text \(n)" }
                for _ in 0..<Int.random(in: 0...2, using: &rng) {
                    counter += 1
                    task.log.append("- \(Self.timestamp(&rng)) \(tag): log \(counter)")
                }
                for _ in 0..<Int.random(in: 0...2, using: &rng) {
                    counter += 1
                    let key = ["title", "status", "owner", "due", "tags"].randomElement(using: &rng)!
                    let value = "\(key)-\(tag)-\(counter)"
                    if let index = task.fields.firstIndex(where: { $0.0 == key }) {
                        if Int.random(in: 0..<4, using: &rng) == 0 {
                            task.fields.remove(at: index)
                            continue
                        }
                        task.fields[index].1 = value
                    } else {
                        task.fields.append((key, value))
                    }
                }
                if Bool.random(using: &rng), let index = task.fields.firstIndex(where: { $0.0 == "updated" }) {
                    task.fields[index].1 = Self.timestamp(&rng)
                }
                newValues += task.fields.map(\.1).filter { $0.contains("-\(tag)-") }
                return task
            }
            let a = side("ours")
            let b = side("theirs")
            let (aAuthor, bAuthor) = (
                Self.authors.randomElement(using: &rng)!, Self.authors.randomElement(using: &rng)!
            )
            let text = Self.checkCommon("tasks/k7q2xm.md", base: base.text, a.text, aAuthor, b.text, bAuthor)
            let lines = Set(S.lines(text))
            #expect(text.hasPrefix("---\nid: k7q2xm\n"))
            #expect(Self.added(a.description, over: base.description).isSubset(of: lines))
            #expect(Self.added(b.description, over: base.description).isSubset(of: lines))
            #expect(Set(a.log + b.log + base.log).isSubset(of: lines))
            for value in newValues { #expect(text.contains(value), "lost field value \(value)") }
            // A log changed on both sides is merged in time order.
            guard a.log != base.log, b.log != base.log else { continue }
            let instants = S.lines(text).filter { $0.hasPrefix("- 2026") }.map {
                JournalMerge.LogMerge.instant(ofEntry: $0)!
            }
            #expect(instants == instants.sorted())
        }
    }

    @Test func notes() {
        var rng = SplitMix64(seed: 2026)
        var counter = 0
        func bullet(_ text: String, _ rng: inout SplitMix64) -> String {
            let h = Int.random(in: 6...22, using: &rng)
            let m = Int.random(in: 0...59, using: &rng)
            return "- \(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m) \(text)"
        }
        for _ in 0..<300 {
            let headings = ["## Yesterday", "## Today", "## Blockers", "## Notes"]
            let base = headings.map { heading in
                (0..<Int.random(in: 0...3, using: &rng)).map {
                    heading == "## Notes" ? "prose \($0)" : bullet("base \($0)", &rng)
                }
            }
            func side(_ tag: String) -> [[String]] {
                base.enumerated().map { index, lines in
                    Self.edit(lines, &rng, counter: &counter) { n, rng in
                        index == 3 ? "\(tag) prose \(n)" : bullet("\(tag) \(n)", &rng)
                    }
                }
            }
            func render(_ sections: [[String]]) -> String {
                "---\nauthor: lee\ndate: 2026-11-24\n---\n"
                    + zip(headings, sections).map { "\n\($0)\n\n" + $1.map { $0 + "\n" }.joined() }.joined()
            }
            let a = side("laptop")
            let b = side("desktop")
            let text = Self.checkCommon(
                "notes/lee/2026/2026-11-24.md", base: render(base), render(a), "lee",
                render(b), Self.authors.randomElement(using: &rng)!)
            let lines = S.lines(text)
            for (index, heading) in headings.enumerated() {
                #expect(lines.filter { $0 == heading }.count == 1)
                let added = Self.added(a[index], over: base[index]).union(Self.added(b[index], over: base[index]))
                #expect(added.isSubset(of: Set(lines)))
            }
            // No bullet is doubled beyond what a side has.
            for line in Set(lines) where line.hasPrefix("- ") {
                let most = max(a.joined().filter { $0 == line }.count, b.joined().filter { $0 == line }.count)
                #expect(lines.filter { $0 == line }.count <= max(most, 1))
            }
        }
    }
}
