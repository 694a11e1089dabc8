#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds the tree `Repository.updatedTree` describes by editing the raw bytes of the trees on the
/// changed paths: an updated entry has its 20-byte id replaced, a new one is inserted at its sorted
/// place, a removed one is cut out; every other entry is copied as it is.
///
/// libgit2's `git_tree_create_updated` loads each tree on the path into a tree builder (a hash map
/// of every entry), sorts it and writes it out again: for a `tasks/` folder of thousands of files that
/// is most of the cost of a commit. The result is the same tree, byte for byte (a randomised test
/// compares the ids); anything this does not handle (a file where a folder is, or the reverse, odd
/// paths) returns nil and libgit2 does the work.
package struct TreeSplice {
    package let repository: any GitObjectDatabase

    package init(repository: any GitObjectDatabase) { self.repository = repository }

    /// The new root tree's id, or nil when the changes need libgit2's general path.
    package func apply(base: ObjectID, changes: [TreeChange]) throws -> ObjectID? {
        if FastPathSwitch.disabledByEnvironment { return nil }
        var edits: [Edit] = []
        for change in changes {
            let (path, blob, mode): (String, RawObjectID?, EntryMode)
            switch change {
            case .upsert(let p, let id, let m): (path, blob, mode) = (p, id.rawID, m)
            case .remove(let p): (path, blob, mode) = (p, nil, .regular)
            }
            let components = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !components.isEmpty, components.allSatisfy(Self.isPlainName) else { return nil }
            // libgit2 checks that an upserted id is a blob it has; so does this (a cheap header read).
            if mode == .gitlink { return nil }
            if let blob, !(try isBlob(blob)) { return nil }
            edits.append(Edit(components: components, blob: blob, mode: mode))
        }
        guard let result = try update(tree: base.rawID, edits: edits[...]) else { return nil }
        if let id = result.id { return ObjectID(id) }
        return try repository.emptyTree()
    }

    /// Names this handles: ASCII letters, digits, `.`, `_` and `-`, and nothing libgit2 refuses
    /// (`.`, `..`, `.git` and its variants); anything else is left to libgit2's checks.
    package static func isPlainName(_ name: Substring) -> Bool {
        guard !name.isEmpty, name != ".", name != "..",
            name.utf8.allSatisfy({ byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            })
        else { return false }
        let lower = name.lowercased()
        if lower.hasPrefix(".git") || lower.hasPrefix("git~") { return false }
        return !name.hasSuffix(".")
    }

    private func isBlob(_ id: RawObjectID) throws -> Bool {
        try repository.isBlob(id)
    }

    /// One path's change, relative to the tree it is applied to.
    private struct Edit {
        let components: [Substring]
        let blob: RawObjectID?
        let mode: EntryMode
    }

    /// A tree after the edits: its new id, or nil when it was left empty (and is removed from its
    /// parent, as libgit2 does).
    private struct Updated {
        let id: RawObjectID?
    }

    /// Applies `edits` (paths relative to this tree) to the tree `id`; nil when unsupported.
    private func update(tree id: RawObjectID?, edits: ArraySlice<Edit>) throws -> Updated? {
        let tree = try id.map { try RawTree(repository: repository, id: $0) }
        // Trees git would write: canonical modes, sorted, each name once (libgit2 rewrites others).
        if let tree, !Self.isCanonical(tree) { return nil }
        // Group the edits by their first component: a file here, or a folder to recurse into.
        var byName: [String: [Edit]] = [:]
        var order: [String] = []
        for edit in edits {
            let name = String(edit.components[0])
            if byName[name] == nil { order.append(name) }
            byName[name, default: []].append(
                Edit(components: Array(edit.components.dropFirst()), blob: edit.blob, mode: edit.mode))
        }
        // The new entry for each name: (mode, id) or nil to remove.
        var replacements: [Replacement] = []
        for name in order {
            let group = byName[name]!
            let bytes = Array(name.utf8)
            let existing = tree?.find(bytes)
            if existing?.mode == 0o160000 { return nil }  // a submodule: libgit2's checks apply
            if group.allSatisfy({ $0.components.isEmpty }) {
                // The name itself is a file being written or removed; a folder there is libgit2's case.
                if existing?.isTree == true { return nil }
                // Removing what is not there is an error libgit2 reports.
                guard group.count == 1, group[0].blob != nil || existing != nil else { return nil }
                replacements.append(
                    Replacement(
                        name: bytes, isTree: false, replaces: existing,
                        entry: group[0].blob.map { (group[0].mode.rawValue, $0) }))
            } else {
                guard group.allSatisfy({ !$0.components.isEmpty }) else { return nil }
                if let existing, !existing.isTree { return nil }
                guard let sub = try update(tree: existing.map { tree!.id(of: $0) }, edits: group[...]) else {
                    return nil
                }
                if sub.id == nil && existing == nil { continue }
                replacements.append(
                    Replacement(name: bytes, isTree: true, replaces: existing, entry: sub.id.map { (0o040000, $0) }))
            }
        }
        let bytes = splice(tree, replacements)
        if bytes.isEmpty { return Updated(id: nil) }
        return Updated(id: try write(bytes))
    }

    /// True when every entry has a mode git writes (no leading zero) and the names are in strictly
    /// increasing tree order.
    package static func isCanonical(_ tree: RawTree) -> Bool {
        var offset = 0
        var previous: RawTree.Entry?
        while offset < tree.bytes.count {
            guard let entry = tree.entry(at: offset), RawTree.canonicalModes.contains(entry.mode),
                tree.bytes[entry.start] != UInt8(ascii: "0")
            else { return false }
            if let previous,
                RawTree.order(tree.name(of: previous), previous.isTree, tree.name(of: entry), entry.isTree) >= 0
                    || tree.name(of: previous).elementsEqual(tree.name(of: entry))
            {
                return false
            }
            previous = entry
            offset = entry.end
        }
        return true
    }

    /// A name's new entry (nil: removed).
    private struct Replacement {
        let name: [UInt8]
        let isTree: Bool
        /// The entry of that name in the old tree, found by the caller (nil: the name is new).
        let replaces: RawTree.Entry?
        let entry: (mode: UInt32, id: RawObjectID)?
    }

    /// The tree's bytes with each name's entry replaced, inserted or removed.
    private func splice(_ tree: RawTree?, _ replacements: [Replacement]) -> [UInt8] {
        let old = tree?.bytes ?? UnsafeRawBufferPointer(start: nil, count: 0)
        // Where each replacement goes: the range of the entry it replaces (empty for an insertion).
        var cuts: [(range: Range<Int>, entry: [UInt8], replacement: Replacement)] = []
        for replacement in replacements {
            var range = old.count..<old.count
            if let replaced = replacement.replaces {
                range = replaced.start..<replaced.end
            } else {
                // A new name goes before the first entry that sorts after it.
                var offset = 0
                while let tree, let entry = tree.entry(at: offset) {
                    if RawTree.order(tree.name(of: entry), entry.isTree, replacement.name, replacement.isTree) > 0 {
                        range = entry.start..<entry.start
                        break
                    }
                    offset = entry.end
                }
            }
            var bytes: [UInt8] = []
            if let (mode, id) = replacement.entry {
                bytes = Array(String(mode, radix: 8).utf8) + [UInt8(ascii: " ")] + replacement.name + [0]
                withUnsafeBytes(of: id) { bytes.append(contentsOf: $0.prefix(20)) }
            }
            cuts.append((range, bytes, replacement))
        }
        // By place in the old tree; names inserted at the same place in tree order.
        cuts.sort { a, b in
            if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
            return a.replacement.name.withUnsafeBytes {
                RawTree.order($0, a.replacement.isTree, b.replacement.name, b.replacement.isTree) < 0
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(old.count + 64 * cuts.count)
        var position = 0
        for cut in cuts {
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: old[position..<cut.range.lowerBound]))
            out.append(contentsOf: cut.entry)
            position = cut.range.upperBound
        }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: old[position...]))
        return out
    }

    private func write(_ bytes: [UInt8]) throws -> RawObjectID {
        try bytes.withUnsafeBytes { try repository.writeTree($0) }
    }
}
