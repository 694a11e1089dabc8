import CGit2
import Foundation

/// A path a commit took from the work tree: the blob stored for it and the file it was read from,
/// or `file == nil` when the commit removed the path.
public struct CommittedPath {
    public let path: String
    public let blob: ObjectID?
    public let file: WorkTreeFile?
    /// The mode the commit stored (the file's own unless `core.filemode` is false).
    public let mode: EntryMode

    public init(path: String, blob: ObjectID?, file: WorkTreeFile?, mode: EntryMode? = nil) {
        self.path = path
        self.blob = blob
        self.file = file
        self.mode = mode ?? file?.mode ?? .regular
    }
}

extension Repository {
    /// Brings the index in line with a commit that changed `paths` from `oldTree` to `newTree`,
    /// as `stage(paths:)` does, but without parsing or re-hashing the rest of the index: the
    /// changed entries are spliced into the raw file, the cache-tree is updated on the changed
    /// paths only (so it stays valid where it was), and the file is written once under
    /// `index.lock`. Cost: one read, one copy and one SHA-1 of the index file, whatever the
    /// journal's size. Whatever `FastPathPolicy` declines (conflicts, index v4, unknown extensions,
    /// flagged entries, symlinks, attributes and filters) goes through libgit2 (`stage(committed:)`).
    public func recordInIndex(_ paths: [CommittedPath], oldTree: ObjectID?, newTree: ObjectID) throws {
        if let oldTree, FastPathPolicy(repository: self).contentRefusal(paths: paths.map(\.path)) == nil,
            try IndexSplice(repository: self, paths: paths, oldTree: oldTree.raw, newTree: newTree.raw).run()
        {
            return
        }
        try stage(committed: paths)
    }
}

/// One update of the raw index file for `recordInIndex`.
struct IndexSplice {
    let repository: Repository
    let paths: [CommittedPath]
    let oldTree: git_oid
    let newTree: git_oid

    private struct Edit {
        let path: [UInt8]
        let blob: git_oid?
        let stat: IndexStat?
        /// Whether the index had an entry for the path before.
        var existed = false
    }

    /// Optional extensions git rebuilds when they are missing (the cache-tree is written back
    /// updated); resolve-undo (`REUC`) is dropped as `git commit` drops it.
    static let droppableExtensions: Set<String> = ["TREE", "UNTR", "FSMN", "EOIE", "IEOT", "REUC"]

    /// True when the index was written; false when libgit2 must do it.
    func run() throws -> Bool {
        var edits: [Edit] = []
        for p in paths {
            if let blob = p.blob {
                guard var stat = p.file?.stat, p.mode.isFile else { return false }
                stat.mode = p.mode.rawValue
                edits.append(Edit(path: Array(p.path.utf8), blob: blob.raw, stat: stat))
            } else {
                edits.append(Edit(path: Array(p.path.utf8), blob: nil, stat: nil))
            }
        }
        edits.sort { $0.path.lexicographicallyPrecedes($1.path) }
        for (a, b) in zip(edits, edits.dropFirst()) where a.path == b.path { return false }

        let indexPath = repository.gitDirectory + "/index"
        let lockPath = indexPath + ".lock"
        let fd = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }  // libgit2 reports the lock properly
        var renamed = false
        defer {
            if fd >= 0 { close(fd) }
            if !renamed { unlink(lockPath) }
        }
        guard let index = try? IndexFile(path: indexPath) else { return false }
        guard FastPathPolicy(repository: repository).indexRefusal(index) == nil,
            index.extensions.allSatisfy({ Self.droppableExtensions.contains($0.signature) })
        else { return false }

        var out = [UInt8]()
        out.reserveCapacity(index.bytes.count + edits.count * 128)
        out += [0x44, 0x49, 0x52, 0x43]  // "DIRC"
        Self.append32(&out, index.version)
        Self.append32(&out, 0)  // entry count, set below
        var count = 0
        var cursor = 0
        var rootBytes = Array(repository.workTree.utf8) + [UInt8(ascii: "/")]
        for e in edits.indices {
            let position = index.lowerBound(edits[e].path)
            edits[e].existed = position < index.count && IndexFile.compare(index.pathBytes(position), edits[e].path) == 0
            count += copyEntries(index, cursor..<position, into: &out, root: &rootBytes)
            cursor = edits[e].existed ? position + 1 : position
            if let blob = edits[e].blob, let stat = edits[e].stat {
                Self.appendEntry(&out, stat: stat, blob: blob, path: edits[e].path)
                count += 1
            }
        }
        count += copyEntries(index, cursor..<index.count, into: &out, root: &rootBytes)
        Self.put32(&out, at: 8, UInt32(count))

