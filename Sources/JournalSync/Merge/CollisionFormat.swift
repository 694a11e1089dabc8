extension JournalMerge {
    /// How a true collision is written when both versions are kept. No conflict markers, ever.
    ///
    /// Both sides' versions are kept, in canonical order (author name, then text), each
    /// introduced by an italic attribution line, and followed by a closing line:
    ///
    /// ```
    /// *(merge: priya and tom edited the same lines; priya's version:)*
    /// ...priya's lines...
    /// *(merge: tom's version:)*
    /// ...tom's lines...
    /// *(merge: end of both versions)*
    /// ```
    ///
    /// When both sides have the same author (one person on two machines) the first line reads
    /// `*(merge: lee edited the same lines in two clones; first version:)*` and the second
    /// `*(merge: lee's other version:)*`. Lines both versions share at the start or end are
    /// written once, outside the block.
    ///
    /// YAML files (`.yml`, `.yaml`, such as `baton.yml`) must stay valid YAML, so there the
    /// attribution lines are `#` comments and the second version is kept commented out:
    ///
    /// ```
    /// # merge: priya and tom edited the same lines; priya's version is in effect:
    /// team: Relay One
    /// # merge: tom's version:
    /// # team: Baton crew
    /// # merge: end of both versions
    /// ```
    enum CollisionFormat {
        /// How attribution lines are written.
        enum Style: Sendable, Equatable {
            /// Italic Markdown lines; both versions stay as they are.
            case markdown
            /// `#` comments; the second version is commented out.
            case yaml

            /// The style for a file at `path`.
            init(path: String) {
                self = path.hasSuffix(".yml") || path.hasSuffix(".yaml") ? .yaml : .markdown
            }
        }

        /// `author` as shown in attribution lines: one line, trimmed, `someone` when empty.
        static func displayName(_ author: String) -> String {
            let flat = TextLines.split(author).map(TextLines.trim).joined(separator: " ")
            let trimmed = TextLines.trim(flat)
            return trimmed.isEmpty ? "someone" : trimmed
        }

        /// `author` as a handle for a log line (`[a-z0-9][a-z0-9_-]{0,31}`): lower-cased, other
        /// characters turned into `-`, `unknown` when nothing is left.
        static func handle(_ author: String) -> String {
            var handle = ""
            for character in displayName(author).lowercased() {
                if character.isASCII, character.isLetter || character.isNumber || character == "_" || character == "-" {
                    handle.append(character)
                } else if !handle.hasSuffix("-") {
                    handle.append("-")
                }
            }
            while handle.hasPrefix("-") || handle.hasPrefix("_") { handle.removeFirst() }
            while handle.hasSuffix("-") { handle.removeLast() }
            handle = String(handle.prefix(32))
            return handle.isEmpty ? "unknown" : handle
        }

        /// The kept-both block for two differing, non-empty versions.
        static func block(
            first: [String], second: [String], authors: MergeAuthors,
            style: Style = .markdown
        ) -> [String] {
            let a = displayName(authors.first)
            let b = displayName(authors.second)
            let lead =
                a == b
                ? "\(a) edited the same lines in two clones; first version"
                : "\(a) and \(b) edited the same lines; \(a)'s version"
            let other = a == b ? "\(a)'s other version" : "\(b)'s version"
            switch style {
            case .markdown:
                return ["*(merge: \(lead):)*"] + first + ["*(merge: \(other):)*"] + second
                    + ["*(merge: end of both versions)*"]
            case .yaml:
                return ["# merge: \(lead) is in effect:"] + first + ["# merge: \(other):"]
                    + second.map { "# " + $0 } + ["# merge: end of both versions"]
            }
        }
    }
}
