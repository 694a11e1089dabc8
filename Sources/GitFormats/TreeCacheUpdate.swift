import Foundation

/// Updates the index's cache-tree after a commit changed some paths. A directory whose cached tree
/// was HEAD's (the index matched HEAD there) matches the new HEAD after the same edits, so it gets the
/// new tree id and adjusted count, and new directories get complete nodes; anything else on a changed
/// path is invalidated, exactly what git would do after `git add`. Directories off the changed paths
/// are untouched.
package struct TreeCacheUpdate {
    package let repository: any GitObjectDatabase
    /// Each edited path (bytes), whether it now exists, and whether the index had it before.
    package let edits: [(path: [UInt8], exists: Bool, existed: Bool)]

    package func apply(to root: TreeCacheNode, oldTree: RawObjectID, newTree: RawObjectID) throws {
        let split = edits.map { edit in
            (
                edit.path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map(Array.init),
                edit.exists, edit.existed
            )
        }
        try update(root, dir: [], edits: split, old: oldTree, new: newTree)
    }

    private typealias SplitEdit = (components: [[UInt8]], exists: Bool, existed: Bool)

    private func update(_ node: TreeCacheNode, dir: [[UInt8]], edits: [SplitEdit], old: RawObjectID?, new: RawObjectID?)
        throws
    {
        let depth = dir.count
        var oldID = old
        var newID = new
        let matchedHead = node.isValid && old != nil && withUnsafeBytes(of: &oldID) { Array($0.prefix(20)) } == node.oid
        if matchedHead, new != nil {
            let added = edits.filter { $0.exists && !$0.existed }.count
            let removed = edits.filter { !$0.exists && $0.existed }.count
            node.entryCount += added - removed
            node.oid = withUnsafeBytes(of: &newID) { Array($0.prefix(20)) }
        } else {
            node.invalidate()
        }
        // Edits below a subdirectory, grouped by its name.
        var byChild: [[UInt8]: [SplitEdit]] = [:]
        var childOrder: [[UInt8]] = []
        for edit in edits where edit.components.count > depth + 1 {
            let name = edit.components[depth]
            if byChild[name] == nil { childOrder.append(name) }
            byChild[name, default: []].append(edit)
        }
        for name in childOrder {
            let childEdits = byChild[name]!
            let childOld = try old.flatMap { try subtree($0, name) }
            let childNew = try new.flatMap { try subtree($0, name) }
            if let child = node.child(name) {
                if childNew == nil {
                    node.children.removeAll { $0 === child }
                } else {
                    try update(child, dir: dir + [name], edits: childEdits, old: childOld, new: childNew)
                }
            } else if let childNew, node.isValid {
                if childOld != nil {
                    // The folder existed without a cached node: the cache was incomplete here.
                    node.invalidate()
                } else {
                    insert(try newNode(name, depth: depth + 1, edits: childEdits, tree: childNew), into: node)
                }
            }
        }
    }

    /// A complete node for a folder the commit created: everything below it is in `edits`.
    private func newNode(_ name: [UInt8], depth: Int, edits: [SplitEdit], tree: RawObjectID) throws -> TreeCacheNode {
        var id = tree
        let node = TreeCacheNode(
            name: name, entryCount: edits.filter(\.exists).count, oid: withUnsafeBytes(of: &id) { Array($0.prefix(20)) }
        )
        var byChild: [[UInt8]: [SplitEdit]] = [:]
        var order: [[UInt8]] = []
        for edit in edits where edit.exists && edit.components.count > depth + 1 {
            let child = edit.components[depth]
            if byChild[child] == nil { order.append(child) }
            byChild[child, default: []].append(edit)
        }
        for child in order {
            guard let childTree = try subtree(tree, child) else { continue }
            insert(try newNode(child, depth: depth + 1, edits: byChild[child]!, tree: childTree), into: node)
        }
        return node
    }

    /// git keeps subtrees ordered by name length, then bytes, and finds them by binary search.
    private func insert(_ child: TreeCacheNode, into node: TreeCacheNode) {
        let position =
            node.children.firstIndex {
                $0.name.count > child.name.count
                    || ($0.name.count == child.name.count && !$0.name.lexicographicallyPrecedes(child.name))
            } ?? node.children.count
        node.children.insert(child, at: position)
    }

    /// The id of the subtree `name` of `tree`, or nil when there is none.
    private func subtree(_ tree: RawObjectID, _ name: [UInt8]) throws -> RawObjectID? {
        try repository.subtreeID(named: name, in: tree)
    }
}
