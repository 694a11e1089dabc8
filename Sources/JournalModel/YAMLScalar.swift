import Foundation
import Yams

/// Decides when a YAML scalar must be quoted, and writes double-quoted scalars.
public enum YAMLScalar {
    /// True when `text` written plain as a block value (`key: text`) would not read back as the
    /// same string. Flow lists check their items again with stricter rules.
    public static func needsQuotes(_ text: String) -> Bool {
        guard isSafePlain(text, inFlow: false) else { return true }
        let tag = Resolver.default.resolveTag(of: Node(text, .implicit, .plain))
        return tag != .str
    }

    /// True when `text` is syntactically safe as a plain scalar (ignoring what type it resolves to).
    static func isSafePlain(_ text: String, inFlow: Bool) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            // Printable ASCII (front matter is read field by field: keep this path cheap).
            if first == UInt8(ascii: " ") || last == UInt8(ascii: " ") { return false }
        } else {
            let scalars = text.unicodeScalars
            if scalars.first!.properties.isWhitespace || scalars.last!.properties.isWhitespace { return false }
            if scalars.contains(where: {
                TextSafety.isLineBreak($0) || TextSafety.isUnsafeControl($0) || $0 == "\t" || $0.value == 0xFEFF
            }) {
                return false
            }
        }
        // `-x`, `?x`, `:x` are fine when followed by a non-space, but keep it simple and quote.
        if specialFirstBytes.contains(first) || last == UInt8(ascii: ":") { return false }
        if containsCommentOrValueMarker(text) { return false }
        // libyaml rejects any `:` inside a plain scalar in a flow list.
        if inFlow, bytes.contains(where: { flowSpecialBytes.contains($0) }) { return false }
        if text == "---" || text == "..." || text.hasPrefix("--- ") || text.hasPrefix("... ") { return false }
        return true
    }

    private static let specialFirstBytes: [UInt8] = Array("-?:,[]{}#&*!|>'\"%@`".utf8)
    private static let flowSpecialBytes: [UInt8] = Array(",[]{}:".utf8)

    /// True when `text` holds `: `, ` #`, `:\t` or `\t#` (checked on bytes: this runs for every field read).
    private static func containsCommentOrValueMarker(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            let isBlank = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            if previous == UInt8(ascii: ":") && isBlank { return true }
            if byte == UInt8(ascii: "#") && (previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t")) {
                return true
            }
            previous = byte
        }
        return false
    }

    /// `text` as a double-quoted YAML scalar.
    public static func quoted(_ text: String) -> String { "\"" + quoting.apply(text) + "\"" }

    /// YAML's double-quoted escapes; C0 and C1 controls, line separators and the byte order mark as hex.
    private static let quoting = ScalarEscape(
        ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"]
    ) { scalar in
        let v = scalar.value
        guard v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF else {
            return nil
        }
        return v <= 0xFF ? "\\x" + hex(v, 2) : "\\u" + hex(v, 4)
    }

    /// `text` plain when safe, double-quoted otherwise.
    public static func render(_ text: String) -> String {
        needsQuotes(text) ? quoted(text) : text
    }

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
