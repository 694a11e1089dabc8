import Foundation
import TestSupport
import Testing
import Yams

@testable import JournalModel

@Suite struct YAMLBoundsTests {
    /// A "billion laughs" front matter: nine aliases per level (six levels expand to 531,441 values).
    static func aliasBomb(levels: Int = 6) -> String {
        var yaml = "id: aaaab2\ntitle: bomb\nstatus: todo\ncreated: 2026-11-24T09:00:00Z\n"
        yaml += "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1..<levels {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        return yaml
    }

    @Test func refusesAnAliasBombBeforeComposing() throws {
        let started = Date()
        #expect((try? YAMLFields.parse(Self.aliasBomb())) == nil)
        #expect(Date().timeIntervalSince(started) < 5)
        let text = "---\n" + Self.aliasBomb() + "---\n\nbody\n"
        #expect {
            try TaskDocument.parse(text, path: "tasks/aaaab2.md")
        } throws: { error in
            let message = (error as? LocalizedError)?.errorDescription ?? ""
            return message.contains("tasks/aaaab2.md") && message.contains("anchors") && !message.contains("\n")
        }
    }

    @Test func refusesAnchorsAliasesAndMergeKeys() {
        let hostile = [
            "a: &x 1\n", "a: *x\n", "a: [&x 1, *x]\n", "a:\n  - &x 1\n  - *x\n", "base: {b: 1}\nc:\n  <<: {b: 2}\n",
            "a: !!str &x v\n", "? &k a\n: b\n", "a: {k: *x}\n", "- &a\n  - 1\n",
        ]
        for yaml in hostile {
            #expect((try? YAMLFields.parse(yaml)) == nil, "\(yaml.debugDescription)")
        }
        #expect(throws: ModelError.self) { try JournalConfig.parse("team: &t x\nworkdays: *t\n") }
    }

    @Test func acceptsAmpersandsAndStarsInsideText() throws {
        let friendly = [
            "title: Tom & Jerry\n", "title: 2 * 3\n", "title: \"&x *y\"\n", "title: '*x'\n", "title: a # &x comment\n",
            "notes: |\n  * bullet\n  & more\n", "notes: >\n  *folded*\n", "title: first\n  *continued\n",
            "tags: [a&b, c*d]\n", "# &anchor in a comment\ntitle: x\n", "title: \"quoted \\\" *x\"\n", "key: a<<b\n",
            "title: 'it''s *x'\n",
        ]
        for yaml in friendly {
            #expect(throws: Never.self, "\(yaml.debugDescription)") { try YAMLBounds.check(yaml) }
        }
    }

    @Test func capsSizeAndDepth() {
        let big = "title: " + String(repeating: "x", count: YAMLBounds.maxBytes) + "\n"
        #expect((try? YAMLFields.parse(big)) == nil)
        let deep = "a: " + String(repeating: "[", count: 500) + String(repeating: "]", count: 500) + "\n"
        #expect((try? YAMLFields.parse(deep)) == nil)
        let many = "a: [" + Array(repeating: "x", count: YAMLBounds.maxNodes + 1).joined(separator: ",") + "]\n"
        #expect((try? YAMLFields.parse(many)) == nil)
    }

    /// The scan finds an anchor, alias or merge key exactly when libyaml does, on random YAML.
    @Test func agreesWithLibyamlOnWhereAnchorsAre() throws {
        let pieces = [
            "a", "b", " ", "  ", ": ", ":", "\n", "\n  ", "\n    ", "- ", "[", "]", "{", "}", ", ", "'", "\"", "\\",
            "&x ", "*x", "&", "*", "#", " #", "|", ">", "<<", "? ", "!t ", "x&y", "x*y", "---\n", "'&x'", "\"*x\"",
            "\u{85}", "\u{2028}", "[a]: ", "\n? ", "\n: ", "|2", "\t", "{a: b}: ",
        ]
        let seed = UInt64(ProcessInfo.processInfo.environment["YAML_BOUNDS_SEED"] ?? "") ?? 12
        let rounds = Int(ProcessInfo.processInfo.environment["YAML_BOUNDS_ROUNDS"] ?? "") ?? 12000
        var rng = SplitMix64(seed: seed)
        var flagged = 0
        var composed = 0
        for _ in 0..<rounds {
            let yaml = (0..<Int.random(in: 1...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                .joined()
            guard let parser = try? Yams.Parser(yaml: yaml), let root = try? parser.singleRoot() else { continue }
            composed += 1
            let expected = Self.hasAnchorOrMerge(root)
            let found = (try? YAMLBounds.check(yaml)) == nil
            if found { flagged += 1 }
            #expect(found == expected, "\(yaml.debugDescription)")
            withExtendedLifetime(parser) {}
        }
        #expect(composed > 1000)
        #expect(flagged > 100)
    }

    /// True when a node carries an anchor (aliases carry their target's) or a mapping has a plain `<<` key.
    /// Only valid while the parser that composed `node` is alive (Yams keeps anchors weakly).
    static func hasAnchorOrMerge(_ node: Node) -> Bool {
        switch node {
        case .scalar(let scalar):
            return scalar.anchor != nil
        case .sequence(let sequence):
            return sequence.anchor != nil || sequence.contains(where: hasAnchorOrMerge)
        case .mapping(let mapping):
            if mapping.anchor != nil { return true }
            return mapping.contains { pair in
                if case .scalar(let key) = pair.key, key.string == "<<", key.style == .plain { return true }
                return hasAnchorOrMerge(pair.key) || hasAnchorOrMerge(pair.value)
            }
        case .alias:
            return true
        }
    }
}
