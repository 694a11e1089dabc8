import Foundation
import GitKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole open file with plain system calls, refusing more than a limit: reports read thousands
/// of task files, where Foundation's file reading costs more than the parsing, and a teammate can push
/// a file of any size.
enum FileText {
    /// Why a read gave no content.
    enum Failure: Error {
        /// The descriptor is not a regular file (a folder, a device, a pipe).
        case notRegular
        /// The file holds more than the limit.
        case tooLarge
        /// `read` failed with this `errno`.
        case system(Int32)
    }

    /// The text of the open file `fd` as UTF-8 (invalid bytes repaired), at most `limit` bytes.
    static func text(_ fd: Int32, limit: Int) throws(Failure) -> String {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw .notRegular }
        guard info.st_size <= limit else { throw .tooLarge }
        // Straight into the string: one byte more than the size, so a full read means the file grew
        // while it was read (then it is read again, as bytes, up to the limit).
        let capacity = Int(info.st_size) + 1
        var filled = 0
        var failure: Int32?
        let text = String(unsafeUninitializedCapacity: capacity) { buffer -> Int in
            do {
                filled = try FileDescriptorIO.readFully(
                    fd, into: UnsafeMutableRawBufferPointer(buffer), shortReadEnds: true, path: "")
            } catch {
                failure = (error as? SystemError)?.code ?? EIO
            }
            return filled
        }
        let complete = filled < capacity
        if let failure { throw .system(failure) }
        if complete { return text }
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw .system(errno) }
        return String(decoding: try bytes(fd, limit: limit), as: UTF8.self)
    }

    /// The bytes of the open file `fd`, at most `limit`. The caller closes `fd`.
    static func bytes(_ fd: Int32, limit: Int) throws(Failure) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw .notRegular }
        guard info.st_size <= limit else { throw .tooLarge }
        // One byte more than the size: a short read of a regular file is its end, and a full one
        // means the file grew while it was read (then it is read on in chunks, up to the limit).
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        do {
            let filled = try bytes.withUnsafeMutableBytes { raw in
                try FileDescriptorIO.readFully(fd, into: raw, shortReadEnds: true, path: "")
            }
            bytes.removeSubrange(filled...)
            if filled == Int(info.st_size) + 1 {
                bytes += try FileDescriptorIO.readToEnd(fd, limit: limit - filled, path: "")
            }
        } catch {
            throw .system((error as? SystemError)?.code ?? EIO)
        }
        guard bytes.count <= limit else { throw .tooLarge }
        return bytes
    }

    /// The bytes of a file the user named outside the journal (an attachment to copy in), at most `limit`;
    /// nil when it cannot be opened.
    static func bytes(atPath path: String, limit: Int) throws(Failure) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return try bytes(fd, limit: limit)
    }
}
