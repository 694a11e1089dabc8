import CGit2
import Foundation

extension Repository {
    /// The index feature that keeps libgit2 from reading this clone's index, or nil when it reads it.
    /// Checked from the file's extension signatures, and by reading it when they do not settle it.
    public func unreadableIndexFeature() -> IndexFeature? {
        let path = gitDirectory + "/index"
        guard access(path, F_OK) == 0 else { return nil }
        if let file = try? indexFileCache.file(at: path) {
            let signatures = Set(file.extensions.map(\.signature))
            if signatures.contains("link") { return .splitIndex }
            if signatures.contains("sdir") { return .sparseIndex }
            // Only optional extensions libgit2 reads or skips: no need to parse the whole index again.
            if signatures.isSubset(of: ["TREE", "REUC", "UNTR", "FSMN", "EOIE", "IEOT"]) { return nil }
        }
        var index: OpaquePointer?
        guard git_repository_index(&index, pointer) == 0 else {
            return .other(git_error_last().map { String(cString: $0.pointee.message) } ?? "cannot open the index")
        }
        defer { git_index_free(index) }
        if git_index_read(index, 1) != 0 {
            let message = git_error_last().map { String(cString: $0.pointee.message) } ?? "cannot read the index"
            if message.contains("'link'") { return .splitIndex }
            if message.contains("'sdir'") { return .sparseIndex }
            return .other(message)
        }
        return nil
    }

    /// Whether the index holds unresolved merge conflicts (read raw when the fast reader can).
    public func indexHasConflicts() throws -> Bool {
        if let file = try? indexFileCache.file(at: gitDirectory + "/index") {
            return file.flagsOfAllEntries & IndexFile.stageMask != 0
        }
        let index = try Index(repository: self)
        return git_index_has_conflicts(index.pointer) != 0
    }

    /// The mode of the entry at `path` in `tree`, or nil when there is none or it is a folder.
    public func entryMode(atPath path: String, inTree tree: ObjectID) throws -> EntryMode? {
        try withTreeEntry(atPath: path, inTree: tree) { EntryMode(rawValue: git_tree_entry_filemode($0).rawValue) }
            ?? nil
    }
}
