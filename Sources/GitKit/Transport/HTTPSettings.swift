import Foundation

/// What git's configuration and environment say about one HTTP(S) URL: which CA certificates to trust,
/// whether to check the server's certificate at all, and which proxy to go through. Read as git reads
/// them: `http.<url>.*` over `http.*` (git's URL matching), environment variables where git reads them.
public struct HTTPSettings: Sendable, Equatable {
    /// A CA bundle to trust instead of the system's (`GIT_SSL_CAINFO`, `http.sslCAInfo`).
    public var caFile: String?
    /// Which of the two named `caFile`.
    public var caFileSource: String?
    /// A folder of hashed CA certificates (`GIT_SSL_CAPATH`, `http.sslCAPath`).
    public var caPath: String?
    /// False when `GIT_SSL_NO_VERIFY` is set or `http.sslVerify` is false.
    public var verify: Bool = true
    /// Which setting turned verification off, for the warning.
    public var verifyOffBy: String?
    /// The proxy URL to use, or nil for a direct connection.
    public var proxy: String?

    /// Reads the settings for `url` from `config` (nil: none) and `environment`; `remote` names the
    /// remote whose `remote.<name>.proxy` applies.
    public init(
        url: String, config: GitConfigSnapshot?, remote: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        let http = config?.entries(withPrefix: "http.") ?? []
        self.init(
            url: url, httpEntries: http, remoteProxy: remote.flatMap { config?.string("remote.\($0).proxy") },
            environment: environment)
    }

    /// The same from already-read `http.*` entries (names as libgit2 gives them), for tests.
    init(url: String, httpEntries: [GitConfigSnapshot.Entry], remoteProxy: String?, environment: [String: String]) {
        func setting(_ key: String) -> String? {
            var candidates: [(pattern: String?, value: String)] = []
            for entry in httpEntries {
                guard entry.name.lowercased().hasSuffix("." + key) else { continue }
                let middle = entry.name.dropFirst("http.".count).dropLast(key.count + 1)
                candidates.append((middle.isEmpty ? nil : String(middle), entry.value))
            }
            return URLMatch.best(candidates, url: url)
        }
        func env(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        func path(_ value: String?) -> String? {
            guard let value, !value.isEmpty else { return nil }
            if value.hasPrefix("~/") { return (environment["HOME"] ?? NSHomeDirectory()) + value.dropFirst(1) }
            return value
        }

        caFile = path(env("GIT_SSL_CAINFO") ?? setting("sslcainfo"))
        caFileSource = caFile == nil ? nil : env("GIT_SSL_CAINFO") != nil ? "GIT_SSL_CAINFO" : "http.sslCAInfo"
        caPath = path(env("GIT_SSL_CAPATH") ?? setting("sslcapath"))
        if environment["GIT_SSL_NO_VERIFY"] != nil {
            verify = false
            verifyOffBy = "GIT_SSL_NO_VERIFY"
        } else if let value = setting("sslverify"), GitBool.parse(value) == false {
            verify = false
            verifyOffBy = "http.sslVerify=false"
        }

        let isHTTPS = url.lowercased().hasPrefix("https:")
        var proxy = remoteProxy ?? setting("proxy")
        if proxy == nil {
            // As git does: the later name wins over the earlier when both are set.
            proxy = isHTTPS ? (environment["https_proxy"] ?? environment["HTTPS_PROXY"]) : environment["http_proxy"]
            if proxy == nil { proxy = environment["all_proxy"] ?? environment["ALL_PROXY"] }
        }
        if let chosen = proxy?.trimmingCharacters(in: .whitespaces), !chosen.isEmpty {
            let noProxy = environment["no_proxy"] ?? environment["NO_PROXY"] ?? ""
            if let host = RemoteAddress(url).host, NoProxy(noProxy).excludes(host: host) {
                self.proxy = nil
            } else {
                self.proxy = chosen.contains("://") ? chosen : "http://" + chosen
            }
        }
    }

    public init() {}
}

/// git's boolean spelling: true/yes/on/1 and false/no/off/0 (any case); an empty value is false.
enum GitBool {
    static func parse(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0", "": return false
        default: return Int(text).map { $0 != 0 }
        }
    }
}

/// curl's `NO_PROXY` list, as git hands it over: names separated by commas (or spaces); `*` alone
/// excludes every host; a name excludes itself and its subdomains (a leading dot is optional).
struct NoProxy {
    let names: [String]

    init(_ list: String) {
        names = list.split(whereSeparator: { $0 == "," || $0 == " " })
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
    }

    func excludes(host: String) -> Bool {
        let host = host.lowercased()
        for name in names {
            if name == "*" { return true }
            var bare = name.hasPrefix(".") ? String(name.dropFirst()) : name
            if let colon = bare.lastIndex(of: ":"), !bare.contains("]"), bare.filter({ $0 == ":" }).count == 1 {
                bare = String(bare[..<colon])
            }
            bare = bare.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            if host == bare || host.hasSuffix("." + bare) { return true }
        }
        return false
    }
}
