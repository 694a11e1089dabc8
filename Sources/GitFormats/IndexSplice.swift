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
        // Under the lock no git-compatible writer can replace the file: the copy parsed earlier in
        // this command is used when it is still the file on disk (`IndexFileCache`).
        guard let index = try? repository.indexFileCache.file(at: indexPath) else { return false }
        guard IndexFastPathCheck.refusal(index) == nil,
            index.extensions.allSatisfy({ Self.droppableExtensions.contains($0.signature) })
        else { return false }

        // Where each edit lands among the old entries, and how many entries the new index holds.
        var positions: [Int] = []
        positions.reserveCapacity(edits.count)
        var count = index.count
        for e in edits.indices {
            let position = index.lowerBound(edits[e].path)
            edits[e].existed =
                position < index.count && IndexFile.compare(index.pathBytes(position), edits[e].path) == 0
            positions.append(position)
            if edits[e].existed { count -= 1 }
            if edits[e].blob != nil { count += 1 }
        }
        let replaced = Set(edits.indices.filter { edits[$0].existed }.map { positions[$0] })
        var smudged = racilyChangedEntries(index, skipping: replaced)[...]

        // Everything that can fail other than writing is done before the first byte is written.
        var tree: [UInt8]?
        if let payload = index.extensionPayload("TREE"),
            let cache = try? TreeCacheNode.parse(UnsafeRawBufferPointer(rebasing: index.bytes[payload]))
        {
            try TreeCacheUpdate(repository: repository, edits: edits.map { ($0.path, $0.blob != nil, $0.existed) })
                .apply(to: cache, oldTree: oldTree, newTree: newTree)
            var serialized: [UInt8] = []
            cache.serialize(into: &serialized)
            tree = serialized
        }

        var writer = IndexFileWriter(fd: fd, path: indexPath)
        try writer.append([0x44, 0x49, 0x52, 0x43])  // "DIRC"
        try writer.append32(index.version)
        try writer.append32(UInt32(count))
        var cursor = 0
        for e in edits.indices {
            try copyEntries(index, cursor..<positions[e], smudging: &smudged, into: &writer)
            cursor = edits[e].existed ? positions[e] + 1 : positions[e]
            if let blob = edits[e].blob, let stat = edits[e].stat {
                try writer.append(Self.entryBytes(stat: stat, blob: blob, path: edits[e].path))
            }
        }
        try copyEntries(index, cursor..<index.count, smudging: &smudged, into: &writer)
        if let tree {
            try writer.append(Array("TREE".utf8))
            try writer.append32(UInt32(tree.count))
            try writer.append(tree)
        }
        try writer.finish()
        // Not fsynced, as git does not fsync its index by default: the index is a cache of the work
        // tree, and replacing it by rename leaves the old or the new file after a crash. The commit
        // itself (objects and the branch) is fsynced by libgit2 before this runs.
        guard rename(lockPath, indexPath) == 0 else {
            throw SystemError(operation: "replace", path: indexPath)
        }
        renamed = true
        return true
    }

    /// Copies the old entries `range` verbatim, with the size of each of them in `smudging` (sorted; those
    /// below `range`'s end are taken off it) zeroed.
    private func copyEntries(
        _ index: IndexFile, _ range: Range<Int>, smudging: inout ArraySlice<Int>, into writer: inout IndexFileWriter
    ) throws {
        guard !range.isEmpty else { return }
        let end = smudging.firstIndex { $0 >= range.upperBound } ?? smudging.endIndex
        try writer.copyEntries(
            of: index, range, patching: smudging[..<end], entry: { $0 },
            edit: { _, bytes in Self.put32(&bytes, at: IndexFile.Layout.size, 0) })
        smudging = smudging[end...]
    }

    /// The entries, among those copied (not in `replaced`), as recent as the old index file whose file
    /// changed without its stat data showing it: git zeroes their size ("smudges" them) so the change is
    /// not lost once the new index file is no longer as recent as the entry. After `git reset --hard` or a
    /// checkout every entry can be that recent: the files are hashed on every core. Sorted.
    private func racilyChangedEntries(_ index: IndexFile, skipping replaced: Set<Int>) -> [Int] {
        var racy: [Int] = []
        index.forEachEntry(0..<index.count) { i in
            if Int(index.mtimeSeconds(i)) >= index.modifiedSeconds && index.size(i) != 0 && !replaced.contains(i) {
                racy.append(i)
            }
            return true
        }
        guard !racy.isEmpty else { return [] }
        let root = Array(repository.workTree.utf8) + [UInt8(ascii: "/")]
        let hash = repository.blobHasher
        var changed = [Bool](repeating: false, count: racy.count)
        changed.withUnsafeMutableBufferPointer { buffer in
            let results = buffer
            let chunks = max(1, min(64, racy.count / 32))
            Parallel.forEach(chunks) { chunk in
                var path = PathBuffer(prefix: root)
                for k in (chunk * racy.count / chunks)..<((chunk + 1) * racy.count / chunks) {
                    results[k] = Self.racilyChanged(index, racy[k], path: &path, hash: hash)
                }
            }
        }
        return racy.indices.filter { changed[$0] }.map { racy[$0] }
    }

    private static func racilyChanged(_ index: IndexFile, _ i: Int, path: inout PathBuffer, hash: BlobHasher) -> Bool {
        var st = FileStatus()
        guard path.withPath(index.pathBytes(i), { lstat($0, &st) }) == 0, index.stat(i).matches(st) else {
            return false
        }
        guard var oid = path.withPath(index.pathBytes(i), { hash($0) }) else { return true }
        return withUnsafeBytes(of: &oid) { memcmp($0.baseAddress!, index.oid(i).baseAddress!, 20) != 0 }
    }

    /// A new entry's on-disk bytes, padding included.
    private static func entryBytes(stat: IndexStat, blob: RawObjectID, path: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(IndexFile.entryHeaderSize + path.count + 8)
        for field in stat.fieldsInEntryOrder { out += IndexFile.bigEndian(field) }
        var id = blob
        withUnsafeBytes(of: &id) { out += $0.prefix(20) }
        let length = UInt16(min(path.count, 0xFFF))
        out += [UInt8(length >> 8), UInt8(length & 0xFF)]
        out += path
        let size = (IndexFile.entryHeaderSize + path.count + 8) & ~7
        out += [UInt8](repeating: 0, count: size - out.count)
        return out
    }

    /// Stores `value` big-endian at `offset` (the index's number format).
    package static func put32(_ out: inout [UInt8], at offset: Int, _ value: UInt32) {
        out[offset] = UInt8(value >> 24)
        out[offset + 1] = UInt8(value >> 16 & 0xFF)
        out[offset + 2] = UInt8(value >> 8 & 0xFF)
        out[offset + 3] = UInt8(value & 0xFF)
    }
}
