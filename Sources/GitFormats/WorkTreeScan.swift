import Dispatch
import Foundation

/// One run of `scanStatus`.
package final class WorkTreeScan {
    private enum FileState: UInt8 { case clean, modified, deleted, needsHash, directory }

    private let repository: any GitWorkTreeRepository
    private let root: String
    private var trustExecutableBit = true

    package init(repository: any GitWorkTreeRepository) {
        self.repository = repository
        root = repository.workTree
    }

    /// The status entries, or nil when this repository needs libgit2's full status.
    package func run() throws -> [StatusEntry]? {
        guard repository.fastPathContentRefusal() == nil else { return nil }
        if let fileMode = (try? repository.configString("core.filemode")).flatMap({ $0 })?.lowercased() {
            trustExecutableBit = fileMode != "false"
        }
        let index: IndexFile
        do { index = try repository.indexFileCache.file(at: repository.gitDirectory + "/index") } catch { return nil }
        guard IndexFastPathCheck.refusal(index) == nil else { return nil }
        var changes: [String: StatusFlags] = [:]
        try IndexHeadDiff(repository: repository, index: index).collect(into: &changes)
        let (states, refreshed, smudged) = fileStates(index)
        if refreshed.count >= IndexRefresh.minimumEntries {
            // Many files had to be hashed (e.g. a fresh clone, all "racy"): record their stat data as git
            // status does, so the next scan trusts it. Best effort: skipped when anything is in the way.
            IndexRefresh(repository: repository, index: index).write(refreshed, smudging: smudged)
        }
        for i in 0..<index.count {
            switch states[i] {
            case .clean: continue
            case .modified: changes[index.path(i), default: []].insert(.worktreeModified)
            case .deleted, .directory: changes[index.path(i), default: []].insert(.worktreeDeleted)
            case .needsHash: continue
            }
        }
        guard
            let untracked = UntrackedFiles(
                root: root, index: index, present: states.map { $0 != .deleted && $0 != .directory }
            ).find()
        else { return nil }
        for path in untracked where !isIgnored(path) {
            changes[path, default: []].insert(.worktreeNew)
        }
        return StatusFlags.entries(changes)
    }

    /// Compares every entry's file with its stat data on several threads; hashes the uncertain ones.
    /// Each entry's state, the entries hashed and found unchanged (with their current stat data), and
    /// those hashed and found changed.
    private func fileStates(_ index: IndexFile) -> (
        states: [FileState], refreshed: [(entry: Int, stat: IndexStat)], smudged: [Int]
    ) {
        let count = index.count
        var states = [FileState](repeating: .clean, count: count)
        // Each chunk's uncertain entries with the stat data seen: few on a used clone, so nothing is
        // kept per entry (that was 26 MB on the limits journal's 600,000 entries).
        let chunks = max(1, min(64, count / 256))
        var observed = [[(entry: Int, stat: IndexStat)]](repeating: [], count: chunks)
        var refreshed: [(entry: Int, stat: IndexStat)] = []
        var smudged: [Int] = []
        let rootBytes = Array(root.utf8) + [UInt8(ascii: "/")]
        let racySeconds = index.modifiedSeconds
        let trustMode = trustExecutableBit
        let hashBlob = repository.blobHasher
        let rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if rootFD >= 0 { close(rootFD) } }
        observed.withUnsafeMutableBufferPointer { observedBuffer in
            let seen = observedBuffer
            states.withUnsafeMutableBufferPointer { buffer in
                let out = buffer
                Parallel.forEach(chunks) { chunk in
                    var folder = FolderHandle(root: rootFD)
                    defer { folder.release() }
                    let entries = (chunk * count / chunks)..<((chunk + 1) * count / chunks)
                    for i in entries {
                        // Index paths are NUL-terminated in the file: stat the name inside its open folder.
                        let path = index.pathBytes(i)
                        let slash = path.lastIndex(of: UInt8(ascii: "/"))
                        let folderBytes = UnsafeRawBufferPointer(rebasing: path[..<(slash ?? 0)])
                        var st = FileStatus()
                        let name = (path.baseAddress! + (slash.map { $0 + 1 } ?? 0)).assumingMemoryBound(to: CChar.self)
                        guard folder.enter(folderBytes), fstatat(folder.fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else {
                            // A folder on the path that is gone, or is now a file or a symlink: the entry is gone.
                            out[i] = errno == ENOENT || errno == ENOTDIR || errno == ELOOP ? .deleted : .modified
                            continue
                        }
                        let type = st.st_mode & S_IFMT
                        if type == S_IFDIR {
                            out[i] = .directory
                            continue
                        }
                        if type != S_IFREG {
                            out[i] = .modified
                            continue
                        }
                        let entry = index.stat(i)
                        if trustMode && ((st.st_mode & 0o100 != 0) != (entry.mode == 0o100755)) {
                            out[i] = .modified
                            continue
                        }
                        if entry.size != 0 && entry.size != UInt32(truncatingIfNeeded: st.st_size) {
                            out[i] = .modified
                            continue
                        }
                        if entry.matches(st) && Int(entry.mtimeSeconds) < racySeconds {
                            out[i] = .clean
                        } else {
                            out[i] = .needsHash
                            seen[chunk].append((i, IndexStat(st, mode: entry.mode)))
                        }
                    }
                    index.releaseEntries(entries)
                }
                let uncertain = seen.flatMap { $0.map(\.entry) }
                Parallel.forEach(uncertain.count) { k in
                    let i = uncertain[k]
                    var path = PathBuffer(prefix: rootBytes)
                    guard var oid = path.withPath(index.pathBytes(i), { hashBlob($0) }) else {
                        var st = FileStatus()
                        out[i] = path.withPath(index.pathBytes(i), { lstat($0, &st) }) != 0 ? .deleted : .modified
                        return
                    }
                    let same = withUnsafeBytes(of: &oid) { memcmp($0.baseAddress!, index.oid(i).baseAddress!, 20) == 0 }
                    out[i] = same ? .clean : .modified
                }
                refreshed = seen.flatMap { $0.filter { out[$0.entry] == .clean } }
                smudged = uncertain.filter { out[$0] != .clean }
            }
        }
        return (states, refreshed, smudged)
    }

    private func isIgnored(_ path: String) -> Bool {
        repository.isIgnoredPath(path)
    }
}

