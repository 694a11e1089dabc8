/// Reads the front matter baton itself writes (one `key: value` line per field: plain scalars,
/// double-quoted strings without escapes, one-line lists of plain words, and `#` comments as in
/// `baton.yml`) without building a YAML
/// document, which is about forty times faster than composing it with Yams.
///
/// Anything outside that narrow form (comments, nested maps, block lists, single quotes, escapes,
/// tabs, duplicate keys, ...) returns nil and the caller parses the text with Yams, so the result is
/// always what Yams would give. A randomised test holds the two parsers to the same answers.
enum SimpleYAML {
    /// The fields of `yaml` (lines ending in `\n`), or nil when the text needs the full parser.
    static func parse(_ yaml: String) -> [YAMLField]? {
        // Printable ASCII needs no scalar-by-scalar look (the usual case).
        let ascii = yaml.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }
        guard ascii || yaml.unicodeScalars.allSatisfy(isPlainText) else { return nil }
        var fields: [YAMLField] = []
        fields.reserveCapacity(12)
        let space = UInt8(ascii: " ")
        for rawLine in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let line = Substring(rawLine)
            if line.utf8.first == UInt8(ascii: "#") { continue }  // a comment line
            guard let colon = keyEnd(line) else { return nil }
            let key = String(line[..<colon])
            // A duplicate key is Yams' error to report. (Keys are ASCII here: compare bytes.)
            if fields.contains(where: { $0.key.utf8.elementsEqual(key.utf8) }) { return nil }
            let rest = line.utf8[line.utf8.index(after: colon)...]
            let value: YAMLValue
            if rest.isEmpty {
                value = .scalar("", plain: true)
            } else {
                guard rest.first == space else { return nil }
                let body = rest.drop(while: { $0 == space })
                if body.isEmpty || body.first == UInt8(ascii: "#") {
                    value = .scalar("", plain: true)
                } else {
                    guard let parsed = scalarOrList(Substring(body)) else { return nil }
                    value = parsed
                }
            }
            fields.append(YAMLField(key: key, value: value))
        }
        return fields
    }

    /// True when `text` is empty, spaces, or spaces then a comment.
    private static func isBlankOrComment(_ text: Substring) -> Bool {
        let body = text.utf8.drop(while: { $0 == UInt8(ascii: " ") })
        return body.isEmpty || (body.first == UInt8(ascii: "#") && body.startIndex > text.utf8.startIndex)
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
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
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
        // A plain value ends before ` #` (a comment); trailing spaces are not part of it.
        var value = text
        var previous: UInt8 = 0
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "#") && previous == UInt8(ascii: " ") {
                value = text[..<index]
                break
            }
            previous = byte
            utf8.formIndex(after: &index)
        }
        while value.utf8.last == UInt8(ascii: " ") { value = Substring(value.utf8.dropLast()) }
        let plain = String(value)
        return YAMLScalar.isSafePlain(plain, inFlow: false) ? .scalar(plain, plain: true) : nil
    }

    /// `"text"` with no escapes or quotes inside, then nothing but an optional comment.
    private static func quoted(_ text: Substring) -> YAMLValue? {
        let inner = text.utf8.dropFirst()
        guard let close = inner.firstIndex(of: UInt8(ascii: "\"")),
            isBlankOrComment(Substring(inner[inner.index(after: close)...]))
        else {
            return nil
        }
        let content = inner[..<close]
        if content.contains(UInt8(ascii: "\\")) { return nil }
        return .scalar(String(Substring(content)), plain: false)
    }

    /// `[a, b]` or `[]`: plain items that are safe in a flow list, then an optional comment.
    private static func flowList(_ text: Substring) -> YAMLValue? {
        guard let close = text.utf8.firstIndex(of: UInt8(ascii: "]")),
            isBlankOrComment(text[text.utf8.index(after: close)...])
        else {
            return nil
        }
        let inner = text[text.utf8.index(after: text.startIndex)..<close]
        if inner.isEmpty { return .list([], flow: true) }
        var items: [YAMLValue] = []
        for (position, part) in inner.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            .enumerated()
        {
            // Items are separated by ", " exactly; the first has no leading space.
            guard position == 0 || part.first == UInt8(ascii: " ") else { return nil }
            let item = String(Substring(position == 0 ? part : part.dropFirst()))
            guard YAMLScalar.isSafePlain(item, inFlow: true) else { return nil }
            items.append(.scalar(item, plain: true))
        }
        return .list(items, flow: true)
    }
}
