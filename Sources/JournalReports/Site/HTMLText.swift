import JournalModel

/// Escapes text for HTML element content and quoted attribute values.
public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as entities; control characters other than newline and tab dropped.
    public static func escape(_ text: String) -> String { escaping.apply(text) }

    private static let escaping = ScalarEscape(
        ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;", "\n": "\n", "\t": "\t"]
    ) { scalar in
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "" : nil
    }
}
