#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tree-to-tree comparison that never descends into a subtree whose id is the same on both sides,
/// and, given paths, looks up only the entries on those paths. libgit2's `git_diff_tree_to_tree`
/// visits every file of both trees, which on a 30,000-file journal costs tens of milliseconds per
/// comparison; this costs what the change costs. Trees are read as raw bytes (`RawTree`): a large
/// folder's two versions are compared past their identical head and tail, and a looked-up name is
/// searched first where it was found last time (`hints`, kept across the comparisons of one walk).
/// Same results as libgit2 without rename detection: a file replaced by a folder is a deletion plus
/// additions, a mode change is a modification.
package struct TreeWalkDiff {
    package let repository: any GitObjectDatabase
    /// Paths (files or folders, a trailing "/" allowed) to limit the comparison to; empty: everything.
    package let paths: [String]
    /// Where each looked-up path's entry was found in the last tree read.
    package let hints: LookupHints
    /// The names to look up under each folder, for these paths.
    private let folders = FolderLookups()

    package init(repository: any GitObjectDatabase, paths: [String], hints: LookupHints = LookupHints()) {
        self.repository = repository
        self.hints = hints
        self.paths = paths.map { path in
            var trimmed = Substring(path)
            while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }
    }

    package func deltas(from old: ObjectID?, to new: ObjectID?) throws -> [TreeDelta] {
        var out: [TreeDelta] = []
        try compare(old: old?.rawID, new: new?.rawID, prefix: "", into: &out)
        // In a walk, this comparison's old trees are the next one's new trees.
        hints.previousTrees = hints.currentTrees
        hints.currentTrees = [:]
        return out.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    private struct Entry {
        let id: RawObjectID
        let isTree: Bool
        let mode: UInt32

        init(_ tree: RawTree, _ entry: RawTree.Entry) {
            id = tree.id(of: entry)
            isTree = entry.isTree
            mode = entry.normalizedMode
        }
    }

    private func compare(old: RawObjectID?, new: RawObjectID?, prefix: String, into out: inout [TreeDelta]) throws {
        if let a = old, let b = new, a == b { return }
        let oldTree = try old.map { try tree($0) }
        let newTree = try new.map { try tree($0) }
        if let names = lookups(below: prefix) {
            // Only a few names matter here: look them up.
            for name in names {
                let hint = hints.offsets[name.key]
                let a = oldTree.flatMap { tree in tree.find(name.bytes, hint: hint).map { (tree, $0) } }
                let b = newTree.flatMap { tree in tree.find(name.bytes, hint: hint).map { (tree, $0) } }
                // Walks go back in time: the next lookup is in a tree like the old one.
                hints.offsets[name.key] = a?.1.start ?? b?.1.start
                try visit(
                    name: name.name, before: a.map(Entry.init), after: b.map(Entry.init), prefix: prefix, into: &out)
            }
            return
        }
        // Everything matters: only the entries between the identical head and tail can differ.
        for (x, y) in RawTree.changes(from: oldTree, to: newTree) {
            let name = x.map { oldTree!.nameString(of: $0) } ?? newTree!.nameString(of: y!)
            try visit(
                name: name, before: x.map { Entry(oldTree!, $0) }, after: y.map { Entry(newTree!, $0) }, prefix: prefix,
                into: &out)
        }
    }

    /// The tree, from those the last comparison read when it is one of them.
    private func tree(_ id: RawObjectID) throws -> RawTree {
        let key = ObjectID(id)
        if let known = hints.currentTrees[key] ?? hints.previousTrees[key] {
            hints.currentTrees[key] = known
            return known
        }
        let read = try RawTree(repository: repository, id: id)
        hints.currentTrees[key] = read
        return read
    }

    /// Compares one name's entries on both sides: recurses into folders, records changed files.
    private func visit(name: String, before a: Entry?, after b: Entry?, prefix: String, into out: inout [TreeDelta])
        throws
    {
        if let a, let b, a.isTree == b.isTree, a.mode == b.mode, Self.same(a.id, b.id) { return }
        let path = prefix + name
        if a?.isTree == true || b?.isTree == true {
            try compare(
                old: a?.isTree == true ? a?.id : nil, new: b?.isTree == true ? b?.id : nil, prefix: path + "/",
                into: &out)
        }
        let oldBlob = a.flatMap { $0.isTree ? nil : $0 }
        let newBlob = b.flatMap { $0.isTree ? nil : $0 }
        guard oldBlob != nil || newBlob != nil, selected(path) else { return }
        let status: TreeDelta.Status = oldBlob == nil ? .added : (newBlob == nil ? .deleted : .modified)
        out.append(
            TreeDelta(
                path: path, status: status,
                oldBlob: oldBlob.map { ObjectID($0.id) }, newBlob: newBlob.map { ObjectID($0.id) },
                oldMode: oldBlob.flatMap { EntryMode(rawValue: $0.mode) },
                newMode: newBlob.flatMap { EntryMode(rawValue: $0.mode) }))
    }

    /// `relevantNames(below:)` as names to look up, worked out once per folder for a whole walk.
    private func lookups(below prefix: String) -> [FolderLookups.Name]? {
        if paths.isEmpty { return nil }
        if let known = folders.names[prefix] { return known }
        let names = relevantNames(below: prefix).map { names in
            names.sorted().map { FolderLookups.Name(name: $0, bytes: Array($0.utf8), key: prefix + $0) }
        }
        folders.names[prefix] = .some(names)
        return names
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

    private static func same(_ a: RawObjectID, _ b: RawObjectID) -> Bool {
        a == b
    }
}

/// What one comparison leaves for the next in a walk: where looked-up paths were found in the last
/// tree read, and the trees read (a commit's old trees are the next commit's new ones).
package final class LookupHints {
    package var offsets: [String: Int] = [:]
    package var currentTrees: [ObjectID: RawTree] = [:]
    package var previousTrees: [ObjectID: RawTree] = [:]
}

/// The names a walk looks up in each folder's tree, worked out once for its paths.
private final class FolderLookups {
    /// A name to look up: as text, as bytes, and its path (the key of `LookupHints.offsets`).
    struct Name {
        let name: String
        let bytes: [UInt8]
        let key: String
    }

    /// By folder prefix; nil inside: every name matters there.
    var names: [String: [Name]?] = [:]
}
