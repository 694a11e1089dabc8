import Foundation

/// A work-tree file read for a commit: its contents and the stat data of the file they were read
/// from, which the index records so that status can trust it later without hashing the file.
public struct WorkTreeFile {
    /// Journal-relative path.
    public let path: String
    public let data: Data
    /// nil when the path is not a regular file (e.g. a symlink): the index is then updated by libgit2.
    let stat: IndexStat?

    /// Reads `root/relative`; nil when there is no file there.
    public static func read(root: String, relative: String) throws -> WorkTreeFile? {
        let absolute = root + "/" + relative
        var st = FileStatus()
        if lstat(absolute, &st) != 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw GitError(operation: "read \(relative)", code: -1, errorClass: 0, message: String(cString: strerror(errno)))
        }
        if (st.st_mode & S_IFMT) != S_IFREG {
            guard let data = FileManager.default.contents(atPath: absolute) else { return nil }
            return WorkTreeFile(path: relative, data: data, stat: nil)
        }
        let fd = open(absolute, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw GitError(operation: "read \(relative)", code: -1, errorClass: 0, message: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        // Stat before reading: a change made while we read shows as changed stat data later.
        guard fstat(fd, &st) == 0 else {
            throw GitError(operation: "read \(relative)", code: -1, errorClass: 0, message: String(cString: strerror(errno)))
        }
        var data = Data(count: Int(st.st_size))
        var done = 0
        let ok = data.withUnsafeMutableBytes { raw -> Bool in
            while done < raw.count {
                let n = Foundation.read(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 { return false }
                if n == 0 { break }
                done += n
            }
            return true
        }
        guard ok else {
            throw GitError(operation: "read \(relative)", code: -1, errorClass: 0, message: String(cString: strerror(errno)))
        }
        if done < data.count { data.count = done }
        // A file that grew while we read: keep reading, and let its stat data look changed.
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = Foundation.read(fd, &chunk, chunk.count)
            if n <= 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        let executable = st.st_mode & 0o100 != 0
        return WorkTreeFile(path: relative, data: data, stat: IndexStat(st, mode: executable ? 0o100755 : 0o100644))
    }
}
