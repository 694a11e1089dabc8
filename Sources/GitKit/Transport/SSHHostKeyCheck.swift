import CGit2
import Foundation

/// The ssh host key check behind libgit2's `certificate_check` callback: the server's raw key is compared
/// with the entries for `[host]:port` in `~/.ssh/known_hosts`. Other certificates (HTTPS) are left to
/// libgit2's default checking.
enum SSHHostKeyCheck {
    /// What the callback decided.
    enum Outcome {
        /// Not an ssh host key: let libgit2 decide (`GIT_PASSTHROUGH`).
        case passthrough
        case accept
        case refuse(HostKeyRejection)
    }

    /// Checks `cert` for `host` (as libgit2 passes it) on the port of `url`. `libgit2Valid` is libgit2's own
    /// known_hosts verdict; it is trusted only for a host our reader does not find at all.
    static func evaluate(
        _ cert: UnsafeMutablePointer<git_cert>, libgit2Valid: Bool, host: String?, url: String?,
        knownHostsFile: String = KnownHosts.userFile
    ) -> Outcome {
        guard cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else { return .passthrough }
        let hostkey = UnsafeMutableRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self).pointee
        let address = url.map(RemoteAddress.init)
        let hostName = (host ?? address?.host ?? "").lowercased()
        let port = address?.scheme == "ssh" ? address!.effectivePort : 22
        guard hostkey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostkey.hostkey, hostkey.hostkey_len > 0
        else {
            return libgit2Valid ? .accept : .refuse(rejection(.unknown, hostName, port, "ssh", "", knownHostsFile))
        }
        let key = [UInt8](UnsafeRawBufferPointer(start: raw, count: hostkey.hostkey_len))
        let keyType = keyTypeName(hostkey.raw_type) ?? keyTypeFromBlob(key) ?? "ssh"
        var fingerprint = ""
        if hostkey.type.rawValue & GIT_CERT_SSH_SHA256.rawValue != 0 {
            let digest = withUnsafeBytes(of: hostkey.hash_sha256) { Data($0) }
            fingerprint = "SHA256:" + digest.base64EncodedString().replacingOccurrences(of: "=", with: "")
        }
        let known = KnownHosts(path: knownHostsFile)
        switch known.verdict(host: hostName, port: port, keyType: keyType, key: key) {
        case .trusted:
            return .accept
        case .unknown:
            return libgit2Valid
                ? .accept : .refuse(rejection(.unknown, hostName, port, keyType, fingerprint, knownHostsFile))
        case .otherTypesKnown(let types):
            return .refuse(rejection(.otherTypesKnown(types), hostName, port, keyType, fingerprint, knownHostsFile))
        case .changed(let line):
            return .refuse(rejection(.changed(line: line), hostName, port, keyType, fingerprint, knownHostsFile))
        }
    }

    private static func rejection(
        _ reason: HostKeyRejection.Reason, _ host: String, _ port: Int, _ type: String, _ fingerprint: String,
        _ file: String
    ) -> HostKeyRejection {
        HostKeyRejection(
            reason: reason, host: host, port: port, keyType: type, fingerprint: fingerprint, knownHostsFile: file)
    }

    /// OpenSSH's name for libgit2's raw key type.
    static func keyTypeName(_ type: git_cert_ssh_raw_type_t) -> String? {
        switch type {
        case GIT_CERT_SSH_RAW_TYPE_RSA: return "ssh-rsa"
        case GIT_CERT_SSH_RAW_TYPE_DSS: return "ssh-dss"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_256: return "ecdsa-sha2-nistp256"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_384: return "ecdsa-sha2-nistp384"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_521: return "ecdsa-sha2-nistp521"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ED25519: return "ssh-ed25519"
        default: return nil
        }
    }

    /// The type name at the start of an ssh public key blob (a 4-byte length, then the name).
    static func keyTypeFromBlob(_ blob: [UInt8]) -> String? {
        guard blob.count >= 4 else { return nil }
        let length = Int(blob[0]) << 24 | Int(blob[1]) << 16 | Int(blob[2]) << 8 | Int(blob[3])
        guard length > 0, length < 64, blob.count >= 4 + length else { return nil }
        return String(decoding: blob[4..<(4 + length)], as: UTF8.self)
    }
}
