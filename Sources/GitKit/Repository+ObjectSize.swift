import CGit2

extension Repository {
    /// The size in bytes of the object `id`, read from its header without inflating it, so that a
    /// caller can refuse a huge blob (a teammate's log dump) before it is read into memory.
    public func objectSize(_ id: ObjectID) throws -> Int {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "open the object database")
        defer { git_odb_free(odb) }
        var size = 0
        var type = GIT_OBJECT_ANY
        var oid = id.raw
        try check(git_odb_read_header(&size, &type, odb, &oid), "read the header of \(id.short)")
        return size
    }
}
