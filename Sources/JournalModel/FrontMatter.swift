/// Splits a Markdown file into its YAML front matter and body.
public enum FrontMatter {
    /// The YAML between a first line `---` and the next line `---` (or `...`), and the text after it.
    /// CRLF line ends, a leading byte order mark and a missing final newline are accepted; without front
    /// matter `yaml` is nil.
    public static func split(_ text: String) -> (yaml: String?, body: String) {
        var copy = text
        let found = copy.withUTF8 { bytes -> (yaml: String, body: String)? in
            guard let (yamlRange, bodyStart) = frontMatterRanges(UnsafeRawBufferPointer(bytes)) else { return nil }
            let yamlBytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[yamlRange])
            var yaml = String(decoding: yamlBytes, as: UTF8.self)
            if yamlBytes.contains(UInt8(ascii: "\r")) {
                yaml = TextLines(yaml).lines.map { $0.stripCR() + "\n" }.joined()
            }
            let body = String(
                decoding: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[bodyStart...]), as: UTF8.self)
            return (yaml, body)
        }
        guard let found else { return (nil, text) }
        return found
    }

    /// The bytes of the YAML lines (each ending in a newline) and where the body starts, found by
    /// scanning for the `---` line and the next `---` or `...` line (trailing spaces, tabs and
    /// carriage returns ignored).
    private static func frontMatterRanges(_ bytes: UnsafeRawBufferPointer) -> (yaml: Range<Int>, bodyStart: Int)? {
        let count = bytes.count
        func lineEnd(_ start: Int) -> Int {
            var i = start
            while i < count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            return i
        }
        func isMarker(_ start: Int, _ end: Int, dotsToo: Bool) -> Bool {
            var e = end
            while e > start,
                bytes[e - 1] == UInt8(ascii: " ") || bytes[e - 1] == UInt8(ascii: "\t")
                    || bytes[e - 1] == UInt8(ascii: "\r")
            {
                e -= 1
            }
            guard e - start == 3 else { return false }
            let c = bytes[start]
            guard c == UInt8(ascii: "-") || (dotsToo && c == UInt8(ascii: ".")) else { return false }
            return bytes[start + 1] == c && bytes[start + 2] == c
        }
        let first = hasByteOrderMark(bytes) ? 3 : 0
        let firstEnd = lineEnd(first)
        guard count > 0, isMarker(first, firstEnd, dotsToo: false) else { return nil }
        var start = firstEnd + 1
        while start < count {
            let end = lineEnd(start)
            if isMarker(start, end, dotsToo: true) { return (firstEnd + 1..<start, min(end + 1, count)) }
            start = end + 1
        }
        return nil
    }

    /// The index of the line closing the front matter, or nil when there is none.
    static func closingLineIndex(_ lines: [String]) -> Int? {
        guard let first = lines.first, droppingByteOrderMark(first).trimmingTrailingSpaces() == "---" else {
            return nil
        }
        return lines.indices.dropFirst().first { index in
            let trimmed = lines[index].trimmingTrailingSpaces()
            return trimmed == "---" || trimmed == "..."
        }
    }
}

extension FrontMatter {
    /// `text` without a leading UTF-8 byte order mark (U+FEFF), which some editors write.
    public static func droppingByteOrderMark(_ text: String) -> String {
        text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    }

    fileprivate static func hasByteOrderMark(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }
}

/// A text as lines split on `\n` (a `\r` before it stays in the line), remembering the final newline.
struct TextLines: Sendable, Equatable {
    var lines: [String]
    var endsWithNewline: Bool

    init(_ text: String) {
        var parts = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        endsWithNewline = text.utf8.last == UInt8(ascii: "\n")
        if endsWithNewline { parts.removeLast() }
        lines = text.isEmpty ? [] : parts
    }

    /// The lines joined with `\n`, with a final newline when `endsWithNewline`.
    var text: String {
        let joined = lines.joined(separator: "\n")
        return endsWithNewline && !lines.isEmpty ? joined + "\n" : joined
    }
}

extension String {
    /// The string without one trailing `\r`.
    func stripCR() -> String {
        utf8.last == UInt8(ascii: "\r") ? String(decoding: utf8.dropLast(), as: UTF8.self) : self
    }
}
