import Foundation

/// git's rules for settings keyed by URL (`http.<url>.*`, `credential.<url>.*`, see git-config(1)
/// "http.<url>.*"): the scheme, host (where `*` stands for one name label), port and user of the
/// setting's URL must match, and its path must be a prefix of the remote's path at a `/` boundary.
/// Of several matches the more specific one wins (exact host, then longer path, then a named user);
/// of equally specific ones the last one read.
struct URLMatch: Comparable {
    /// How many leading host labels were wildcards (fewer is more specific).
    var wildcards: Int
    /// Length of the matching path prefix.
    var pathLength: Int
    /// Whether the setting's URL named the user.
    var userMatched: Bool

    static func < (a: URLMatch, b: URLMatch) -> Bool {
        if a.wildcards != b.wildcards { return a.wildcards > b.wildcards }
        if a.pathLength != b.pathLength { return a.pathLength < b.pathLength }
        return !a.userMatched && b.userMatched
    }

    /// How `pattern` (a setting's URL) matches `url`, or nil when it does not. A pattern without a scheme
    /// (`credential.example.com.helper`) matches by host only, as git's fallback does.
    static func match(pattern: String, url: String) -> URLMatch? {
        let target = Parts(url)
        guard let targetHost = target.host else { return nil }
        let wanted = pattern.contains("://") ? Parts(pattern) : Parts("*://" + pattern)
        guard let wantedHost = wanted.host else { return nil }
        if wanted.scheme != "*" && wanted.scheme != target.scheme { return nil }
        if let user = wanted.user, user != target.user { return nil }
        guard let wildcards = hostMatch(wantedHost, targetHost) else { return nil }
        if wanted.scheme == "*" {
            if let port = wanted.port, port != target.port { return nil }
        } else if wanted.port != target.port {
            return nil
        }
        guard let pathLength = pathMatch(wanted.path, target.path) else { return nil }
        return URLMatch(wildcards: wildcards, pathLength: pathLength, userMatched: wanted.user != nil)
    }

    /// The value of the best-matching entry among `entries` (subsection URL, value), in config order;
    /// `general` (the plain `section.key` values) counts as the least specific match.
    static func best(_ entries: [(pattern: String?, value: String)], url: String) -> String? {
        var chosen: (URLMatch?, String)?
        for entry in entries {
            let found: URLMatch?
            if let pattern = entry.pattern {
                guard let match = match(pattern: pattern, url: url) else { continue }
                found = match
            } else {
                found = nil
            }
            if let current = chosen {
                switch (current.0, found) {
                case (nil, _): chosen = (found, entry.value)
                case (.some, nil): continue
                case (.some(let a), .some(let b)): if b >= a { chosen = (found, entry.value) }
                }
            } else {
                chosen = (found, entry.value)
            }
        }
        return chosen?.1
    }

    /// Whether `pattern` names `url`'s host label by label (`*` for any one label); the wildcard count.
    private static func hostMatch(_ pattern: String, _ host: String) -> Int? {
        let want = pattern.split(separator: ".", omittingEmptySubsequences: false)
        let have = host.split(separator: ".", omittingEmptySubsequences: false)
        guard want.count == have.count else { return nil }
        var wildcards = 0
        for (w, h) in zip(want, have) {
            if w == "*" {
                wildcards += 1
            } else if w != h {
                return nil
            }
        }
        return wildcards
    }

    /// The length of `pattern` as a path prefix of `path` ending at a `/` boundary, or nil.
    private static func pathMatch(_ pattern: String, _ path: String) -> Int? {
        let want = pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern
        if want.isEmpty { return 0 }
        guard path.hasPrefix(want) else { return nil }
        let rest = path.dropFirst(want.count)
        return rest.isEmpty || rest.hasPrefix("/") ? want.count : nil
    }

    /// Scheme, user, lower-case host, effective port and percent-decoded path of a URL.
    struct Parts {
        var scheme: String
        var user: String?
        var host: String?
        var port: Int?
        var path: String

        init(_ url: String) {
            let address = RemoteAddress(url)
            scheme = url.hasPrefix("*://") ? "*" : address.scheme
            user = address.user
            host = address.host
            port = address.scheme == "*" || url.hasPrefix("*://") ? address.port : address.effectivePort
            var path = ""
            if let schemeEnd = url.range(of: "://") {
                let rest = url[schemeEnd.upperBound...]
                if let slash = rest.firstIndex(of: "/") {
                    path = String(rest[slash...])
                }
            }
            if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
            self.path = path.removingPercentEncoding ?? path
        }
    }
}
