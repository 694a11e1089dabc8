import CGit2

extension Repository {
    /// The id HEAD points at, or nil on an unborn branch.
    public func headCommit() throws -> ObjectID? {
        var oid = git_oid()
        let status = git_reference_name_to_id(&oid, pointer, "HEAD")
        if status == GIT_ENOTFOUND.rawValue || status == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(status, "resolve HEAD")
        return ObjectID(oid)
    }

    /// The full name of the branch HEAD points to, e.g. "refs/heads/main", even when unborn.
    public func headBranchReference() throws -> String {
        var ref: OpaquePointer?
        try check(git_reference_lookup(&ref, pointer, "HEAD"), "read HEAD")
        defer { git_reference_free(ref) }
        guard let target = git_reference_symbolic_target(ref) else {
            throw GitError.detachedHead(operation: "read HEAD")
        }
        return String(cString: target)
    }

    /// The id a reference points at, or nil when it does not exist.
    public func referenceTarget(_ name: String) throws -> ObjectID? {
        var oid = git_oid()
        let status = git_reference_name_to_id(&oid, pointer, name)
        if status == GIT_ENOTFOUND.rawValue { return nil }
        try check(status, "resolve \(name)")
        return ObjectID(oid)
    }

    /// Moves `name` to `target` only if it still points at `expected` (nil: only if it does not exist).
    /// A concurrent writer makes this throw instead of losing their commit.
    public func updateReference(_ name: String, to target: ObjectID, expected: ObjectID?, message: String) throws {
        var ref: OpaquePointer?
        var newOid = target.raw
        if let expected {
            var oldOid = expected.raw
            try check(
                git_reference_create_matching(&ref, pointer, name, &newOid, 1, &oldOid, message), "update \(name)")
        } else {
            try check(git_reference_create(&ref, pointer, name, &newOid, 0, message), "create \(name)")
        }
        git_reference_free(ref)
    }

    /// Points a remote-tracking or other reference at `target` unconditionally.
    public func forceReference(_ name: String, to target: ObjectID, message: String) throws {
        var ref: OpaquePointer?
        var newOid = target.raw
        try check(git_reference_create(&ref, pointer, name, &newOid, 1, message), "set \(name)")
        git_reference_free(ref)
    }
}

extension Repository {
    /// Points HEAD at the branch `reference` (e.g. "refs/heads/main"), which need not exist yet.
    public func setHead(_ reference: String) throws {
        try check(git_repository_set_head(pointer, reference), "switch to \(reference)")
    }

    /// Names of the references under `prefix` (e.g. "refs/remotes/origin/").
    public func referenceNames(under prefix: String) throws -> [String] {
        var array = git_strarray()
        try check(git_reference_list(&array, pointer), "list references")
        defer { git_strarray_dispose(&array) }
        var names: [String] = []
        for i in 0..<array.count {
            if let c = array.strings[i] {
                let name = String(cString: c)
                if name.hasPrefix(prefix) { names.append(name) }
            }
        }
        return names.sorted()
    }
}
