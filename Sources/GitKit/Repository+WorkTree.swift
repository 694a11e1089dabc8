import CGit2

extension Repository {
    /// Paths that differ from HEAD in the index or the work tree, untracked files included
    /// (ignored ones left out). As in git, an entry marked skip-worktree (a sparse checkout) or
    /// assume-unchanged counts as unchanged, and a nested repository (reported as `dir/`) is left alone.
    public func status() throws -> [StatusEntry] {
        let entries = try libgit2Status()
        let index = try Index(repository: self)
        let filtersConfigured = FastPathPolicy(repository: self).hasFilterDrivers
        return entries.filter { entry in
            if entry.path.hasSuffix("/") { return false }
            guard entry.change != .added, entry.change != .conflicted,
                let raw = git_index_get_bypath(index.pointer, entry.path, 0)?.pointee
            else { return true }
            let skipped = raw.flags_extended & UInt16(GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue) != 0
            let assumed = raw.flags & UInt16(GIT_INDEX_ENTRY_VALID.rawValue) != 0
            if skipped || assumed { return false }
            // libgit2 runs no external clean filter: a file it finds changed may clean to the index's blob.
            if filtersConfigured, entry.change == .modified, cleansToIndexEntry(entry.path, raw) { return false }
            return true
        }
    }

    /// Whether the work-tree file at `path`, cleaned as git would, is the blob `entry` records.
    private func cleansToIndexEntry(_ path: String, _ entry: git_index_entry) -> Bool {
        guard let file = try? WorkTreeFile.read(root: workTree, relative: path), file.mode.rawValue == entry.mode,
            let data = try? filteredContent(of: file)
        else { return false }
        var oid = git_oid()
        let hashed = data.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
        var recorded = entry.id
        return hashed == 0 && git_oid_equal(&oid, &recorded) != 0
    }

    private func libgit2Status() throws -> [StatusEntry] {
        var opts = git_status_options()
        try check(git_status_options_init(&opts, UInt32(GIT_STATUS_OPTIONS_VERSION)), "status options")
        opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        opts.flags =
            GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
        var list: OpaquePointer?
        try check(git_status_list_new(&list, pointer, &opts), "read status")
        defer { git_status_list_free(list) }
        var entries: [StatusEntry] = []
        for i in 0..<git_status_list_entrycount(list) {
            guard let e = git_status_byindex(list, i)?.pointee else { continue }
            let flags = e.status.rawValue
            if flags == GIT_STATUS_CURRENT.rawValue || flags & GIT_STATUS_IGNORED.rawValue != 0 { continue }
            let delta = e.index_to_workdir ?? e.head_to_index
            guard let delta else { continue }
            let file = delta.pointee.new_file.path ?? delta.pointee.old_file.path
            guard let file else { continue }
            let change: StatusEntry.Change
            if flags & GIT_STATUS_CONFLICTED.rawValue != 0 {
                change = .conflicted
            } else if flags & (GIT_STATUS_WT_DELETED.rawValue | GIT_STATUS_INDEX_DELETED.rawValue) != 0,
                flags & GIT_STATUS_WT_NEW.rawValue == 0
            {
                change = .deleted
            } else if flags & (GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_INDEX_NEW.rawValue) != 0 {
                change = .added
            } else {
                change = .modified
            }
            entries.append(StatusEntry(path: String(cString: file), change: change))
        }
        return entries
    }

    /// Brings the index entries of `paths` in line with the work tree (adds, updates or removes them)
    /// and returns the tree the index now describes.
    @discardableResult
    public func stage(paths: [String]) throws -> ObjectID {
        let index = try Index(repository: self)
        for path in paths {
            if (try? WorkTreeFile.read(root: workTree, relative: path)) != nil {
                try check(git_index_add_bypath(index.pointer, path), "stage \(path)")
            } else {
                let status = git_index_remove_bypath(index.pointer, path)
                if status != GIT_ENOTFOUND.rawValue { try check(status, "unstage \(path)") }
            }
        }
        let tree = try index.writeTree()
        try index.write()
        return tree
    }

