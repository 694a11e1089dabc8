#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The read and write loops over a file descriptor, each retried when a signal interrupts it
/// (`EINTR`): write everything, fill a buffer, read to the end. Every failure thrown is a `SystemError`
/// naming `operation` and `path`, so callers only say what they were doing.
public enum FileDescriptorIO {
    /// Writes all of `bytes` to `fd`. With `sendFlags` (a socket), `send(2)` is used with those flags,
    /// e.g. `MSG_NOSIGNAL` so a peer that went away fails the call instead of raising SIGPIPE.
    public static func writeAll(
        _ fd: Int32, _ bytes: UnsafeRawBufferPointer, sendFlags: Int32? = nil, operation: String = "write",
        path: String
    ) throws {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let rest = bytes.count - offset
            let written = sendFlags.map { send(fd, base + offset, rest, $0) } ?? write(fd, base + offset, rest)
            if written < 0 && errno == EINTR { continue }
            if written < 0 { throw SystemError(operation: operation, path: path) }
            if written == 0 { throw SystemError(operation: operation, path: path, code: EIO) }
            offset += written
        }
    }

    /// One `read(2)` into `buffer`, retried when interrupted: the number of bytes read, 0 at the end.
    public static func readSome(
        _ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, operation: String = "read", path: String
    ) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = read(fd, base, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw SystemError(operation: operation, path: path) }
        }
    }

    /// Reads into `buffer` until it is full or the file ends: the number of bytes read. With
    /// `shortReadEnds` (a regular file, where a short read is the end) no read is made after a short one.
    public static func readFully(
        _ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, shortReadEnds: Bool = false,
        operation: String = "read", path: String
    ) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])
            let count = try readSome(fd, into: rest, operation: operation, path: path)
            filled += count
            if count == 0 || (shortReadEnds && count < rest.count) { break }
        }
        return filled
    }

    /// Reads until the end of the file, or until more than `limit` bytes have arrived (then the bytes
    /// so far, more than `limit` of them, so the caller can tell).
    public static func readToEnd(
        _ fd: Int32, limit: Int = .max, operation: String = "read", path: String
    ) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while bytes.count <= limit {
            let count = try chunk.withUnsafeMutableBytes { raw in
                try readSome(fd, into: raw, operation: operation, path: path)
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }
}
