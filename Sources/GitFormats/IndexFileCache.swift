#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The last index file read, kept while the file on disk is the same one: same inode, size, change
/// and modification times to the nanosecond, and the same trailing checksum (the SHA-1 of everything
/// before it). git replaces the index by renaming a new file over it, and any write in place changes
/// its change time, so a command that reads the index several times (its checks, the work-tree scan,
/// the splice) reads and parses it once: on the limits journal that is a 52 MB file.
///
/// The splice asks for it while it holds `index.lock`, so no git-compatible writer can replace the file
/// between the check and the write; the stat refresh compares the copy it scanned with the file's size
/// and checksum under the lock instead.
public final class IndexFileCache {
    private struct Identity: Equatable {
        let device: UInt64
        let inode: UInt64
        let size: Int64
        let modified: timespec
        let changed: timespec
        let checksum: [UInt8]

        /// The identity of the file at `path` now: its stat data and its last 20 bytes.
        init?(path: String) {
            guard let (st, tail) = IndexFileCache.statusAndChecksum(path: path) else { return nil }
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
            size = Int64(st.st_size)
            modified = st.st_mtim
            changed = st.st_ctim
            checksum = tail
        }

        static func == (a: Identity, b: Identity) -> Bool {
            a.device == b.device && a.inode == b.inode && a.size == b.size
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
                && a.checksum == b.checksum
        }
    }

    private var cached: (path: String, identity: Identity, file: IndexFile)?

    /// The size of the index file at `path` and its trailing checksum, read without reading the rest.
    package static func sizeAndChecksum(path: String) -> (size: Int, checksum: [UInt8])? {
        statusAndChecksum(path: path).map { (Int($0.status.st_size), $0.checksum) }
    }

    private static func statusAndChecksum(path: String) -> (status: FileStatus, checksum: [UInt8])? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = FileStatus()
        let length = IndexFile.Layout.checksumSize
        guard fstat(fd, &st) == 0, st.st_size >= length else { return nil }
        var tail = [UInt8](repeating: 0, count: length)
        let read = tail.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, length, off_t(st.st_size) - off_t(length)) }
        guard read == length else { return nil }
        return (st, tail)
    }

    public init() {}

    /// The parsed index at `path`, from the cache when the file has not changed since it was read.
    /// Throws as `IndexFile(path:)` does.
    package func file(at path: String) throws -> IndexFile {
        let before = Identity(path: path)
        if let cached, cached.path == path, let before, cached.identity == before { return cached.file }
        cached = nil  // the stale copy goes before the new one is read: one copy in memory at a time
        let file = try IndexFile(path: path)
        // Kept only when nothing replaced the file while it was read.
        if let before, Identity(path: path) == before {
            cached = (path, before, file)
        }
        return file
    }
}
