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
        // The file must still be the one scanned (same checksum), now that we hold the lock.
        let checksum = IndexFile.Layout.checksumSize
        guard let current = try? IndexFile(path: indexPath), current.bytes.count == index.bytes.count,
            memcmp(
                current.bytes.baseAddress! + current.bytes.count - checksum,
                index.bytes.baseAddress! + index.bytes.count - checksum, checksum) == 0
        else { return }
        var out = [UInt8](UnsafeRawBufferPointer(index.bytes))
        for (i, stat) in entries {
            var offset = index.entryOffsets[i]
            for field in [
                stat.ctimeSeconds, stat.ctimeNanoseconds, stat.mtimeSeconds, stat.mtimeNanoseconds, stat.device,
                stat.inode,
                index.mode(i), stat.uid, stat.gid, stat.size,
            ] {
                IndexSplice.put32(&out, at: offset, field)
                offset += 4
            }
        }
        for i in smudging { IndexSplice.put32(&out, at: index.entryOffsets[i] + IndexFile.Layout.size, 0) }
        out.removeLast(IndexFile.Layout.checksumSize)
        out += out.withUnsafeBytes { SHA1.digest($0) }
        let written = out.withUnsafeBytes { raw -> Bool in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        if written && rename(lockPath, indexPath) == 0 { renamed = true }
    }
}
