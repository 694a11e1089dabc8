extension JournalMerge {
    /// Splitting text into lines and joining them back, with the journal's newline rules.
    ///
    /// Line breaks may be `\n`, `\r\n` or `\r`; output always uses `\n` and ends with exactly
    /// one newline. Trailing empty lines are dropped, since they only add newlines at the end.
    enum TextLines {
        /// The lines of `text`, without line terminators and without trailing empty lines.
        static func split(_ text: String) -> [String] {
            var lines: [String] = []
            var current = ""
            for character in text {
                if character == "\n" || character == "\r\n" || character == "\r" {
                    lines.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            lines.append(current)
            while let last = lines.last, last.isEmpty {
                lines.removeLast()
            }
            return lines
        }

        /// `lines` joined with `\n`, ending with exactly one newline.
        static func join(_ lines: [String]) -> String {
            var lines = lines
            while let last = lines.last, last.isEmpty {
                lines.removeLast()
            }
            return lines.joined(separator: "\n") + "\n"
        }

        /// `text` rewritten with the newline rules: `\n` breaks, exactly one final newline.
        static func normalize(_ text: String) -> String {
            join(split(text))
        }

        /// `line` without trailing spaces and tabs.
        static func trimTrailing(_ line: String) -> String {
            var scalars = Substring(line)
            while let last = scalars.last, last == " " || last == "\t" {
                scalars.removeLast()
            }
            return String(scalars)
        }

        /// `text` without leading and trailing spaces and tabs.
        static func trim(_ text: String) -> String {
            var slice = Substring(text)
            while let c = slice.first, c == " " || c == "\t" { slice.removeFirst() }
            while let c = slice.last, c == " " || c == "\t" { slice.removeLast() }
            return String(slice)
        }

        /// Whether `line` is empty or only spaces and tabs.
        static func isBlank(_ line: String) -> Bool {
            line.allSatisfy { $0 == " " || $0 == "\t" }
        }
    }
}
