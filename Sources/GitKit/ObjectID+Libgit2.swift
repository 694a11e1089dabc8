import CGit2

/// Conversions between `ObjectID` (GitFormats, no libgit2) and libgit2's `git_oid`.
extension ObjectID {
    init(_ oid: git_oid) {
        var copy = oid
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buffer, 41, &copy)
        self.init(lowercaseHex: buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    }

    init(_ pointer: UnsafePointer<git_oid>) { self.init(pointer.pointee) }

    var raw: git_oid {
        var oid = git_oid()
        _ = git_oid_fromstr(&oid, hex)
        return oid
    }
}

/// Conversions between the format code's raw ids and libgit2's `git_oid` (the same 20 bytes).
extension RawObjectID {
    init(_ oid: git_oid) { self.init(bytes: oid.id) }

    var oid: git_oid { git_oid(id: bytes) }
}
