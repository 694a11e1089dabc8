import Foundation

/// Writes files so that a crash leaves either the old or the new content, never half of one.
enum AtomicFile {
    /// The pid of the process writing the temporary file named `name` (`.<file>.baton-<pid>.tmp`), or nil
    /// when `name` is not one of ours.
    static func writerPID(ofTemporary name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".baton-", options: .backwards)
        else { return nil }
        return pid_t(name[marker.upperBound...].dropLast(4))
    }

    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).baton-\(getpid()).tmp").path
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw JournalError.git(operation: "write \(path)", message: String(cString: strerror(errno))) }
        var ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(temp, path) == 0 else {
            unlink(temp)
            throw JournalError.git(operation: "write \(path)", message: String(cString: strerror(errno)))
        }
    }
}
