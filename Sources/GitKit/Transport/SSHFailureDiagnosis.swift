import Foundation

/// What the ssh program's standard error says went wrong, as a `TransportFailure`: host key unknown or
/// changed, authentication refused, host unreachable, no such repository, or else ssh's last line.
enum SSHFailureDiagnosis {
    /// Classifies `stderr` (already free of control characters) of an ssh to `host` (as written in the URL)
    /// on `port` that ended with `status`; `receivedData` tells whether the server sent anything first.
    static func classify(
        stderr: String, host: String, port: Int?, status: Int32, receivedData: Bool,
        knownHostsFile: String = KnownHosts.userFile
    ) -> TransportFailure {
        // ssh's lines without their closing full stop: they end up inside baton's sentences.
        let lines = stderr.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
        func has(_ text: String) -> Bool { stderr.localizedCaseInsensitiveContains(text) }
        let last = lines.last

        if has("REMOTE HOST IDENTIFICATION HAS CHANGED") || has("Host key verification failed")
            || stderr.range(of: #"No \S+ host key is known for"#, options: .regularExpression) != nil
        {
            let rejection = hostKeyRejection(stderr: stderr, host: host, port: port, knownHostsFile: knownHostsFile)
            let what = rejection.reason == .unknown ? "is unknown" : "has CHANGED"
            return TransportFailure(
                kind: .hostKey, message: "ssh refused the host key of \(rejection.knownHostsName): it \(what)",
                hostKey: rejection)
        }
        if has("Permission denied") || has("Too many authentication failures") {
            let line = lines.last(where: { $0.contains("Permission denied") || $0.contains("Too many authentication") })
            return TransportFailure(kind: .authentication, message: line ?? last ?? "permission denied")
        }
        let unreachable = [
            "Could not resolve hostname", "Connection refused", "Connection timed out", "No route to host",
            "Network is unreachable", "Name or service not known", "Temporary failure in name resolution",
            "Operation timed out",
        ]
        if unreachable.contains(where: has)
            || (!receivedData && (has("Connection closed by") || has("Connection reset by")))
        {
            let line =
                lines.last(where: { l in unreachable.contains { l.localizedCaseInsensitiveContains($0) } }) ?? last
            return TransportFailure(kind: .unreachable, message: line ?? "ssh could not connect to \(host)")
        }
        if has("does not appear to be a git repository") || has("Repository not found")
            || has("not found")
                && has("repository")
        {
            return TransportFailure(
                kind: .notFound,
                message: "the server has no such repository (\(last ?? "not found")); check the path in the address")
        }
        let detail = last ?? "exit status \(status)"
        return TransportFailure(kind: .other, message: "ssh to \(host) failed: \(detail)")
    }

    /// The host key details ssh printed: the reason (changed when it names an offending key), the key type,
    /// its fingerprint, and the `known_hosts` file and line.
    static func hostKeyRejection(stderr: String, host: String, port: Int?, knownHostsFile: String) -> HostKeyRejection {
        var name = (host: host.lowercased(), port: port ?? 22)
        // `Host key for [127.0.0.1]:2222 has changed` / `No ED25519 host key is known for host and ...`
        if let shown = firstMatch(#"Host key for (\S+) has changed"#, in: stderr)
            ?? firstMatch(#"host key is known for (\S+)"#, in: stderr)
        {
            name = parseKnownHostsName(shown) ?? name
        }
        var keyType = ""
        if let type = firstMatch(#"(?:fingerprint for the|No) (\S+) (?:key sent by|host key is known)"#, in: stderr) {
            keyType = opensshTypeName(type)
        }
        let fingerprint = firstMatch(#"(SHA256:[A-Za-z0-9+/=]+)"#, in: stderr) ?? ""
        var file = knownHostsFile
        var reason = HostKeyRejection.Reason.unknown
        if let offending = firstMatch(#"Offending \S+ key in (\S+:\d+)"#, in: stderr),
            let colon = offending.lastIndex(of: ":"), let line = Int(offending[offending.index(after: colon)...])
        {
            file = String(offending[..<colon])
            reason = .changed(line: line)
        } else if stderr.localizedCaseInsensitiveContains("REMOTE HOST IDENTIFICATION HAS CHANGED") {
            reason = .changed(line: 0)
        }
        return HostKeyRejection(
            reason: reason, host: name.host, port: name.port, keyType: keyType, fingerprint: fingerprint,
            knownHostsFile: file)
    }

    /// `ssh-ed25519` for ssh's `ED25519`, `ecdsa-sha2-nistp256` for `ECDSA`, `ssh-rsa` for `RSA`.
    private static func opensshTypeName(_ shown: String) -> String {
        switch shown.uppercased() {
        case "ED25519": return "ssh-ed25519"
        case "RSA": return "ssh-rsa"
        case "ECDSA": return "ecdsa-sha2-nistp256"
        case "DSA": return "ssh-dss"
        default: return shown.lowercased()
        }
    }

    /// `[host]:port` or `host` as ssh prints it.
    private static func parseKnownHostsName(_ text: String) -> (host: String, port: Int)? {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            return (host.lowercased(), rest.hasPrefix(":") ? Int(rest.dropFirst()) ?? 22 : 22)
        }
        return text.isEmpty ? nil : (text.lowercased(), 22)
    }

    private static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            match.numberOfRanges > 1,
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }
}
