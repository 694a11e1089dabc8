#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The staged changes (HEAD's tree against the index), computed from the raw index. Directories
/// whose cache-tree node says the index already equals HEAD's subtree are skipped without reading
/// them, so after a commit only the trees on the changed paths are read.
package struct IndexHeadDiff {
    package let repository: any GitObjectDatabase
    package let index: IndexFile

    /// Adds `indexNew`, `indexModified` and `indexDeleted` flags to `changes`.
    package func collect(into changes: inout [String: StatusFlags]) throws {
        guard let headTree = try headTree() else {
            for i in 0..<index.count { changes[index.path(i), default: []].insert(.indexNew) }
            return
        }
        var cache: TreeCacheNode?
        if let payload = index.extensionPayload("TREE") {
            cache = try? TreeCacheNode.parse(UnsafeRawBufferPointer(rebasing: index.bytes[payload]))
        }
        try compare(tree: headTree, prefix: [], node: cache, range: 0..<index.count, into: &changes)
    }

    private func headTree() throws -> RawObjectID? {
        try repository.headTreeID()
    }

    private func compare(
        tree: RawObjectID, prefix: [UInt8], node: TreeCacheNode?, range: Range<Int>,
        into changes: inout [String: StatusFlags]
    ) throws {
        var treeID = tree
        if let node, node.isValid, node.entryCount == range.count,
            withUnsafeBytes(of: &treeID, { Array($0.prefix(20)) }) == node.oid
        {
            return
        }
        var j = range.lowerBound
        try repository.forEachEntry(ofTree: treeID) { name, entryID, isTree, entryMode in
            let key = prefix + name + (isTree ? [UInt8(ascii: "/")] : [])
            while j < range.upperBound, IndexFile.compare(index.pathBytes(j), key) < 0 {
                changes[index.path(j), default: []].insert(.indexNew)
                j += 1
            }
            if isTree {
                var k = j
                while k < range.upperBound, Self.hasPrefix(index.pathBytes(k), key) { k += 1 }
                try compare(tree: entryID, prefix: key, node: node?.child(name), range: j..<k, into: &changes)
                j = k
            } else if j < range.upperBound, IndexFile.compare(index.pathBytes(j), key) == 0 {
                var id = entryID
                let sameID = withUnsafeBytes(of: &id) { memcmp($0.baseAddress!, index.oid(j).baseAddress!, 20) == 0 }
                if !sameID || index.mode(j) != entryMode {
                    changes[index.path(j), default: []].insert(.indexModified)
                }
                j += 1
            } else {
                changes[String(decoding: key, as: UTF8.self), default: []].insert(.indexDeleted)
            }
        }
        while j < range.upperBound {
            changes[index.path(j), default: []].insert(.indexNew)
            j += 1
        }
    }

    package static func hasPrefix(_ path: UnsafeRawBufferPointer, _ prefix: [UInt8]) -> Bool {
        path.count > prefix.count
            && prefix.withUnsafeBytes { memcmp(path.baseAddress!, $0.baseAddress!, prefix.count) == 0 }
    }
}
