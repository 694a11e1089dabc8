import Foundation

/// One update of the raw index file for `recordInIndex`.
package struct IndexSplice {
    /// A path the commit took, as the splice needs it: the blob stored (nil: removed), the stat data
    /// of the file it was read from, and the mode stored.
    package struct Entry {
        package let path: String
        package let blob: ObjectID?
        package let stat: IndexStat?
        package let mode: EntryMode

        package init(path: String, blob: ObjectID?, stat: IndexStat?, mode: EntryMode) {
            (self.path, self.blob, self.stat, self.mode) = (path, blob, stat, mode)
        }
    }

    package let repository: any GitWorkTreeRepository
    package let paths: [Entry]
    package let oldTree: RawObjectID
    package let newTree: RawObjectID

    package init(repository: any GitWorkTreeRepository, paths: [Entry], oldTree: RawObjectID, newTree: RawObjectID) {
        (self.repository, self.paths, self.oldTree, self.newTree) = (repository, paths, oldTree, newTree)
    }

    private struct Edit {
        let path: [UInt8]
        let blob: RawObjectID?
        let stat: IndexStat?
        /// Whether the index had an entry for the path before.
        var existed = false
    }

    /// Optional extensions git rebuilds when they are missing (the cache-tree is written back
    /// updated); resolve-undo (`REUC`) is dropped as `git commit` drops it.
    package static let droppableExtensions: Set<String> = ["TREE", "UNTR", "FSMN", "EOIE", "IEOT", "REUC"]

    /// True when the index was written; false when libgit2 must do it.
    package func run() throws -> Bool {
        var edits: [Edit] = []
        for p in paths {
            if let blob = p.blob {
                guard var stat = p.stat, p.mode.isFile else { return false }
                stat.mode = p.mode.rawValue
                edits.append(Edit(path: Array(p.path.utf8), blob: blob.rawID, stat: stat))
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
        guard IndexFastPathCheck.refusal(index) == nil,
            index.extensions.allSatisfy({ Self.droppableExtensions.contains($0.signature) })
        else { return false }

        var out: [UInt8] = []
        out.reserveCapacity(index.bytes.count + edits.count * 128)
        out += [0x44, 0x49, 0x52, 0x43]  // "DIRC"
        Self.append32(&out, index.version)
        Self.append32(&out, 0)  // entry count, set below
        var count = 0
        var cursor = 0
        var racy: [(entry: Int, offset: Int)] = []
        for e in edits.indices {
            let position = index.lowerBound(edits[e].path)
            edits[e].existed =
                position < index.count && IndexFile.compare(index.pathBytes(position), edits[e].path) == 0
            count += copyEntries(index, cursor..<position, into: &out, racy: &racy)
            cursor = edits[e].existed ? position + 1 : position
            if let blob = edits[e].blob, let stat = edits[e].stat {
                Self.appendEntry(&out, stat: stat, blob: blob, path: edits[e].path)
                count += 1
            }
        }
        count += copyEntries(index, cursor..<index.count, into: &out, racy: &racy)
        smudgeRacilyChanged(index, racy, in: &out)
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

        try out.withUnsafeBytes { raw in
            try FileDescriptorIO.writeAll(fd, raw, path: indexPath)
        }
        // Not fsynced, as git does not fsync its index by default: the index is a cache of the work
        // tree, and replacing it by rename leaves the old or the new file after a crash. The commit
        // itself (objects and the branch) is fsynced by libgit2 before this runs.
        guard rename(lockPath, indexPath) == 0 else {
            throw SystemError(operation: "replace", path: indexPath)
        }
        renamed = true
        return true
    }

    /// Copies entries verbatim, noting (in `racy`, with where each landed in `out`) those as recent as
    /// the old index file: `smudgeRacilyChanged` checks them once every entry is copied.
    private func copyEntries(
        _ index: IndexFile, _ range: Range<Int>, into out: inout [UInt8], racy: inout [(entry: Int, offset: Int)]
    ) -> Int {
        guard !range.isEmpty else { return 0 }
        let start = index.entryOffsets[range.lowerBound]
        let end = range.upperBound < index.count ? index.entryOffsets[range.upperBound] : index.entriesEnd
        let base = out.count
        out += UnsafeRawBufferPointer(rebasing: index.bytes[start..<end])
        for i in range where Int(index.mtimeSeconds(i)) >= index.modifiedSeconds && index.size(i) != 0 {
            racy.append((i, base + index.entryOffsets[i] - start))
        }
        return range.count
    }

    /// Zeroes the size ("smudges") of every copied entry as recent as the old index file whose file changed
    /// without its stat data showing it, as git does, so the change is not lost once the new index file is
    /// no longer as recent as the entry. After `git reset --hard` or a checkout every entry can be that
    /// recent: the files are hashed on every core.
    private func smudgeRacilyChanged(_ index: IndexFile, _ racy: [(entry: Int, offset: Int)], in out: inout [UInt8]) {
        guard !racy.isEmpty else { return }
        let root = Array(repository.workTree.utf8) + [UInt8(ascii: "/")]
        let hash = repository.blobHasher
        var changed = [Bool](repeating: false, count: racy.count)
        changed.withUnsafeMutableBufferPointer { buffer in
            let results = buffer
            let chunks = max(1, min(64, racy.count / 32))
            Parallel.forEach(chunks) { chunk in
                var path = PathBuffer(prefix: root)
                for k in (chunk * racy.count / chunks)..<((chunk + 1) * racy.count / chunks) {
                    results[k] = Self.racilyChanged(index, racy[k].entry, path: &path, hash: hash)
                }
            }
        }
        for (k, entry) in racy.enumerated() where changed[k] {
            Self.put32(&out, at: entry.offset + IndexFile.Layout.size, 0)
        }
    }

    private static func racilyChanged(_ index: IndexFile, _ i: Int, path: inout PathBuffer, hash: BlobHasher) -> Bool {
        var st = FileStatus()
        guard path.withPath(index.pathBytes(i), { lstat($0, &st) }) == 0, index.stat(i).matches(st) else {
            return false
        }
        guard var oid = path.withPath(index.pathBytes(i), { hash($0) }) else { return true }
        return withUnsafeBytes(of: &oid) { memcmp($0.baseAddress!, index.oid(i).baseAddress!, 20) != 0 }
    }

    private static func appendEntry(_ out: inout [UInt8], stat: IndexStat, blob: RawObjectID, path: [UInt8]) {
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

    package static func append32(_ out: inout [UInt8], _ v: UInt32) {
        out += [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }

    package static func put32(_ out: inout [UInt8], at offset: Int, _ v: UInt32) {
        out[offset] = UInt8(v >> 24)
        out[offset + 1] = UInt8(v >> 16 & 0xFF)
        out[offset + 2] = UInt8(v >> 8 & 0xFF)
        out[offset + 3] = UInt8(v & 0xFF)
    }
}
