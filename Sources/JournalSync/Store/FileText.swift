import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file as UTF-8 text (invalid bytes repaired) with plain system calls: reports read
/// thousands of task files, where Foundation's file reading costs more than the parsing.
enum FileText {
    /// The file's text; nil when it does not exist, is not a regular file or cannot be read.
    static func contents(atPath path: String) -> String? {
        readAll(open(path, O_RDONLY | O_CLOEXEC))
    }

    /// The text of the file `name` in the open folder `folder` (no path to resolve from the root).
    static func contents(in folder: Int32, name: String) -> String? {
        readAll(openat(folder, name, O_RDONLY | O_CLOEXEC))
    }

    /// An open folder for `contents(in:name:)`, or nil; the caller closes it.
    static func openFolder(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return fd >= 0 ? fd : nil
    }

    /// Reads and closes `fd`.
    private static func readAll(_ fd: Int32) -> String? {
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // One byte more than the size: a short read of a regular file is its end, and a full one
        // means the file grew while it was read (then it is read again in chunks).
        let capacity = Int(info.st_size) + 1
        var complete = true
        var failed = false
        let text = String(unsafeUninitializedCapacity: capacity) { buffer -> Int in
            var filled = 0
            while filled < capacity {
                let asked = capacity - filled
                let got = read(fd, buffer.baseAddress! + filled, asked)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failed = true }
                if got <= 0 { break }
                filled += got
                if got < asked { break }
            }
            if filled == capacity { complete = false }
            return filled
        }
        if failed { return nil }
        if complete { return text }
        guard lseek(fd, 0, SEEK_SET) == 0 else { return nil }
        return readGrowing(fd)
    }

    private static func readGrowing(_ fd: Int32) -> String? {
        var bytes = [UInt8](repeating: 0, count: 64 * 1024)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            filled += got
        }
        return String(decoding: bytes[..<filled], as: UTF8.self)
    }
}
