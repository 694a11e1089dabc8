/// Escapes one line of plain text for Markdown only where Markdown would read it as markup: emphasis and code
/// (`*`, `` ` ``, `_` at a word's edge), links (`[`, `]`), raw HTML (`<`, `>`), backslashes, and at the start
/// of the line a heading, quote, list or rule (`#`, `>`, `-`, `+`, `=`, `1.`). `Review #42?` stays as it is.
public enum MarkdownText {
    public static func escape(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        let firstContent = chars.firstIndex { $0 != " " } ?? chars.count
        for (i, ch) in chars.enumerated() {
            if needsEscape(ch, at: i, in: chars, lineStart: i == firstContent) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    private static func needsEscape(_ ch: Character, at i: Int, in chars: [Character], lineStart: Bool) -> Bool {
        switch ch {
        case "\\", "`", "*", "[", "]", "<", ">": return true
        case "_":
            let before = i > 0 && (chars[i - 1].isLetter || chars[i - 1].isNumber)
            let after = i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1].isNumber)
            return !(before && after)
        case "#", "-", "+", "=": return lineStart
        case ".", ")":
            // `2026. was a year` would start an ordered list.
            let digits = chars[..<i].drop { $0 == " " }
            return !digits.isEmpty && digits.count <= 9 && digits.allSatisfy { $0.isASCII && $0.isNumber }
                && (i + 1 == chars.count || chars[i + 1] == " ")
        default: return false
        }
    }
}
