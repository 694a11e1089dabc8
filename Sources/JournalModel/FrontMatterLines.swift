/// A journal file's front matter as raw lines: one span of lines per top-level field, kept byte for byte,
/// and the body after it. The merge compares and rewrites fields this way, so that a field nobody changed
/// comes out exactly as it went in; `FrontMatter.split` finds the same block for the YAML reader.
///
/// The block is the one `FrontMatter` finds: a first line `---` (after an optional byte order mark), then
/// lines up to the next `---` or `...`. Each field starts at column 0 with `name:`; indented lines,
/// `- item` lines, blank lines and `#` comments belong to the field above. Values stay raw text, never
/// interpreted as YAML.
public struct FrontMatterLines: Equatable, Sendable {
    /// One top-level field: its key line and the lines that belong to it.
    public struct Field: Equatable, Sendable {
        public var key: String
        /// The `key: value` line followed by its indented, `- item`, blank or comment lines.
        public var lines: [String]

        public init(key: String, lines: [String]) {
            self.key = key
            self.lines = lines
        }

        /// The raw value text: what follows `key:` on the key line, then the other lines.
        public var value: String {
            var first = String(lines[0].dropFirst(key.count + 1))
            if first.hasPrefix(" ") { first.removeFirst() }
            return ([first] + lines.dropFirst()).joined(separator: "\n")
        }
    }

    /// The opening line as written (`---`, perhaps after a byte order mark or before trailing spaces).
    public var opening: String
    public var fields: [Field]
    /// The closing line as written (`---` or `...`).
    public var closing: String
    public var body: [String]

    public init(opening: String = "---", fields: [Field], closing: String = "---", body: [String]) {
        self.opening = opening
        self.fields = fields
        self.closing = closing
        self.body = body
    }

    /// Parses `lines` (without line terminators). Empty input is an empty document; input that does not
    /// start with a well-formed front matter block, or that names a field twice, yields nil. `text` turns a
    /// line back into the text it stands for, where the caller holds lines in another form (the merge
    /// holds byte images, in which a byte order mark is not U+FEFF).
    public static func parse(_ lines: [String], text: (String) -> String = { $0 }) -> FrontMatterLines? {
        if lines.isEmpty { return FrontMatterLines(fields: [], body: []) }
        guard let close = FrontMatter.closingLineIndex([text(lines[0])] + lines.dropFirst()) else { return nil }
        var fields: [Field] = []
        var seen = Set<String>()
        for line in lines[1..<close] {
            if let key = keyOf(line) {
                guard seen.insert(key).inserted else { return nil }
                fields.append(Field(key: key, lines: [line]))
            } else if belongsToPrevious(line), !fields.isEmpty {
                fields[fields.count - 1].lines.append(line)
            } else {
                return nil
            }
        }
        return FrontMatterLines(
            opening: lines[0], fields: fields, closing: lines[close], body: Array(lines[(close + 1)...]))
    }

    /// The document as lines, front matter first.
    public var lines: [String] {
        [opening] + fields.flatMap(\.lines) + [closing] + body
    }

    /// The field named `key`, if present.
    public func field(_ key: String) -> Field? {
        fields.first { $0.key == key }
    }

    /// The key of a `key: value` (or `key:`) line starting at column 0, or nil.
    public static func keyOf(_ line: String) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon]
        // Non-ASCII characters count as letters (an `ExactText` image shows them as bytes).
        func isWordCharacter(_ c: Character) -> Bool { !c.isASCII || c.isLetter || c.isNumber || c == "_" }
        guard let first = key.first, isWordCharacter(first),
            key.allSatisfy({ isWordCharacter($0) || $0 == "-" || $0 == "." })
        else { return nil }
        let after = line[line.index(after: colon)...]
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        return String(key)
    }

    private static func belongsToPrevious(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" } || line.hasPrefix(" ") || line.hasPrefix("\t")
            || line == "-" || line.hasPrefix("- ") || line.hasPrefix("#")
    }
}
