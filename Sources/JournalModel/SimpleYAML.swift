/// Reads the front matter baton itself writes (one `key: value` line per field: plain scalars,
/// double-quoted strings without escapes, one-line lists of plain words) without building a YAML
/// document, which is about forty times faster than composing it with Yams.
///
/// Anything outside that narrow form (comments, nested maps, block lists, single quotes, escapes,
/// tabs, duplicate keys, ...) returns nil and the caller parses the text with Yams, so the result is
/// always what Yams would give. A randomised test holds the two parsers to the same answers.
enum SimpleYAML {
    /// The fields of `yaml` (lines ending in `\n`), or nil when the text needs the full parser.
    static func parse(_ yaml: String) -> [YAMLField]? {
        guard yaml.unicodeScalars.allSatisfy(isPlainText) else { return nil }
        var fields: [YAMLField] = []
        var keys = Set<Substring>()
        for rawLine in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let line = Substring(rawLine)
            guard let colon = keyEnd(line) else { return nil }
            let key = line[..<colon]
            guard keys.insert(key).inserted else { return nil }
            let rest = line[line.index(after: colon)...]
            let value: YAMLValue
            if rest.isEmpty {
                value = .scalar("", plain: true)
            } else {
                guard rest.first == " ", let parsed = scalarOrList(rest.dropFirst()) else { return nil }
                value = parsed
            }
            fields.append(YAMLField(key: String(key), value: value))
        }
        return fields
    }

    /// Printable characters YAML accepts anywhere, minus the ones baton's writer would quote.
    private static func isPlainText(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x20...0x7E: return true
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return false
        case 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// The index of the `:` that ends a plain key (at most 128 letters, digits, `_` and `-`).
    private static func keyEnd(_ line: Substring) -> Substring.Index? {
        guard let first = line.utf8.first, isKeyByte(first), first != UInt8(ascii: "-") else { return nil }
        var index = line.utf8.index(after: line.utf8.startIndex)
        while index < line.utf8.endIndex {
            let byte = line.utf8[index]
            if byte == UInt8(ascii: ":") { return index }
            guard isKeyByte(byte), line.utf8.distance(from: line.utf8.startIndex, to: index) < 128 else { return nil }
            index = line.utf8.index(after: index)
        }
        return nil
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    private static func scalarOrList(_ text: Substring) -> YAMLValue? {
        guard let first = text.utf8.first else { return nil }
        if first == UInt8(ascii: "\"") { return quoted(text) }
        if first == UInt8(ascii: "[") { return flowList(text) }
        let value = String(text)
        return YAMLScalar.isSafePlain(value, inFlow: false) ? .scalar(value, plain: true) : nil
    }

    /// `"text"` with no escapes, quotes or control characters inside.
    private static func quoted(_ text: Substring) -> YAMLValue? {
        let bytes = text.utf8
        guard bytes.count >= 2, bytes.last == UInt8(ascii: "\"") else { return nil }
        let inner = text.dropFirst().dropLast()
        if inner.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { return nil }
        return .scalar(String(inner), plain: false)
    }

    /// `[a, b]` or `[]`: plain items that are safe in a flow list.
    private static func flowList(_ text: Substring) -> YAMLValue? {
        guard text.utf8.last == UInt8(ascii: "]") else { return nil }
        let inner = text.dropFirst().dropLast()
        if inner.isEmpty { return .list([], flow: true) }
        var items: [YAMLValue] = []
        for (position, part) in inner.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            // Items are separated by ", " exactly; the first has no leading space.
            guard position == 0 || part.first == " " else { return nil }
            let item = String(position == 0 ? part : part.dropFirst())
            guard YAMLScalar.isSafePlain(item, inFlow: true) else { return nil }
            items.append(.scalar(item, plain: true))
        }
        return .list(items, flow: true)
    }
}
