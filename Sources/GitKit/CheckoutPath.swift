/// git's rules for the paths it will write into a work tree (`verify_path` in git, the same checks in
/// libgit2's checkout): a tree pushed by a teammate can hold a path that no clone can check out, such as
/// `sub/.git/config`, and sync must drop it rather than stop on it.
public enum CheckoutPath {
    /// True when git and libgit2 would check `path` out; false for empty, `.` or `..` components and for
    /// any spelling of `.git` that some file system takes for the git folder (case, NTFS's trailing
    /// dots and spaces and its `GIT~1` short name, HFS+'s ignorable characters).
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.utf8.contains(0) else { return false }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty || component == "." || component == ".." { return false }
            if isGitFolderName(Substring(component)) { return false }
        }
        return true
    }

    static func isGitFolderName(_ name: Substring) -> Bool {
        // HFS+ ignores these code points when it compares names.
        let ignorable: Set<UInt32> = [
            0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
            0x206A, 0x206B, 0x206C, 0x206D, 0x206E, 0x206F, 0xFEFF,
        ]
        let folded = String(String.UnicodeScalarView(name.unicodeScalars.filter { !ignorable.contains($0.value) }))
            .lowercased()
        // NTFS drops trailing dots and spaces.
        var trimmed = Substring(folded)
        while let last = trimmed.last, last == "." || last == " " { trimmed = trimmed.dropLast() }
        return trimmed == ".git" || trimmed == "git~1"
    }
}
