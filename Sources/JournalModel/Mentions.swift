/// `@handle` mentions in a line of text (a note bullet, a task description, a log line or a reply).
///
/// A mention is `@` followed by a handle (`[a-z0-9][a-z0-9_-]*`, at most 32 characters), with no letter,
/// digit, `_`, `-`, `.`, `@` or `/` just before the `@` (so `tom@example.com` and `a/@b` are not mentions) and
/// no handle character, capital or non-ASCII letter just after it. A trailing `-` or `_` is not part of the
/// handle (`@tom-` is `tom`).
public enum Mentions {
    /// The handles mentioned in `text`, each once, in the order they first appear.
    public static func handles(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var found: [String] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "@") else {
                i += 1
                continue
            }
            if i > 0, blocksMention(bytes[i - 1]) {
                i += 1
                continue
            }
            var end = i + 1
            while end < bytes.count, isHandleByte(bytes[end]) { end += 1 }
            var last = end
            while last > i + 1, bytes[last - 1] == UInt8(ascii: "-") || bytes[last - 1] == UInt8(ascii: "_") {
                last -= 1
            }
            let candidate = String(decoding: bytes[(i + 1)..<last], as: UTF8.self)
            let glued =
                end < bytes.count
                && (bytes[end] >= 0x80 || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[end]))
            if !glued, end - (i + 1) <= 32, Handle.isValid(candidate), !found.contains(candidate) {
                found.append(candidate)
            }
            i = max(end, i + 1)
        }
        return found
    }

    /// True when `text` mentions `handle`.
    public static func mentions(_ text: String, handle: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "@")) && handles(in: text).contains(handle)
    }

    private static func isHandleByte(_ b: UInt8) -> Bool {
        Syntax.isLowerAlnum(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }

    /// A byte before `@` that makes it part of a word, an address or a path rather than a mention.
    private static func blocksMention(_ b: UInt8) -> Bool {
        isHandleByte(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) || b == UInt8(ascii: ".")
            || b == UInt8(ascii: "@") || b == UInt8(ascii: "/") || b >= 0x80
    }
}
