/// Limits on the YAML a teammate can push, checked on the text before Yams composes anything.
///
/// Yams (libyaml) resolves every alias to its anchored node while composing, and walking the
/// result expands it: a few hundred bytes of nested aliases become gigabytes. baton never writes
/// anchors, aliases or merge keys, so they are refused outright, found by a scan that follows
/// libyaml's scanner far enough to tell where a token starts (outside quoted, plain and block
/// scalars and comments). The scan also caps the size, the number of nodes and the nesting depth,
/// so what composing costs stays proportional to a small input.
enum YAMLBounds {
    /// The largest YAML text read (front matter or `baton.yml`).
    static let maxBytes = 128 * 1024
    /// The most scalars and collections one document may hold.
    static let maxNodes = 10_000
    /// The deepest nesting of collections.
    static let maxDepth = 64

    /// Throws `YAMLFieldsError` (one line, `line N: ...` counted from `firstLine`) when `yaml` holds an
    /// anchor, an alias or a merge key, or is larger or deeper than the limits.
    static func check(_ yaml: String, firstLine: Int = 1) throws {
        try checkSize(yaml)
        var scanner = Scanner(bytes: Array(yaml.utf8))
        if let problem = scanner.run() {
            throw YAMLFieldsError(detail: "line \(problem.line + firstLine - 1): \(problem.text)")
        }
    }

    /// Throws when `yaml` is larger than `maxBytes`.
    static func checkSize(_ yaml: String) throws {
        guard yaml.utf8.count <= maxBytes else {
            throw YAMLFieldsError(detail: "the YAML is larger than \(maxBytes / 1024) KiB")
        }
    }

    /// What the scan found wrong, and on which line (1-based, in `yaml`).
    struct Problem {
        var line: Int
        var text: String
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        var lineStart = 0
        var flowLevel = 0
        /// Columns of the open block collections (libyaml's indent stack).
        var indents: [Int] = []
        var nodes = 0
        /// The column of the outermost open flow collection (a key when `:` follows its end).
        var flowStart = 0
        /// True right after a key whose `:` is still to come (that `:` opens no block of its own).
        var keyPending = false
        /// The column of the tag read just before the coming node, if any.
        var propertyColumn: Int?
        /// True right after a `? ` explicit key indicator.
        var afterQuestionMark = false
        /// The open flow collections, innermost last (`[` or `{`).
        var flowKinds: [UInt8] = []
        /// True where a flow mapping expects a key (after `{` or `,`).
        var atFlowMappingKey = false

        /// `bytes` with YAML's other line breaks (NEL, LS, PS) as `\n`, so lines end where libyaml ends them.
        init(bytes: [UInt8]) {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var k = 0
            while k < bytes.count {
                if bytes[k] == 0xC2, k + 1 < bytes.count, bytes[k + 1] == 0x85 {
                    out.append(0x0A)
                    k += 2
                } else if bytes[k] == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80,
                    bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9
                {
                    out.append(0x0A)
                    k += 3
                } else {
                    out.append(bytes[k])
                    k += 1
                }
            }
            self.bytes = out
        }

        var column: Int { i - lineStart }
        var indent: Int { indents.last ?? -1 }

        func byte(_ offset: Int = 0) -> UInt8? {
            let at = i + offset
            return at < bytes.count ? bytes[at] : nil
        }

        static func isBreak(_ b: UInt8?) -> Bool { b == 0x0A || b == 0x0D }
        static func isBlank(_ b: UInt8?) -> Bool { b == 0x20 || b == 0x09 }
        static func isBlankOrEnd(_ b: UInt8?) -> Bool { b == nil || isBlank(b) || isBreak(b) }
        static func isFlowIndicator(_ b: UInt8?) -> Bool {
            guard let b else { return false }
            return b == UInt8(ascii: ",") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]")
                || b == UInt8(ascii: "{") || b == UInt8(ascii: "}")
        }

        /// Moves past one byte, counting lines (`\r\n` counts once, at its `\n`).
        mutating func advance() {
            let b = bytes[i]
            i += 1
            if b == 0x0A || (b == 0x0D && byte() != 0x0A) {
                line += 1
                lineStart = i
            }
        }

        mutating func problem(_ text: String) -> Problem? { Problem(line: line, text: text) }

