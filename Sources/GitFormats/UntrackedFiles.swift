import Dispatch
import Foundation

/// Finds the files in the work tree that the index does not track, listing every folder (on several
/// threads). A folder whose count of non-folder names equals the count of its tracked files that
/// exist has no new file, so names are only compared where the counts differ; folders the index does
/// not know are new and listed completely. Ignore rules are applied by the caller.
package struct UntrackedFiles {
    package let root: String
    package let index: IndexFile
    /// Per index entry: its file exists and is not a folder.
    package let present: [Bool]

    /// Tracked folders: their path ("" for the root) and how many tracked files exist directly in them.
    /// Entries of one folder are mostly adjacent in the index, so names are compared as bytes and the
    /// table is touched only when the folder changes.
    private func trackedFolders() -> (paths: [String], present: [Int]) {
        var order: [String] = [""]
        var slots: [String: Int] = ["": 0]
        var present = [0]
        var lastFolder: UnsafeRawBufferPointer? = nil
        var slot = 0
        index.forEachEntry(0..<index.count) { i in
            let path = index.pathBytes(i)
            let folder = UnsafeRawBufferPointer(rebasing: path[..<(path.lastIndex(of: UInt8(ascii: "/")) ?? 0)])
            if lastFolder == nil || !lastFolder!.elementsEqual(folder) {
                lastFolder = folder
                let key = String(decoding: folder, as: UTF8.self)
                if let known = slots[key] {
                    slot = known
                } else {
                    // Register the folder and every parent not seen yet.
                    var parent = key
                    while slots[parent] == nil {
                        slots[parent] = order.count
                        order.append(parent)
                        present.append(0)
                        guard let cut = parent.utf8.lastIndex(of: UInt8(ascii: "/")) else { break }
                        parent = String(parent[..<cut])
                    }
                    slot = slots[key]!
                }
            }
            if self.present[i] { present[slot] += 1 }
            return true
        }
        return (order, present)
    }

    /// Paths of untracked files, or nil when something needs libgit2's status (a `.git` inside a
    /// tracked folder, a `.gitattributes` file, a name that is not UTF-8).
    package func find() -> [String]? {
        let (folders, presentCounts) = trackedFolders()
        let known = Set(folders)
        var results = [FolderResult](repeating: FolderResult(), count: folders.count)
        let rootPath = root
        let index = self.index
        results.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            Parallel.forEach(folders.count) { f in
                out[f] = Self.list(
                    root: rootPath, folder: folders[f], trackedPresent: presentCounts[f], known: known, index: index)
            }
        }
        if results.contains(where: \.unsupported) { return nil }
        return results.flatMap(\.untracked)
    }

    private struct FolderResult {
        var untracked: [String] = []
        var unsupported = false
    }

    private static func list(root: String, folder: String, trackedPresent: Int, known: Set<String>, index: IndexFile)
        -> FolderResult
    {
        var result = FolderResult()
        let absolute = folder.isEmpty ? root : root + "/" + folder
        guard let dir = opendir(absolute) else { return result }
        defer { closedir(dir) }
        var names = 0
        var subfolders: [String] = []
        while let entry = readdir(dir) {
            // Most names are plain files: count them without making a String.
            let type = entry.pointee.d_type
            let firstByte = withUnsafeBytes(of: &entry.pointee.d_name) { $0[0] }
            if firstByte != UInt8(ascii: ".") && (type == UInt8(DT_REG) || type == UInt8(DT_LNK)) {
                names += 1
                continue
            }
            let (name, isFolder) = nameAndKind(entry, dir: dir)
            guard let name else {
                result.unsupported = true
                return result
            }
            if name == "." || name == ".." { continue }
            if name == ".gitattributes" {
                result.unsupported = true
                return result
            }
            if isFolder {
                if name == ".git" {
                    if folder.isEmpty { continue }
                    result.unsupported = true
                    return result
                }
                subfolders.append(name)
            } else {
                names += 1
            }
        }
        for name in subfolders {
            let path = folder.isEmpty ? name : folder + "/" + name
            if !known.contains(path) && !listNew(root: root, folder: path, into: &result) { return result }
        }
        if names != trackedPresent {
            // Some name here is not tracked: compare the names with the tracked ones.
            let prefix = folder.isEmpty ? [] : Array(folder.utf8) + [UInt8(ascii: "/")]
            var tracked = Set<String>()
            for i in index.range(withPrefix: prefix) {
                let rest = index.pathBytes(i)[prefix.count...]
                if !rest.contains(UInt8(ascii: "/")) {
                    tracked.insert(String(decoding: UnsafeRawBufferPointer(rebasing: rest), as: UTF8.self))
                }
            }
            rewinddir(dir)
            while let entry = readdir(dir) {
                let (name, isFolder) = nameAndKind(entry, dir: dir)
                guard let name else {
                    result.unsupported = true
                    return result
                }
                if isFolder || name == "." || name == ".." { continue }
                if !tracked.contains(name) { result.untracked.append(folder.isEmpty ? name : folder + "/" + name) }
            }
        }
        return result
    }

    /// Lists every file below a folder the index does not know. A folder holding a `.git` is another
    /// repository: left alone, as git leaves it (nothing below it is listed). False when something
    /// needs libgit2's status.
    private static func listNew(root: String, folder: String, into result: inout FolderResult) -> Bool {
        var st = FileStatus()
        if lstat(root + "/" + folder + "/.git", &st) == 0 { return true }
        guard let dir = opendir(root + "/" + folder) else { return true }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let (name, isFolder) = nameAndKind(entry, dir: dir)
            guard let name else {
                result.unsupported = true
                return false
            }
            if name == "." || name == ".." { continue }
            if name == ".git" || name == ".gitattributes" {
                result.unsupported = true
                return false
            }
            let path = folder + "/" + name
            if isFolder {
                if !listNew(root: root, folder: path, into: &result) { return false }
            } else {
                result.untracked.append(path)
            }
        }
        return true
    }

    /// The entry's name (nil when it is not UTF-8) and whether it is a folder (symlinks are not).
    private static func nameAndKind(_ entry: UnsafeMutablePointer<dirent>, dir: OpaquePointer) -> (String?, Bool) {
        let name = withUnsafePointer(to: &entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(validatingCString: $0) }
        }
        var type = entry.pointee.d_type
        if type == UInt8(DT_UNKNOWN), let name {
            var st = FileStatus()
            if fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0 {
                type = (st.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
        }
        return (name, type == UInt8(DT_DIR))
    }
}
