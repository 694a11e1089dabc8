/// A rule for escaping text scalar by scalar: a table of fixed replacements, then a fallback that may
/// replace (a string) or drop ("") any other scalar, or keep it (nil). YAML quoting, HTML text and the
/// settled-collision lines each have one.
public struct ScalarEscape: Sendable {
    private let table: [Unicode.Scalar: String]
    private let fallback: @Sendable (Unicode.Scalar) -> String?

    public init(_ table: [Unicode.Scalar: String], otherwise fallback: @escaping @Sendable (Unicode.Scalar) -> String?)
    {
        self.table = table
        self.fallback = fallback
    }

    /// `text` with the rule applied to each scalar.
    public func apply(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replacement = table[scalar] ?? fallback(scalar) {
                out += replacement
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