        /// Counts one node; nil while within the limit.
        mutating func countNode() -> Problem? {
            nodes += 1
            return nodes > YAMLBounds.maxNodes ? problem("more than \(YAMLBounds.maxNodes) values") : nil
        }

        mutating func checkDepth() -> Problem? {
            indents.count + flowLevel > YAMLBounds.maxDepth
                ? problem("values nested more than \(YAMLBounds.maxDepth) deep") : nil
        }

        /// A block collection starts at `column` (libyaml's roll_indent).
        mutating func roll(_ column: Int) -> Problem? {
            guard flowLevel == 0, column > indent else { return nil }
            indents.append(column)
            return countNode() ?? checkDepth()
        }

        mutating func run() -> Problem? {
            while true {
                skipToToken()
                guard let c = byte() else { return nil }
                if flowLevel == 0 { while indent > column { indents.removeLast() } }
                if column == 0, c == UInt8(ascii: "%") {
                    skipLine()
                    continue
                }
                if column == 0, c == UInt8(ascii: "-") || c == UInt8(ascii: "."), byte(1) == c, byte(2) == c,
                    Self.isBlankOrEnd(byte(3))
                {
                    i += 3
                    indents = []
                    continue
                }
                let before = i
                if let found = token(c) { return found }
                if i == before { i += 1 }  // never stall on a byte no rule consumed
            }
        }

        /// Reads the token starting with `c`.
        mutating func token(_ c: UInt8) -> Problem? {
            // A tag before a node is where that node starts (as a key, too); explicit `? ` keys may be `<<`.
            let property = propertyColumn
            let explicitKey = afterQuestionMark || atFlowMappingKey
            if c != UInt8(ascii: "!") {
                propertyColumn = nil
                afterQuestionMark = false
                atFlowMappingKey = false
            }
            switch c {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if flowLevel == 0 { flowStart = property ?? column }
                flowLevel += 1
                flowKinds.append(c)
                atFlowMappingKey = c == UInt8(ascii: "{")
                i += 1
                return countNode() ?? checkDepth()
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowLevel = max(0, flowLevel - 1)
                _ = flowKinds.popLast()
                i += 1
                // `[a, b]: c` is a block mapping keyed by a flow collection.
                if flowLevel == 0 { return keyCheck(startColumn: flowStart) }
            case UInt8(ascii: ","):
                atFlowMappingKey = flowKinds.last == UInt8(ascii: "{")
                i += 1
            case UInt8(ascii: "*"):
                return problem("aliases (*name) are not accepted; write the value out in full")
            case UInt8(ascii: "&"):
                return problem("anchors (&name) are not accepted; write the value out in full")
            case UInt8(ascii: "!"):
                if propertyColumn == nil { propertyColumn = column }
                while let b = byte(), !Self.isBlankOrEnd(b), flowLevel == 0 || !Self.isFlowIndicator(b) { i += 1 }
            case UInt8(ascii: "-") where Self.isBlankOrEnd(byte(1)):
                if let found = roll(column) { return found }
                i += 1
            case UInt8(ascii: "?") where flowLevel > 0 || Self.isBlankOrEnd(byte(1)):
                if let found = roll(column) { return found }
                afterQuestionMark = true
                i += 1
            case UInt8(ascii: ":") where flowLevel > 0 || Self.isBlankOrEnd(byte(1)):
                // A value without a key before it on its line opens a mapping at its own column, or at
                // the column of a tag that stands for an empty key (`!t : x`).
                if !keyPending, let found = roll(property ?? column) { return found }
                keyPending = false
                i += 1
            case UInt8(ascii: "|") where flowLevel == 0, UInt8(ascii: ">") where flowLevel == 0:
                if let found = countNode() { return found }
                skipBlockScalar()
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                let start = property ?? column
                if let found = countNode() { return found }
                skipQuoted(c)
                return keyCheck(startColumn: start)
            default:
                let start = property ?? column
                if let found = countNode() { return found }
                let from = i
                skipPlain()
                let text = bytes[from..<i]
                if text.elementsEqual("<<".utf8), explicitKey || followedByValueIndicator() {
                    return problem("merge keys (<<) are not accepted; write the fields out in full")
                }
                return keyCheck(startColumn: start)
            }
            return nil
        }

