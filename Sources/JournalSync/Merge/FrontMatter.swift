extension JournalMerge {
    /// One top-level front matter field: its key line and the lines that belong to it.
    struct FrontMatterField: Equatable, Sendable {
        var key: String
        /// The `key: value` line followed by its indented, `- item`, blank or comment lines.
        var lines: [String]

        /// The raw value text: what follows `key:` on the key line, then the other lines.
        var value: String {
            var first = String(lines[0].dropFirst(key.count + 1))
            if first.hasPrefix(" ") { first.removeFirst() }
            return ([first] + lines.dropFirst()).joined(separator: "\n")
        }
    }

    /// A journal file split into its front matter fields and its body lines.
    ///
    /// Front matter is a first line `---`, then lines up to the next `---`. Each field starts
    /// at column 0 with `name:`; indented lines, `- item` lines, blank lines and `#` comments
    /// belong to the field above. Values are compared as raw text, never interpreted as YAML.
    struct FrontMatterDocument: Equatable, Sendable {
        var fields: [FrontMatterField]
        var body: [String]

        /// Parses `lines`. Empty input is an empty document; input that does not start with a
        /// well-formed front matter block yields nil (the caller then merges as plain text).
        static func parse(_ lines: [String]) -> FrontMatterDocument? {
            if lines.isEmpty { return FrontMatterDocument(fields: [], body: []) }
            guard TextLines.trimTrailing(lines[0]) == "---" else { return nil }
            guard let close = lines.indices.dropFirst().first(where: { TextLines.trimTrailing(lines[$0]) == "---" })
            else { return nil }
            var fields: [FrontMatterField] = []
            var seen = Set<String>()
            for line in lines[1..<close] {
                if let key = keyOf(line) {
                    guard seen.insert(key).inserted else { return nil }
                    fields.append(FrontMatterField(key: key, lines: [line]))
                } else if belongsToPrevious(line), !fields.isEmpty {
                    fields[fields.count - 1].lines.append(line)
                } else {
                    return nil
                }
            }
            return FrontMatterDocument(fields: fields, body: Array(lines[(close + 1)...]))
        }

        /// The document as lines, front matter first.
        var lines: [String] {
            ["---"] + fields.flatMap(\.lines) + ["---"] + body
        }

        /// The field named `key`, if present.
        func field(_ key: String) -> FrontMatterField? {
            fields.first { $0.key == key }
        }

        /// The key of a `key: value` (or `key:`) line starting at column 0, or nil.
        static func keyOf(_ line: String) -> String? {
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
            TextLines.isBlank(line) || line.hasPrefix(" ") || line.hasPrefix("\t")
                || line == "-" || line.hasPrefix("- ") || line.hasPrefix("#")
        }
    }
}
