import CGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tree-to-tree comparison that never descends into a subtree whose id is the same on both sides,
/// and, given paths, looks up only the entries on those paths. libgit2's `git_diff_tree_to_tree`
/// visits every file of both trees, which on a 30,000-file journal costs tens of milliseconds per
/// comparison; this costs what the change costs. Same results as libgit2 without rename detection:
/// a file replaced by a folder is a deletion plus additions, a mode change is a modification.
struct TreeWalkDiff {
    let repository: Repository
    /// Paths (files or folders, a trailing "/" allowed) to limit the comparison to; empty: everything.
    let paths: [String]

    init(repository: Repository, paths: [String]) {
        self.repository = repository
        self.paths = paths.map { path in
            var trimmed = Substring(path)
            while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }
    }

    func deltas(from old: ObjectID?, to new: ObjectID?) throws -> [TreeDelta] {
        var out: [TreeDelta] = []
        try compare(old: old?.raw, new: new?.raw, prefix: "", into: &out)
        return out.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    private struct Entry {
        let id: git_oid
        let isTree: Bool
        let mode: UInt32
    }

    private func compare(old: git_oid?, new: git_oid?, prefix: String, into out: inout [TreeDelta]) throws {
        if var a = old, var b = new, git_oid_equal(&a, &b) != 0 { return }
        if let names = relevantNames(below: prefix) {
            // Only a few names matter here: look them up.
            let before = try old.map { try entries($0, names: names) } ?? [:]
            let after = try new.map { try entries($0, names: names) } ?? [:]
            for name in names {
                try visit(name: name, before: before[name], after: after[name], prefix: prefix, into: &out)
            }
            return
        }
        // Everything matters: walk both trees in their (shared) order; names are made only for differences.
        try withTree(old) { oldTree in
            try withTree(new) { newTree in
                let oldCount = oldTree.map { git_tree_entrycount($0) } ?? 0
                let newCount = newTree.map { git_tree_entrycount($0) } ?? 0
                var i = 0, j = 0
                while i < oldCount || j < newCount {
                    let a = i < oldCount ? git_tree_entry_byindex(oldTree, i) : nil
                    let b = j < newCount ? git_tree_entry_byindex(newTree, j) : nil
                    let order: Int32 = a == nil ? 1 : (b == nil ? -1 : Self.treeOrder(a!, b!))
                    if order == 0, Self.same(git_tree_entry_id(a!).pointee, git_tree_entry_id(b!).pointee),
                        git_tree_entry_filemode(a!) == git_tree_entry_filemode(b!)
                    {
                        i += 1
                        j += 1
                        continue
                    }
                    let oldEntry = order <= 0 ? a.map(Self.entry) : nil
                    let newEntry = order >= 0 ? b.map(Self.entry) : nil
                    let name = String(cString: git_tree_entry_name(order <= 0 ? a! : b!))
                    try visit(name: name, before: oldEntry, after: newEntry, prefix: prefix, into: &out)
                    if order <= 0 { i += 1 }
                    if order >= 0 { j += 1 }
                }
            }
        }
    }

    /// Compares one name's entries on both sides: recurses into folders, records changed files.
    private func visit(name: String, before a: Entry?, after b: Entry?, prefix: String, into out: inout [TreeDelta]) throws {
        if let a, let b, a.isTree == b.isTree, a.mode == b.mode, Self.same(a.id, b.id) { return }
        let path = prefix + name
        if a?.isTree == true || b?.isTree == true {
            try compare(old: a?.isTree == true ? a?.id : nil, new: b?.isTree == true ? b?.id : nil, prefix: path + "/", into: &out)
        }
        let oldBlob = a.flatMap { $0.isTree ? nil : $0 }
        let newBlob = b.flatMap { $0.isTree ? nil : $0 }
        guard oldBlob != nil || newBlob != nil, selected(path) else { return }
        let status: TreeDelta.Status = oldBlob == nil ? .added : (newBlob == nil ? .deleted : .modified)
        out.append(
            TreeDelta(path: path, status: status, oldBlob: oldBlob.map { ObjectID($0.id) }, newBlob: newBlob.map { ObjectID($0.id) }))
    }

    /// git's tree order: names compared as bytes, a folder's name as if it ended in "/".
    private static func treeOrder(_ a: OpaquePointer, _ b: OpaquePointer) -> Int32 {
        let x = git_tree_entry_name(a)!, y = git_tree_entry_name(b)!
        let lx = strlen(x), ly = strlen(y)
        let c = memcmp(x, y, min(lx, ly))
        if c != 0 { return c }
        var cx = lx > ly ? UInt8(bitPattern: x[ly]) : 0
        var cy = ly > lx ? UInt8(bitPattern: y[lx]) : 0
        if cx == 0 && git_tree_entry_type(a) == GIT_OBJECT_TREE { cx = UInt8(ascii: "/") }
        if cy == 0 && git_tree_entry_type(b) == GIT_OBJECT_TREE { cy = UInt8(ascii: "/") }
        return cx < cy ? -1 : (cx > cy ? 1 : 0)
    }

    private static func entry(_ e: OpaquePointer) -> Entry {
        Entry(id: git_tree_entry_id(e).pointee, isTree: git_tree_entry_type(e) == GIT_OBJECT_TREE, mode: git_tree_entry_filemode(e).rawValue)
    }

    private func withTree<T>(_ id: git_oid?, _ body: (OpaquePointer?) throws -> T) throws -> T {
        guard var oid = id else { return try body(nil) }
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, repository.pointer, &oid), "read tree")
        defer { git_tree_free(tree) }
        return try body(tree)
    }

    /// The entry names under `prefix` that lie on a wanted path, or nil when all of them do.
    private func relevantNames(below prefix: String) -> Set<String>? {
        if paths.isEmpty { return nil }
        var names = Set<String>()
        for path in paths {
            if path == prefix.dropLast() || prefix.hasPrefix(path + "/") { return nil }  // inside a wanted folder
            guard path.hasPrefix(prefix) else { continue }
            let rest = path.dropFirst(prefix.count)
            names.insert(String(rest.prefix { $0 != "/" }))
        }
        return names
    }

    /// Whether a file path is wanted: one of the paths, or inside one of them.
    private func selected(_ path: String) -> Bool {
        paths.isEmpty || paths.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    private func entries(_ id: git_oid, names: Set<String>) throws -> [String: Entry] {
        try withTree(id) { tree in
            var result: [String: Entry] = [:]
            for name in names {
                if let e = git_tree_entry_byname(tree, name) { result[name] = Self.entry(e) }
            }
            return result
        }
    }

    private static func same(_ a: git_oid, _ b: git_oid) -> Bool {
        var x = a, y = b
        return git_oid_equal(&x, &y) != 0
    }
}