/// A reusable C path: the work tree root followed by one relative path, NUL-terminated.
package struct PathBuffer {
    private var bytes: [CChar]
    private let prefixCount: Int

    package init(prefix: [UInt8]) {
        bytes = prefix.map { CChar(bitPattern: $0) }
        prefixCount = prefix.count
        bytes.reserveCapacity(prefixCount + 4096)
    }

    /// Calls `body` with `prefix + relative` as a C string.
    package mutating func withPath<T>(_ relative: UnsafeRawBufferPointer, _ body: (UnsafePointer<CChar>) -> T) -> T {
        bytes.removeSubrange(prefixCount...)
        bytes.append(contentsOf: relative.lazy.map { CChar(bitPattern: $0) })
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// The open folder of the entries being checked, so each file is found by its name alone instead of
/// walking its whole path again (the kernel's path walk was most of the scan's time).
package struct FolderHandle {
    package let root: Int32
    private(set) var fd: Int32
    private var current: [UInt8]? = nil
    private var openError: Int32 = 0

    package init(root: Int32) {
        self.root = root
        fd = root
    }

    /// Makes `folder` (relative, empty for the root) current; false (with errno set) when it cannot be opened.
    package mutating func enter(_ folder: UnsafeRawBufferPointer) -> Bool {
        if let current, current.elementsEqual(folder) {
            errno = openError
            return fd >= 0
        }
        release()
        current = Array(folder)
        fd = root
        // One component at a time, so that a folder replaced by a symlink is not followed (git does
        // not follow it: the entries below it are gone).
        for component in current!.split(separator: UInt8(ascii: "/")) {
            let next = (Array(component) + [0]).withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    openat(fd, $0, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                }
            }
            let error = errno
            if fd != root { close(fd) }
            fd = next
            errno = error
            if next < 0 { break }
        }
        openError = fd >= 0 ? 0 : errno
        return fd >= 0
    }

    package mutating func release() {
        if fd >= 0 && fd != root { close(fd) }
        fd = -1
        current = nil
    }
}
