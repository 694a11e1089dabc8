import GitKit

extension Journal {
    /// True when `remote` is a path to a folder on this machine (`../team.git`, `/srv/journal.git`),
    /// as git reads a remote address, rather than a URL or an scp-like `host:path`.
    public static func remoteIsFolderPath(_ remote: String) -> Bool {
        RemoteAddress(remote).scheme == "file" && !remote.contains("://")
    }
}
