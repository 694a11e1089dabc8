/// URL helpers for the sanitizer: decoding entities as a browser would, and finding the scheme.
enum URLCheck {
    /// `raw` with HTML character references decoded (`&amp;`, `&#106;`, `&#x6A;`, `&colon;` ...).
    static func decodeEntities(_ raw: String) -> String {
        guard raw.contains("&") else { return raw }
        let named: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t",
            "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")", "nbsp": "\u{A0}",
        ]
        var out = ""
        var rest = Substring(raw)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            let body = after.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            var decoded: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map {
                    String(Character($0))
                }
            } else if body.hasPrefix("#") {
                decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                decoded = named[body.lowercased()]
            }
            if let decoded {
                out += decoded
                var next = after.dropFirst(body.count)
                if next.first == ";" { next = next.dropFirst() }
                rest = next
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    /// `url` without surrounding spaces and without the tabs, newlines and control characters
    /// browsers ignore inside a URL.
    static func normalized(_ url: String) -> String {
        String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
    }

    /// The lowercased scheme when `url` has one (`javascript`, `http`), else nil.
    static func scheme(_ url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let head = url[..<colon]
        if head.contains("/") || head.contains("?") || head.contains("#") { return nil }
        return head.lowercased()
    }
}
