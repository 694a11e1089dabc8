import Foundation

/// A work-tree file read for a commit: its contents and the stat data of the file they were read
/// from, which the index records so that status can trust it later without hashing the file.
/// Read as git reads it: never through a symlink. A symlink is a file whose content is its target
/// (mode 120000); a path below a symlink or below a file is absent.
public struct WorkTreeFile {
    /// Journal-relative path.
    public let path: String
    /// The bytes on disk, or a symlink's target.
    public let data: Data
    /// What is on disk: a regular file (executable or not) or a symlink.
    public let mode: EntryMode
    /// The `lstat` data git records in the index for this file.
    let stat: IndexStat?

    /// Reads `root/relative`; nil when there is no file there (nothing, a folder, something that is
    /// neither a file nor a symlink, or a folder on the way that is a symlink or a file).
    public static func read(root: String, relative: String) throws -> WorkTreeFile? {
        func failure() -> SystemError { SystemError(operation: "read", path: relative) }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.last, !name.isEmpty else { return nil }
        var folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw failure() }
        defer { close(folder) }
        for component in parts.dropLast() {
            let next = openat(folder, component, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            if next < 0 {
                if errno == ENOENT || errno == ENOTDIR || errno == ELOOP { return nil }
                throw failure()
            }
            close(folder)
            folder = next
        }
        var st = FileStatus()
        if fstatat(folder, name, &st, AT_SYMLINK_NOFOLLOW) != 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw failure()
        }
        switch st.st_mode & S_IFMT {
        case S_IFLNK:
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlinkat(folder, name, &target, target.count - 1)
            guard length >= 0 else { throw failure() }
            let data = Data(target[0..<length].map { UInt8(bitPattern: $0) })
            let stat = IndexStat(st, mode: EntryMode.symlink.rawValue)
            return WorkTreeFile(path: relative, data: data, mode: .symlink, stat: stat)
        case S_IFREG:
            break
        default:
            return nil
        }
        let fd = openat(folder, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ELOOP { return nil }
            throw failure()
        }
        defer { close(fd) }
        // Stat before reading: a change made while we read shows as changed stat data later.
        guard fstat(fd, &st) == 0 else { throw failure() }
        var data = Data(count: Int(st.st_size))
        let done = try data.withUnsafeMutableBytes { raw in
            try FileDescriptorIO.readFully(fd, into: raw, path: relative)
        }
        if done < data.count { data.count = done }
        // A file that grew while we read: keep reading, and let its stat data look changed.
        data.append(contentsOf: try FileDescriptorIO.readToEnd(fd, path: relative))
        let mode: EntryMode = st.st_mode & 0o100 != 0 ? .executable : .regular
        return WorkTreeFile(path: relative, data: data, mode: mode, stat: IndexStat(st, mode: mode.rawValue))
    }
}