        if let payload = index.extensionPayload("TREE"),
            let cache = try? TreeCacheNode.parse(UnsafeRawBufferPointer(rebasing: index.bytes[payload]))
        {
            try TreeCacheUpdate(repository: repository, edits: edits.map { ($0.path, $0.blob != nil, $0.existed) })
                .apply(to: cache, oldTree: oldTree, newTree: newTree)
            var tree: [UInt8] = []
            cache.serialize(into: &tree)
            out += Array("TREE".utf8)
            Self.append32(&out, UInt32(tree.count))
            out += tree
        }
        out += out.withUnsafeBytes { SHA1.digest($0) }

        let written = out.withUnsafeBytes { raw -> Bool in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        // Not fsynced, as git does not fsync its index by default: the index is a cache of the work
        // tree, and replacing it by rename leaves the old or the new file after a crash. The commit
        // itself (objects and the branch) is fsynced by libgit2 before this runs.
        guard written, rename(lockPath, indexPath) == 0 else {
            throw GitError(operation: "write index", code: -1, errorClass: 0, message: String(cString: strerror(errno)))
        }
        renamed = true
        return true
    }

    /// Copies entries verbatim, except that an entry as recent as the old index file whose file
    /// changed without its stat data showing it gets its size zeroed ("smudged"), as git does, so
    /// the change is not lost once the new index file is no longer as recent as the entry.
    private func copyEntries(_ index: IndexFile, _ range: Range<Int>, into out: inout [UInt8], root: inout [UInt8]) -> Int {
        guard !range.isEmpty else { return 0 }
        let start = index.entryOffsets[range.lowerBound]
        let end = range.upperBound < index.count ? index.entryOffsets[range.upperBound] : index.entriesEnd
        let base = out.count
        out += UnsafeRawBufferPointer(rebasing: index.bytes[start..<end])
        for i in range where Int(index.mtimeSeconds(i)) >= index.modifiedSeconds && index.size(i) != 0 {
            if racilyChanged(index, i, root: &root) {
                Self.put32(&out, at: base + index.entryOffsets[i] - start + IndexFile.Layout.size, 0)
            }
        }
        return range.count
    }

    private func racilyChanged(_ index: IndexFile, _ i: Int, root: inout [UInt8]) -> Bool {
        var path = PathBuffer(prefix: root)
        var st = FileStatus()
        guard path.withPath(index.pathBytes(i), { lstat($0, &st) }) == 0, index.stat(i).matches(st) else { return false }
        var oid = git_oid()
        guard path.withPath(index.pathBytes(i), { git_odb_hashfile(&oid, $0, GIT_OBJECT_BLOB) }) == 0 else { return true }
        return withUnsafeBytes(of: &oid) { memcmp($0.baseAddress!, index.oid(i).baseAddress!, 20) != 0 }
    }

    private static func appendEntry(_ out: inout [UInt8], stat: IndexStat, blob: git_oid, path: [UInt8]) {
        let start = out.count
        for field in [
            stat.ctimeSeconds, stat.ctimeNanoseconds, stat.mtimeSeconds, stat.mtimeNanoseconds, stat.device, stat.inode,
            stat.mode, stat.uid, stat.gid, stat.size,
        ] {
            append32(&out, field)
        }
        var id = blob
        withUnsafeBytes(of: &id) { out += $0.prefix(20) }
        let length = UInt16(min(path.count, 0xFFF))
        out += [UInt8(length >> 8), UInt8(length & 0xFF)]
        out += path
        let size = (IndexFile.entryHeaderSize + path.count + 8) & ~7
        out += [UInt8](repeating: 0, count: start + size - out.count)
    }

    static func append32(_ out: inout [UInt8], _ v: UInt32) {
        out += [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }

    static func put32(_ out: inout [UInt8], at offset: Int, _ v: UInt32) {
        out[offset] = UInt8(v >> 24)
        out[offset + 1] = UInt8(v >> 16 & 0xFF)
        out[offset + 2] = UInt8(v >> 8 & 0xFF)
        out[offset + 3] = UInt8(v & 0xFF)
    }
}
