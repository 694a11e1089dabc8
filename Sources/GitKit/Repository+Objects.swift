import CGit2
import Foundation

extension Repository {
    /// Stores `data` as a blob and returns its id.
    public func createBlob(_ data: Data) throws -> ObjectID {
        var oid = git_oid()
        try data.withUnsafeBytes { raw in
            try check(git_blob_create_from_buffer(&oid, pointer, raw.baseAddress, raw.count), "store file contents")
        }
        return ObjectID(oid)
    }

    /// The contents of a blob.
    public func blobData(_ id: ObjectID) throws -> Data {
        var blob: OpaquePointer?
        var oid = id.raw
        try check(git_blob_lookup(&blob, pointer, &oid), "read blob \(id.short)")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return Data() }
        return Data(bytes: content, count: size)
    }

    /// Reads a commit.
    public func commit(_ id: ObjectID) throws -> Commit {
        var commit: OpaquePointer?
        var oid = id.raw
        try check(git_commit_lookup(&commit, pointer, &oid), "read commit \(id.short)")
        defer { git_commit_free(commit) }
        var parents: [ObjectID] = []
        for i in 0..<git_commit_parentcount(commit) {
            if let p = git_commit_parent_id(commit, i) { parents.append(ObjectID(p)) }
        }
        let message = git_commit_message(commit).map { String(cString: $0) } ?? ""
        return Commit(
            id: id, parents: parents, tree: ObjectID(git_commit_tree_id(commit)),
            author: Signature(git_commit_author(commit)), committer: Signature(git_commit_committer(commit)),
            message: message)
    }

    /// The blob id at `path` in a tree, or nil when there is no file there.
    public func blobID(atPath path: String, inTree tree: ObjectID) throws -> ObjectID? {
        try withTreeEntry(atPath: path, inTree: tree) { entry -> ObjectID? in
            guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
            return ObjectID(git_tree_entry_id(entry))
        } ?? nil
    }

    /// `body` applied to the entry at `path` in `tree`; nil when there is no entry there.
    func withTreeEntry<T>(atPath path: String, inTree tree: ObjectID, _ body: (OpaquePointer?) throws -> T) throws
        -> T?
    {
        try withTree(tree) { treePtr in
            var entry: OpaquePointer?
            let status = git_tree_entry_bypath(&entry, treePtr, path)
            if status == GIT_ENOTFOUND.rawValue { return nil }
            try check(status, "look up \(path)")
            defer { git_tree_entry_free(entry) }
            return try body(entry)
        }
    }

    /// The contents of the file at `path` in a commit, or nil when it has none.
    public func fileData(atPath path: String, inCommit commitID: ObjectID) throws -> Data? {
        let tree = try commit(commitID).tree
        guard let blob = try blobID(atPath: path, inTree: tree) else { return nil }
        return try blobData(blob)
    }

    /// Every file in a tree, recursively, by path.
    public func files(inTree tree: ObjectID, under prefix: String? = nil) throws -> [String: ObjectID] {
        final class Box { var files: [String: ObjectID] = [:] }
        let box = Box()
        try withTree(tree) { treePtr in
            try withExtendedLifetime(box) {
                let payload = Unmanaged.passUnretained(box).toOpaque()
                try check(
                    git_tree_walk(
                        treePtr, GIT_TREEWALK_PRE,
                        { root, entry, payload in
                            guard let entry, let payload, git_tree_entry_type(entry) == GIT_OBJECT_BLOB else {
                                return 0
                            }
                            let box = Unmanaged<Box>.fromOpaque(payload).takeUnretainedValue()
                            let path = String(cString: root!) + String(cString: git_tree_entry_name(entry))
                            box.files[path] = ObjectID(git_tree_entry_id(entry))
                            return 0
                        }, payload), "list files")
            }
        }
        guard let prefix else { return box.files }
        return box.files.filter { $0.key.hasPrefix(prefix) }
    }

    /// A new tree: `base` (nil: empty) with `changes` applied. Fast: touches only the changed paths.
    public func updatedTree(base: ObjectID?, changes: [TreeChange]) throws -> ObjectID {
        let baseTree = try base ?? emptyTree()
        // Large folders: edit the raw trees on the changed paths (TreeSplice); libgit2 otherwise.
        if let spliced = try TreeSplice(repository: self).apply(base: baseTree, changes: changes) {
            FastPathReport.fast(.tree)
            return spliced
        }
        FastPathReport.declined(.tree, "small folders or entries the raw edit does not handle")
        return try libgit2UpdatedTree(base: baseTree, changes: changes)
    }

    /// `updatedTree` through libgit2's `git_tree_create_updated` (and the tests' reference). A path
    /// that changes between file and folder is done as git does it: what stood there goes first
    /// (removals, including a folder a file replaces and a file a folder replaces), then the upserts.
    func libgit2UpdatedTree(base baseTree: ObjectID, changes: [TreeChange]) throws -> ObjectID {
        var candidates: [(path: String, onlyFolder: Bool?)] = []
        var upserts: [(path: String, blob: ObjectID, mode: EntryMode)] = []
        for change in changes {
            switch change {
            case .remove(let path): candidates.append((path, nil))
            case .upsert(let path, let blob, let mode):
                upserts.append((path, blob, mode))
                candidates.append((path, true))  // a folder where the file goes
                var parts = path.split(separator: "/").map(String.init).dropLast()
                while !parts.isEmpty {  // a file where one of its folders goes
                    candidates.append((parts.joined(separator: "/"), false))
                    parts = parts.dropLast()
                }
            }
        }
        var paths = Set<String>()
        for (path, onlyFolder) in candidates {
            guard let isFolder = try entryKind(atPath: path, inTree: baseTree) else { continue }
            if onlyFolder == nil || onlyFolder == isFolder { paths.insert(path) }
        }
        // Nothing below a path already removed.
        let removed = paths.sorted().filter { path in !paths.contains { path.hasPrefix($0 + "/") } }
        var tree = baseTree
        if !removed.isEmpty {
            tree = try applyUpdates(base: tree, removals: removed, upserts: [])
        }
        if upserts.isEmpty { return tree }
        return try applyUpdates(base: tree, removals: [], upserts: upserts)
    }

    /// Whether `path` in `tree` is a folder (true), another entry (false), or absent (nil).
    private func entryKind(atPath path: String, inTree tree: ObjectID) throws -> Bool? {
        try withTreeEntry(atPath: path, inTree: tree) { git_tree_entry_type($0) == GIT_OBJECT_TREE }
    }

    private func applyUpdates(
        base: ObjectID, removals: [String], upserts: [(path: String, blob: ObjectID, mode: EntryMode)]
    ) throws -> ObjectID {
        try withTree(base) { treePtr in
            var updates: [git_tree_update] = []
            var cPaths: [UnsafeMutablePointer<CChar>] = []
            defer { for item in cPaths { free(item) } }
            for path in removals {
                var update = git_tree_update()
                let c = strdup(path)!
                cPaths.append(c)
                update.action = GIT_TREE_UPDATE_REMOVE
                update.path = UnsafePointer(c)
                updates.append(update)
            }
            for (path, blob, mode) in upserts {
                var update = git_tree_update()
                let c = strdup(path)!
                cPaths.append(c)
                update.action = GIT_TREE_UPDATE_UPSERT
                update.id = blob.raw
                update.filemode = git_filemode_t(rawValue: mode.rawValue)
                update.path = UnsafePointer(c)
                updates.append(update)
            }
            var out = git_oid()
            try check(git_tree_create_updated(&out, pointer, treePtr, updates.count, &updates), "build tree")
            return ObjectID(out)
        }
    }

    /// The id of the empty tree, stored if needed.
    public func emptyTree() throws -> ObjectID {
        var builder: OpaquePointer?
        try check(git_treebuilder_new(&builder, pointer, nil), "new tree")
        defer { git_treebuilder_free(builder) }
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder), "write empty tree")
        return ObjectID(oid)
    }

    /// Writes a commit object (no reference is moved).
    public func createCommit(
        tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String
    ) throws -> ObjectID {
        var treeObj: OpaquePointer?
        var treeOid = tree.raw
        try check(git_tree_lookup(&treeObj, pointer, &treeOid), "read tree")
        defer { git_tree_free(treeObj) }
        var parentObjs: [OpaquePointer?] = []
        defer { for item in parentObjs { git_commit_free(item) } }
        for parent in parents {
            var obj: OpaquePointer?
            var oid = parent.raw
            try check(git_commit_lookup(&obj, pointer, &oid), "read parent commit \(parent.short)")
            parentObjs.append(obj)
        }
        var out = git_oid()
        try author.withRaw { a in
            try committer.withRaw { c in
                try parentObjs.withUnsafeMutableBufferPointer { buf in
                    try check(
                        git_commit_create(
                            &out, pointer, nil, a, c, "UTF-8", message, treeObj, parents.count, buf.baseAddress),
                        "create commit")
                }
            }
        }
        return ObjectID(out)
    }

    func withTree<T>(_ id: ObjectID, _ body: (OpaquePointer) throws -> T) throws -> T {
        var tree: OpaquePointer?
        var oid = id.raw
        try check(git_tree_lookup(&tree, pointer, &oid), "read tree \(id.short)")
        defer { git_tree_free(tree) }
        return try body(tree!)
    }
}
