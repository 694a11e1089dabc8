extension JournalLayout {
    /// The folder of the time-away files, one per person.
    public static let awayFolder = "away"

    /// `away/priya.md`.
    public static func awayPath(handle: Handle) -> String {
        "\(awayFolder)/\(handle.value).md"
    }

    /// The handle whose time-away file `path` is (`away/<handle>.md`), or nil.
    public static func awayHandle(of path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == awayFolder, parts[1].hasSuffix(".md") else { return nil }
        let handle = String(parts[1].dropLast(3))
        return Handle.isValid(handle) ? handle : nil
    }
}
