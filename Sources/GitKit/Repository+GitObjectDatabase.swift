import CGit2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tree object read from libgit2's object database; its bytes live as long as this value.
final class OdbObject: StoredObjectBytes {
    private let object: OpaquePointer
    let bytes: UnsafeRawBufferPointer

    init(_ object: OpaquePointer) {
        self.object = object
        bytes = UnsafeRawBufferPointer(start: git_odb_object_data(object), count: git_odb_object_size(object))
    }

    deinit { git_odb_object_free(object) }
}

/// libgit2 behind the format code's object database (GitFormats' `GitObjectDatabase`).
extension Repository: GitObjectDatabase {
    public func readTree(_ id: RawObjectID) throws -> any StoredObjectBytes {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "open the object database")
        defer { git_odb_free(odb) }
        var read: OpaquePointer?
        var oid = id.oid
        try check(git_odb_read(&read, odb, &oid), "read tree \(ObjectID(id).short)")
        guard let read, git_odb_object_type(read) == GIT_OBJECT_TREE else {
            git_odb_object_free(read)
            throw GitError(
                operation: "read tree \(ObjectID(id).short)", code: GIT_EINVALIDSPEC.rawValue,
                errorClass: Int32(GIT_ERROR_OBJECT.rawValue), message: "the object is not a tree")
        }
        return OdbObject(read)
    }

    public func isBlob(_ id: RawObjectID) throws -> Bool {
        try objectHeader(id)?.type == GIT_OBJECT_BLOB
    }

    public func writeTree(_ bytes: UnsafeRawBufferPointer) throws -> RawObjectID {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "open the object database")
        defer { git_odb_free(odb) }
        var oid = git_oid()
        try check(git_odb_write(&oid, odb, bytes.baseAddress, bytes.count, GIT_OBJECT_TREE), "write tree")
        return RawObjectID(oid)
    }

    public func subtreeID(named name: [UInt8], in tree: RawObjectID) throws -> RawObjectID? {
        var id = tree.oid
        var treePointer: OpaquePointer?
        try check(git_tree_lookup(&treePointer, pointer, &id), "read tree")
        defer { git_tree_free(treePointer) }
        let entry = (name + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                git_tree_entry_byname(treePointer, $0)
            }
        }
        guard let entry, git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
        return RawObjectID(git_tree_entry_id(entry).pointee)
    }

    public func forEachEntry(
        ofTree id: RawObjectID,
        _ body: (_ name: [UInt8], _ id: RawObjectID, _ isTree: Bool, _ mode: UInt32) throws -> Void
    ) throws {
        var treeID = id.oid
        var treePointer: OpaquePointer?
        try check(git_tree_lookup(&treePointer, pointer, &treeID), "read tree")
        defer { git_tree_free(treePointer) }
        for e in 0..<git_tree_entrycount(treePointer) {
            guard let entry = git_tree_entry_byindex(treePointer, e) else { continue }
            let name = Array(
                UnsafeRawBufferPointer(start: git_tree_entry_name(entry), count: strlen(git_tree_entry_name(entry))))
            let isTree = git_tree_entry_type(entry) == GIT_OBJECT_TREE
            try body(
                name, RawObjectID(git_tree_entry_id(entry)!.pointee), isTree, git_tree_entry_filemode(entry).rawValue)
        }
    }

    public func headTreeID() throws -> RawObjectID? {
        var oid = git_oid()
        let status = git_reference_name_to_id(&oid, pointer, "HEAD")
        if status == GIT_ENOTFOUND.rawValue || status == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(status, "resolve HEAD")
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "read HEAD commit")
        defer { git_commit_free(commit) }
        return RawObjectID(git_commit_tree_id(commit).pointee)
    }

    public var blobHasher: BlobHasher {
        { path in
            var oid = git_oid()
            guard git_odb_hashfile(&oid, path, GIT_OBJECT_BLOB) == 0 else { return nil }
            return RawObjectID(oid)
        }
    }
}

/// libgit2 behind the work-tree scan and the raw index splice (GitFormats' `GitWorkTreeRepository`).
extension Repository: GitWorkTreeRepository {
    public func isIgnoredPath(_ path: String) -> Bool {
        var ignored: Int32 = 0
        guard git_ignore_path_is_ignored(&ignored, pointer, path) == 0 else { return false }
        return ignored != 0
    }

    public func fastPathContentRefusal() -> String? {
        FastPathPolicy(repository: self).contentRefusal()
    }
}
