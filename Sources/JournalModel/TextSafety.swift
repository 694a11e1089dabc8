/// Checks and cleans text that goes into one-line fields (titles, reasons, log lines).
public enum TextSafety {
    /// True when `s` holds no line breaks and no control characters other than tab.
    public static func isSafeLine(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { !isLineBreak($0) && !isUnsafeControl($0) }
    }

    /// `s` as one line: line breaks become spaces, other control characters (except tab) are
    /// removed, and surrounding whitespace is trimmed.
    public static func singleLine(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasBreak = false
        for scalar in s.unicodeScalars {
            if isLineBreak(scalar) {
                if !lastWasBreak { out.append(" ") }
                lastWasBreak = true
                continue
            }
            lastWasBreak = false
            if !isUnsafeControl(scalar) { out.append(scalar) }
        }
        return String(out).trimmingWhitespace()
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Control characters other than tab, plus bidirectional overrides that can disguise text.
    static func isUnsafeControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x09 { return false }
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return true }
        return false
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        // Most values start and end with a visible ASCII character: nothing to trim.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// The string without trailing spaces, tabs and carriage returns.
    func trimmingTrailingSpaces() -> String {
        let bytes = utf8
        var end = bytes.endIndex
        while end > bytes.startIndex {
            let previous = bytes.index(before: end)
            let byte = bytes[previous]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") else { break }
            end = previous
        }
        return end == bytes.endIndex ? self : String(self[..<end])
    }
}
