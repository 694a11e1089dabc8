import Foundation
import GitKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that a crash leaves either the old or the new content, never half of one.
enum AtomicFile {
    /// The pid of the process writing the temporary file named `name` (`.<file>.baton-<pid>.tmp`), or nil
    /// when `name` is not one of ours.
    static func writerPID(ofTemporary name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".baton-", options: .backwards)
        else { return nil }
        return pid_t(name[marker.upperBound...].dropLast(4))
    }

    /// The temporary name `write` uses for `name` in the same folder.
    static func temporaryName(for name: String) -> String {
        ".\(name).baton-\(getpid()).tmp"
    }

    /// Writes a file of baton's own (under `.git`), creating its folder.
    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw failure(path) }
        defer { close(folder) }
        try write(data, in: folder, name: url.lastPathComponent, keepingMode: nil, displayPath: path)
    }

    /// Writes `name` inside the open folder `folder`: a temporary file beside it (never through a link),
    /// fsync, then `renameat` over it, so nothing resolves a path from the root again. A new file gets
    /// 0644 less the umask; `keepingMode` is the mode of the file it replaces, kept as it was.
    static func write(_ data: Data, in folder: Int32, name: String, keepingMode: mode_t?, displayPath: String) throws {
        let temp = temporaryName(for: name)
        unlinkat(folder, temp, 0)
        let fd = openat(folder, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(displayPath) }
        var ok = true
        do {
            try data.withUnsafeBytes { raw in
                try FileDescriptorIO.writeAll(fd, raw, path: displayPath)
            }
        } catch {
            errno = (error as? SystemError)?.code ?? EIO
            ok = false
        }
        // A replaced file keeps its mode (an executable file stays executable).
        if ok, let keepingMode { ok = fchmod(fd, keepingMode) == 0 }
        ok = ok && fsync(fd) == 0
        let code = errno
        close(fd)
        guard ok, renameat(folder, temp, folder, name) == 0 else {
            let error = ok ? errno : code
            unlinkat(folder, temp, 0)
            throw failure(displayPath, errno: error)
        }
    }

    private static func failure(_ path: String, errno code: Int32 = errno) -> JournalError {
        JournalError.system("write", path, errno: code)
    }
}
