#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The last index file read for checks that only look at it (its extensions, whether it holds
/// conflicts), kept while the file on disk is the same one: same inode, size, and change and
/// modification times to the nanosecond. git replaces the index by renaming a new file over it, and
/// any write in place changes its change time, so a command that checks the index several times
/// before it writes reads and parses it once. Writers (the splice, the refresh) read the file
/// again under `index.lock` and never use this.
package final class IndexFileCache {
    private struct Identity: Equatable {
        let device: UInt64
        let inode: UInt64
        let size: Int64
        let modified: timespec
        let changed: timespec

        init?(path: String) {
            var st = FileStatus()
            guard stat(path, &st) == 0 else { return nil }
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
            size = Int64(st.st_size)
            modified = st.st_mtim
            changed = st.st_ctim
        }

        static func == (a: Identity, b: Identity) -> Bool {
            a.device == b.device && a.inode == b.inode && a.size == b.size
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
        }
    }

    private var cached: (path: String, identity: Identity, file: IndexFile)?

    package init() {}

    /// The parsed index at `path`, from the cache when the file has not changed since it was read.
    /// Throws as `IndexFile(path:)` does.
    package func file(at path: String) throws -> IndexFile {
        let before = Identity(path: path)
        if let cached, cached.path == path, let before, cached.identity == before { return cached.file }
        let file = try IndexFile(path: path)
        // Kept only when nothing replaced the file while it was read.
        if let before, Identity(path: path) == before {
            cached = (path, before, file)
        } else {
            cached = nil
        }
        return file
    }
}
