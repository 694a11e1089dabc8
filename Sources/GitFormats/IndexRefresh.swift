import Foundation

/// Records fresh stat data for index entries whose files were hashed and found unchanged, as
/// `git status` does when it refreshes the index: afterwards those entries are trusted by their stat
/// data again instead of being hashed on every scan. Only the stat fields change (ids, paths and the
/// cache-tree stay), and nothing is written if the index changed since it was read or is locked.
package struct IndexRefresh {
    /// Fewer hashed files than this cost less to hash again than to rewrite the index.
    package static let minimumEntries = 64

    package let repository: any GitWorkTreeRepository
    package let index: IndexFile

    /// Writes `entries`' new stat data; `smudging` entries (hashed and found changed) get size 0, as git
    /// does, so that a change made in the second the old index was written is not taken for clean later.
    package func write(_ entries: [(entry: Int, stat: IndexStat)], smudging: [Int]) {
        let indexPath = repository.gitDirectory + "/index"
        let lockPath = indexPath + ".lock"
        let fd = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        var renamed = false
        defer {
            close(fd)
            if !renamed { unlink(lockPath) }
        }
        // The file must still be the one scanned (same size and checksum), now that we hold the lock.
        guard let current = IndexFileCache.sizeAndChecksum(path: indexPath), current.size == index.bytes.count,
            current.checksum == index.checksum
        else { return }
        // The stat fields of each refreshed entry, and the size of each smudged one, in entry order.
        var patches: [(entry: Int, stat: IndexStat?)] = entries.map { ($0.entry, $0.stat) }
        patches += smudging.map { ($0, nil) }
        patches.sort { $0.entry < $1.entry }
        var writer = IndexFileWriter(fd: fd, path: indexPath)
        do {
            try writer.copyBytes(of: index, 0..<IndexFile.Layout.entriesStart)  // the header
            try writer.copyEntries(of: index, 0..<index.count, patching: patches, entry: \.entry) { patch, bytes in
                guard let stat = patch.stat else {
                    IndexSplice.put32(&bytes, at: IndexFile.Layout.size, 0)
                    return
                }
                var recorded = stat
                recorded.mode = index.mode(patch.entry)
                for (k, field) in recorded.fieldsInEntryOrder.enumerated() {
                    IndexSplice.put32(&bytes, at: 4 * k, field)
                }
            }
            try writer.copyBytes(of: index, index.entriesEnd..<index.bytes.count - IndexFile.Layout.checksumSize)
            try writer.finish()
        } catch {
            return
        }
        if rename(lockPath, indexPath) == 0 { renamed = true }
    }
}
