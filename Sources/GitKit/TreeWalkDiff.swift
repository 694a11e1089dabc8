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
        let names = relevantNames(below: prefix)
        let before = try old.map { try entries($0, names: names) } ?? [:]
        let after = try new.map { try entries($0, names: names) } ?? [:]
        var all = Array(after.keys)
        for name in before.keys where after[name] == nil { all.append(name) }
        for name in all {
            let a = before[name], b = after[name]
            if let a, let b, a.isTree == b.isTree, a.mode == b.mode, Self.same(a.id, b.id) { continue }
            let path = prefix + name
            if a?.isTree == true || b?.isTree == true {
                try compare(
                    old: a?.isTree == true ? a?.id : nil, new: b?.isTree == true ? b?.id : nil, prefix: path + "/", into: &out)
            }
            let oldBlob = a.flatMap { $0.isTree ? nil : $0 }
            let newBlob = b.flatMap { $0.isTree ? nil : $0 }
            guard oldBlob != nil || newBlob != nil, selected(path) else { continue }
            let status: TreeDelta.Status = oldBlob == nil ? .added : (newBlob == nil ? .deleted : .modified)
            out.append(
                TreeDelta(
                    path: path, status: status, oldBlob: oldBlob.map { ObjectID($0.id) }, newBlob: newBlob.map { ObjectID($0.id) }))
        }
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

    private func entries(_ id: git_oid, names: Set<String>?) throws -> [String: Entry] {
        var oid = id
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, repository.pointer, &oid), "read tree")
        defer { git_tree_free(tree) }
        func entry(_ e: OpaquePointer) -> Entry {
            Entry(id: git_tree_entry_id(e).pointee, isTree: git_tree_entry_type(e) == GIT_OBJECT_TREE, mode: git_tree_entry_filemode(e).rawValue)
        }
        var result: [String: Entry] = [:]
        if let names {
            for name in names {
                if let e = git_tree_entry_byname(tree, name) { result[name] = entry(e) }
            }
            return result
        }
        let count = git_tree_entrycount(tree)
        result.reserveCapacity(count)
        for i in 0..<count {
            guard let e = git_tree_entry_byindex(tree, i) else { continue }
            result[String(cString: git_tree_entry_name(e))] = entry(e)
        }
        return result
    }

    private static func same(_ a: git_oid, _ b: git_oid) -> Bool {
        var x = a, y = b
        return git_oid_equal(&x, &y) != 0
    }
}
