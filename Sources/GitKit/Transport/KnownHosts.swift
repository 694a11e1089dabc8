import Foundation

/// An OpenSSH `known_hosts` file: which keys it lists for a host, and whether a server's key is one of them.
/// Reads plain entries (`host`, `[host]:port`, comma lists, `*`/`?` wildcards, `!` negations), hashed entries
/// (`|1|salt|hash`, HMAC-SHA1 of the name), and `@revoked` lines; `@cert-authority` lines are skipped.
struct KnownHosts {
    /// One key line.
    struct Entry {
        enum Names {
            case patterns([String])
            case hashed(salt: [UInt8], hash: [UInt8])
        }
        var names: Names
        var revoked: Bool
        var keyType: String
        var key: [UInt8]
        var line: Int
    }

    /// What the file says about a server's key.
    enum Verdict: Equatable {
        /// A line lists this very key for the host.
        case trusted
        /// No line names the host.
        case unknown
        /// The host is listed only with keys of other types.
        case otherTypesKnown([String])
        /// The host is listed with another key of the same type (or this key is revoked) at `line`.
        case changed(line: Int)
    }

    let path: String
    let entries: [Entry]

    /// Reads `path`; a missing or unreadable file has no entries.
    init(path: String) {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        self.init(path: path, text: text)
    }

    init(path: String, text: String) {
        self.path = path
        var entries: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let entry = Self.parse(line: raw, number: index + 1) { entries.append(entry) }
        }
        self.entries = entries
    }

    /// `~/.ssh/known_hosts` of `$HOME`.
    static var userFile: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + "/.ssh/known_hosts"
    }

    /// Whether `key` (an ssh wire-format public key blob of type `keyType`) is trusted for `host` on `port`.
    func verdict(host: String, port: Int, keyType: String, key: [UInt8]) -> Verdict {
        let names = Self.names(host: host, port: port)
        let matching = entries.filter { $0.matches(names) }
        if let revoked = matching.first(where: { $0.revoked && $0.key == key }) { return .changed(line: revoked.line) }
        let valid = matching.filter { !$0.revoked }
        if valid.contains(where: { $0.key == key }) { return .trusted }
        if let sameType = valid.first(where: { $0.keyType == keyType }) { return .changed(line: sameType.line) }
        if valid.isEmpty { return .unknown }
        var types: [String] = []
        for entry in valid where !types.contains(entry.keyType) { types.append(entry.keyType) }
        return .otherTypesKnown(types)
    }

    /// The key types listed (and not revoked) for `host` on `port`, in file order.
    func typesListed(host: String, port: Int) -> [String] {
        var types: [String] = []
        for entry in entries where !entry.revoked && entry.matches(Self.names(host: host, port: port)) {
            if !types.contains(entry.keyType) { types.append(entry.keyType) }
        }
        return types
    }

    /// The names a host may be listed under: `host` for port 22, `[host]:port` for any port.
    static func names(host: String, port: Int) -> [String] {
        let host = host.lowercased()
        return port == 22 ? [host, "[\(host)]:22"] : ["[\(host)]:\(port)"]
    }

    static func parse(line raw: Substring, number: Int) -> Entry? {
        var fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = fields.first, !first.hasPrefix("#") else { return nil }
        var revoked = false
        if first.hasPrefix("@") {
            guard first == "@revoked" else { return nil }  // @cert-authority: certificates are not supported
            revoked = true
            fields.removeFirst()
        }
        guard fields.count >= 3, let key = Data(base64Encoded: fields[2]) else { return nil }
        let names: Entry.Names
        if fields[0].hasPrefix("|1|") {
            let parts = fields[0].split(separator: "|", omittingEmptySubsequences: true)
            guard parts.count == 3, let salt = Data(base64Encoded: String(parts[1])),
                let hash = Data(base64Encoded: String(parts[2]))
            else { return nil }
            names = .hashed(salt: [UInt8](salt), hash: [UInt8](hash))
        } else {
            names = .patterns(fields[0].lowercased().split(separator: ",").map(String.init))
        }
        return Entry(names: names, revoked: revoked, keyType: fields[1], key: [UInt8](key), line: number)
    }
}

extension KnownHosts.Entry {
    /// Whether this line applies to any of `names`.
    func matches(_ candidates: [String]) -> Bool {
        switch names {
        case .hashed(let salt, let hash):
            return candidates.contains { SHA1.hmac(key: salt, message: Array($0.utf8)) == hash }
        case .patterns(let patterns):
            return candidates.contains { name in
                var matched = false
                for pattern in patterns {
                    if pattern.hasPrefix("!") {
                        if Self.glob(Array(pattern.utf8.dropFirst()), Array(name.utf8)) { return false }
                    } else if Self.glob(Array(pattern.utf8), Array(name.utf8)) {
                        matched = true
                    }
                }
                return matched
            }
        }
    }

    /// OpenSSH's host patterns: `*` matches any run of characters, `?` exactly one; nothing else is special.
    static func glob(_ pattern: [UInt8], _ name: [UInt8]) -> Bool {
        var p = 0
        var n = 0
        var star = -1
        var resume = 0
        while n < name.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "?") || pattern[p] == name[n] {
                p += 1
                n += 1
            } else if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                star = p
                resume = n
                p += 1
            } else if star >= 0 {
                p = star + 1
                resume += 1
                n = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
