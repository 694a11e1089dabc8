/// One HTML tag read from renderer output: name, closing or not, attributes.
struct HTMLTag {
    var name: String
    var closing: Bool
    var attributes: [String: String]

    /// Reads a tag at the start of `text` (which starts with `<`); returns it and its length in characters.
    static func parse(_ text: Substring) -> (HTMLTag, Int)? {
        var chars = Array(text.prefix(4096))
        guard chars.first == "<" else { return nil }
        chars.removeFirst()
        var i = 0
        var closing = false
        if i < chars.count, chars[i] == "/" {
            closing = true
            i += 1
        }
        var name = ""
        while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber {
            name.append(chars[i])
            i += 1
        }
        guard !name.isEmpty, let first = name.first, first.isLetter else { return nil }
        var attributes: [String: String] = [:]
        while i < chars.count {
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            guard i < chars.count else { return nil }
            if chars[i] == ">" {
                return (HTMLTag(name: name.lowercased(), closing: closing, attributes: attributes), i + 2)
            }
            if chars[i] == "/" {
                i += 1
                continue
            }
            var key = ""
            while i < chars.count, !chars[i].isWhitespace, !"=>/\"'".contains(chars[i]) {
                key.append(chars[i])
                i += 1
            }
            guard !key.isEmpty else { return nil }
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            var value = ""
            if i < chars.count, chars[i] == "=" {
                i += 1
                while i < chars.count, chars[i].isWhitespace { i += 1 }
                guard i < chars.count else { return nil }
                if chars[i] == "\"" || chars[i] == "'" {
                    let quote = chars[i]
                    i += 1
                    while i < chars.count, chars[i] != quote {
                        value.append(chars[i])
                        i += 1
                    }
                    guard i < chars.count else { return nil }
                    i += 1
                } else {
                    while i < chars.count, !chars[i].isWhitespace, chars[i] != ">" {
                        value.append(chars[i])
                        i += 1
                    }
                }
            }
            let lower = key.lowercased()
            // The first occurrence wins, as in browsers.
            if attributes[lower] == nil { attributes[lower] = value }
        }
        return nil
    }
}