        /// Whether the scalar just read is a key (`: ` follows on its line); a block key opens a mapping.
        mutating func keyCheck(startColumn: Int) -> Problem? {
            guard flowLevel == 0, followedByValueIndicator() else { return nil }
            keyPending = true
            return roll(startColumn)
        }

        func followedByValueIndicator() -> Bool {
            var j = i
            while j < bytes.count, Self.isBlank(bytes[j]) { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: ":") else { return false }
            let next: UInt8? = j + 1 < bytes.count ? bytes[j + 1] : nil
            return flowLevel > 0 || Self.isBlankOrEnd(next)
        }

        /// Skips blanks, line breaks and comments up to the next token.
        mutating func skipToToken() {
            while let b = byte() {
                if Self.isBlank(b) || Self.isBreak(b) || b == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF {
                    if b == 0xEF { i += 3 } else { advance() }
                } else if b == UInt8(ascii: "#") {
                    skipLine()
                } else {
                    return
                }
            }
        }

        /// Skips to the line break (not past it).
        mutating func skipLine() {
            while let b = byte(), !Self.isBreak(b) { i += 1 }
        }

        /// A single- or double-quoted scalar, which may span lines.
        mutating func skipQuoted(_ quote: UInt8) {
            i += 1
            while let b = byte() {
                if quote == UInt8(ascii: "\""), b == UInt8(ascii: "\\") {
                    i += 1
                    if byte() != nil { advance() }
                    continue
                }
                if b == quote {
                    i += 1
                    // `''` is an escaped quote inside a single-quoted scalar.
                    if quote == UInt8(ascii: "'"), byte() == quote {
                        i += 1
                        continue
                    }
                    return
                }
                advance()
            }
        }

        /// A plain scalar, as libyaml's scan_plain_scalar ends it; leaves `i` after its last character.
        mutating func skipPlain() {
            let minimumIndent = indent + 1
            var end = (i, line, lineStart)
            while true {
                if column == 0, let c = byte(), c == UInt8(ascii: "-") || c == UInt8(ascii: "."), byte(1) == c,
                    byte(2) == c, Self.isBlankOrEnd(byte(3))
                {
                    break
                }
                if byte() == UInt8(ascii: "#") { break }
                while let b = byte(), !Self.isBlankOrEnd(b) {
                    let next = byte(1)
                    let endsScalar = Self.isBlankOrEnd(next) || flowLevel > 0 && Self.isFlowIndicator(next)
                    if b == UInt8(ascii: ":"), endsScalar { break }
                    if flowLevel > 0, Self.isFlowIndicator(b) { break }
                    i += 1
                    end = (i, line, lineStart)
                }
                guard Self.isBlank(byte()) || Self.isBreak(byte()) else { break }
                var crossedLine = false
                while let b = byte(), Self.isBlank(b) || Self.isBreak(b) {
                    if Self.isBreak(b) { crossedLine = true }
                    advance()
                }
                if byte() == nil || flowLevel == 0 && crossedLine && column < minimumIndent { break }
            }
            // Resume right after the scalar's last character; the blanks after it are skipped as usual.
            (i, line, lineStart) = end
        }

        /// A `|` or `>` block scalar: the header line, then every line indented at least as far as
        /// its content (detected from the first non-empty line, or given by an indentation digit).
        mutating func skipBlockScalar() {
            let parentIndent = indent
            i += 1
            var explicit: Int?
            while let b = byte(), !Self.isBlankOrEnd(b) {
                if b >= UInt8(ascii: "1"), b <= UInt8(ascii: "9") { explicit = Int(b - UInt8(ascii: "0")) }
                i += 1
            }
            skipLine()
            guard byte() != nil else { return }
            advance()
            var contentIndent = explicit.map { parentIndent >= 0 ? parentIndent + $0 : $0 }
            while byte() != nil {
                let start = i
                var spaces = 0
                while byte() == UInt8(ascii: " ") {
                    i += 1
                    spaces += 1
                }
                let empty = byte() == nil || Self.isBreak(byte())
                if empty {
                    skipLine()
                    if byte() != nil { advance() }
                    continue
                }
                let required = contentIndent ?? max(spaces, parentIndent + 1, 1)
                if contentIndent == nil { contentIndent = required }
                if spaces < required {
                    i = start
                    return
                }
                skipLine()
                if byte() != nil { advance() }
            }
        }
    }
}
