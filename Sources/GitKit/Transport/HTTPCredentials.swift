import Basics
import Foundation

/// Where the user name and password for an HTTP(S) server come from, in this order: the URL's own
/// `user:password@` (libgit2 sends those itself), `BATON_TOKEN`, git's credential helpers
/// (gitcredentials(7): `get` before the first authenticated request, `store` after a transfer that
/// worked, `erase` after a refusal), then a prompt (askpass or the terminal). With none of them, the
/// transfer fails at once. What one transfer obtained is reused by the next one in the same run
/// (a sync's push after its fetch), so nobody types a password twice.
final class HTTPCredentials {
    /// Who gave the credential that was sent.
    enum Source: Equatable {
        case token
        case helper(String)
        case prompt
    }

    /// A credential sent to the server, and where it came from.
    struct Offer {
        var request: CredentialRequest
        var source: Source
    }

    private let config: GitConfigSnapshot?
    private let token: String?
    private let tokenUser: String?
    private let environment: [String: String]
    /// What this transfer sent last, if anything.
    private(set) var offered: Offer?
    private var helpers: CredentialHelpers?

    init(
        config: GitConfigSnapshot?, token: String?, tokenUser: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.config = config
        self.token = token
        self.tokenUser = tokenUser
        self.environment = environment
    }

    /// The credential to send to the server at `url` (the address really contacted, after redirects),
    /// or the failure that explains why there is none.
    func acquire(url: String, username: String?) -> Result<Offer, TransportFailure> {
        let helpers = CredentialHelpers(url: url, config: config)
        self.helpers = helpers
        var request = CredentialRequest(url: url, useHTTPPath: helpers.useHTTPPath)
        request.password = nil
        if request.username == nil { request.username = username.flatMap { $0.isEmpty ? nil : $0 } ?? helpers.username }
        if let token {
            var sent = request
            sent.username = tokenUser ?? request.username ?? "git"
            sent.password = token
            return .success(remember(Offer(request: sent, source: .token)))
        }
        if let reused = Self.memory.recall(request.memoryKey) {
            offered = reused
            return .success(reused)
        }
        if let (answer, helper) = helpers.get(request) {
            return .success(remember(Offer(request: answer, source: .helper(helper))))
        }
        let prompt = TerminalPrompt(config: config, environment: environment)
        guard prompt.isAvailable else {
            let configured =
                helpers.helpers.isEmpty ? "no credential helper is configured" : "no credential helper gave one"
            return .failure(
                TransportFailure(
                    kind: .authentication,
                    message: "the server asks for a user name and password (or token), "
                        + "\(configured) and there is no terminal to ask on. Set up git's credential helper "
                        + "(`git config --global credential.helper store`, `cache`, or your host's own: "
                        + "`gh auth setup-git`, Git Credential Manager), or set BATON_TOKEN"))
        }
        if request.username == nil {
            guard let user = prompt.ask("Username for '\(request.display(withUser: false))': ", secret: false),
                !user.isEmpty
            else { return .failure(cancelled(request)) }
            request.username = user
        }
        guard let password = prompt.ask("Password for '\(request.display(withUser: true))': ", secret: true) else {
            return .failure(cancelled(request))
        }
        request.password = password
        return .success(remember(Offer(request: request, source: .prompt)))
    }

    /// The transfer worked: helpers `store` what came from a prompt or a helper (as git does), once per run.
    func approve() {
        guard let offered, offered.source != .token else { return }
        if Self.memory.markStored(offered.request.memoryKey) { helpers?.store(offered.request) }
    }

    /// The server refused what was sent: helpers `erase` it; the failure to report.
    func reject() -> TransportFailure {
        guard let offered else {
            return TransportFailure(kind: .authentication, message: "the server refused the credentials")
        }
        Self.memory.forget(offered.request.memoryKey)
        let advice: String
        switch offered.source {
        case .token:
            advice =
                "it refused the token in BATON_TOKEN (user \(offered.request.username ?? "git")); "
                + "check it and BATON_TOKEN_USER, or unset it to use git's credential helpers"
        case .helper(let helper):
            helpers?.erase(offered.request)
            advice =
                "it refused the password or token for \(offered.request.username ?? "?") from the credential helper "
                + "`\(helper)`, so the helpers were told to erase it and the next try asks again"
        case .prompt:
            helpers?.erase(offered.request)
            advice = "it refused the user name and password typed"
        }
        return TransportFailure(kind: .authentication, message: advice)
    }

    private func cancelled(_ request: CredentialRequest) -> TransportFailure {
        TransportFailure(
            kind: .authentication, message: "no user name or password was given for \(request.display(withUser: false))"
        )
    }

    private func remember(_ offer: Offer) -> Offer {
        offered = offer
        if offer.source != .token { Self.memory.keep(offer) }
        return offer
    }

    /// Credentials obtained earlier in this run, by server.
    private static let memory = Memory()

    private final class Memory: Sendable {
        private struct Kept {
            var offers: [String: Offer] = [:]
            var stored: Set<String> = []
        }
        private let kept = Locked(Kept())

        func recall(_ key: String) -> Offer? { kept.withLock { $0.offers[key] } }
        func keep(_ offer: Offer) { kept.withLock { $0.offers[offer.request.memoryKey] = offer } }
        func forget(_ key: String) {
            kept.withLock {
                $0.offers[key] = nil
                $0.stored.remove(key)
            }
        }
        /// True the first time `key` is stored.
        func markStored(_ key: String) -> Bool { kept.withLock { $0.stored.insert(key).inserted } }
    }
}

extension CredentialRequest {
    /// The server (and path, when it counts) a remembered credential belongs to.
    fileprivate var memoryKey: String { "\(scheme)://\(host)/\(path ?? "")" }
}