    /// Records committed paths in the index through libgit2: removed paths are taken out (with
    /// whatever was below a path that is now a file), and each stored path gets an entry with the
    /// blob and mode the commit has and the stat data of the file it was read from, so a file that a
    /// clean filter or line-ending conversion changed is not hashed again unfiltered. The cache-tree is
    /// rebuilt before writing, so `git write-tree` finds it valid.
    func stage(committed paths: [CommittedPath]) throws {
        let index = try Index(repository: self)
        for path in paths where path.blob == nil {
            let status = git_index_remove_bypath(index.pointer, path.path)
            if status != GIT_ENOTFOUND.rawValue { try check(status, "unstage \(path.path)") }
        }
        for path in paths {
            guard let blob = path.blob, let file = path.file else { continue }
            try check(git_index_remove_directory(index.pointer, path.path, 0), "unstage \(path.path)/")
            var entry = git_index_entry()
            if let stat = file.stat {
                entry.ctime = git_index_time(
                    seconds: Int32(bitPattern: stat.ctimeSeconds), nanoseconds: stat.ctimeNanoseconds)
                entry.mtime = git_index_time(
                    seconds: Int32(bitPattern: stat.mtimeSeconds), nanoseconds: stat.mtimeNanoseconds)
                (entry.dev, entry.ino, entry.uid, entry.gid) = (stat.device, stat.inode, stat.uid, stat.gid)
                entry.file_size = stat.size
            }
            entry.mode = path.mode.rawValue
            entry.id = blob.raw
            try path.path.withCString { cPath in
                entry.path = cPath
                try check(git_index_add(index.pointer, &entry), "stage \(path.path)")
            }
        }
        _ = try index.writeTree()
        try index.write()
    }

    /// Makes the index match `tree` exactly (the work tree is not touched).
    public func resetIndex(to tree: ObjectID) throws {
        let index = try Index(repository: self)
        try withTree(tree) { treePtr in
            try check(git_index_read_tree(index.pointer, treePtr), "reset index")
        }
        try index.write()
    }

    /// Updates the work tree and index from the tree of HEAD's current commit to `tree`, touching only
    /// the files that differ. Refuses (throws `.conflict`) rather than overwrite a file with local changes.
    public func checkout(tree: ObjectID, paths: [String] = []) throws {
        var paths = paths
        if paths.isEmpty, let head = try headCommit() {
            // Name the files that differ from HEAD, so libgit2 looks at only those in the work tree
            // instead of listing and stat-ing every file of the journal.
            let changed = try diff(from: try commit(head).tree, to: tree).map(\.path)
            if changed.isEmpty { return }
            if changed.count <= 2000 { paths = changed }
        }
        var opts = git_checkout_options()
        try check(git_checkout_options_init(&opts, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "checkout options")
        opts.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue | GIT_CHECKOUT_RECREATE_MISSING.rawValue
        if !paths.isEmpty { opts.checkout_strategy |= GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH.rawValue }
        try withTree(tree) { treePtr in
            try StringArray(paths).withStrArray { spec in
                opts.paths = spec
                try check(git_checkout_tree(pointer, treePtr, &opts), "update work tree")
            }
        }
    }

    /// Forces the work tree and index to `tree` for `paths` (used to restore files after a crash).
    /// With `removeUntracked`, files under `paths` that `tree` lacks are removed even if the index does not
    /// know them.
    public func forceCheckout(tree: ObjectID, paths: [String], removeUntracked: Bool = false) throws {
        var opts = git_checkout_options()
        try check(git_checkout_options_init(&opts, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "checkout options")
        opts.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue
        if removeUntracked { opts.checkout_strategy |= GIT_CHECKOUT_REMOVE_UNTRACKED.rawValue }
        opts.checkout_strategy |= GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH.rawValue
        try withTree(tree) { treePtr in
            try StringArray(paths).withStrArray { spec in
                opts.paths = spec
                try check(git_checkout_tree(pointer, treePtr, &opts), "restore files")
            }
        }
    }
}

/// The repository's index file, open for one batch of changes.
final class Index {
    let pointer: OpaquePointer

    init(repository: Repository) throws {
        var index: OpaquePointer?
        try check(git_repository_index(&index, repository.pointer), "open index")
        pointer = index!
        // The repository caches its index; pick up writes made since (e.g. by `recordInIndex`).
        try check(git_index_read(pointer, 0), "read index")
    }
    deinit { git_index_free(pointer) }

    func write() throws { try check(git_index_write(pointer), "write index") }

    func writeTree() throws -> ObjectID {
        var oid = git_oid()
        try check(git_index_write_tree(&oid, pointer), "write tree from index")
        return ObjectID(oid)
    }
}
