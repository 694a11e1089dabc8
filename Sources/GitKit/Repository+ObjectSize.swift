import CGit2
import GitFormats

extension Repository {
    /// The size in bytes of the object `id`, read from its header without inflating it, so that a
    /// caller can refuse a huge blob (a teammate's log dump) before it is read into memory.
    public func objectSize(_ id: ObjectID) throws -> Int {
        guard let header = try objectHeader(id.rawID) else {
            throw GitError(
                operation: "read the header of \(id.short)", code: GIT_ENOTFOUND.rawValue, errorClass: 0,
                message: "no such object")
        }
        return header.size
    }

    /// The size and type of an object from its header, or nil when the object database lacks it.
    func objectHeader(_ id: RawObjectID) throws -> (size: Int, type: git_object_t)? {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "open the object database")
        defer { git_odb_free(odb) }
        var size = 0
        var type = GIT_OBJECT_INVALID
        var oid = id.oid
        guard git_odb_read_header(&size, &type, odb, &oid) == 0 else { return nil }
        return (size, type)
    }
}
