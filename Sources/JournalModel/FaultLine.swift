/// Finds the line of a journal file that a parse error is about, for `baton check` and sync's warnings.
public enum FaultLine {
    /// The 1-based line `detail` (a parse error's words) points at in `text`: a `line N:` the YAML reader
    /// names, else the line of the front matter key the detail starts with (`status "blokced" ...`),
    /// else the first line of the file.
    public static func locate(_ detail: String, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let range = detail.range(of: "line ") {
            let digits = detail[range.upperBound...].prefix { $0.isNumber }
            if let number = Int(digits), number >= 1, number <= max(lines.count, 1) { return number }
        }
        var key = detail.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        if key == "the", let field = detail.range(of: "the field ") {
            key = detail[field.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        }
        guard !key.isEmpty else { return 1 }
        for (index, line) in lines.enumerated().prefix(200) where line.hasPrefix(key + ":") { return index + 1 }
        return 1
    }
}
