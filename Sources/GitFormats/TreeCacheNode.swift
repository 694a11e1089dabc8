/// One directory of the index's cache-tree extension ("TREE"): how many index entries lie below it
/// and the tree id they make, or `entryCount == -1` when that is unknown (invalidated), and the
/// cached subdirectories. git and libgit2 use it to skip unchanged directories; so do we.
package final class TreeCacheNode {
    package var name: [UInt8]
    package var entryCount: Int
    /// The tree id (20 bytes) when valid.
    package var oid: [UInt8]?
    package var children: [TreeCacheNode]

    package init(name: [UInt8], entryCount: Int, oid: [UInt8]?, children: [TreeCacheNode] = []) {
        self.name = name
        self.entryCount = entryCount
        self.oid = oid
        self.children = children
    }

    package var isValid: Bool { entryCount >= 0 && oid != nil }

    package func child(_ name: [UInt8]) -> TreeCacheNode? { children.first { $0.name == name } }

    package func invalidate() {
        entryCount = -1
        oid = nil
    }

    /// Parses the extension's payload (the root node and, depth first, its subtrees).
    package static func parse(_ payload: UnsafeRawBufferPointer) throws -> TreeCacheNode {
        var offset = 0
        let root = try parseNode(payload, &offset)
        guard offset == payload.count else { throw IndexFileUnsupported(reason: "TREE extension has trailing bytes") }
        return root
    }

    private static func parseNode(_ p: UnsafeRawBufferPointer, _ offset: inout Int) throws -> TreeCacheNode {
        func fail() -> IndexFileUnsupported { IndexFileUnsupported(reason: "malformed TREE extension") }
        var end = offset
        while end < p.count && p[end] != 0 { end += 1 }
        guard end < p.count else { throw fail() }
        let name = Array(p[offset..<end])
        offset = end + 1
        func number(until terminator: UInt8) throws -> Int {
            var negative = false
            var value = 0
            var digits = 0
            if offset < p.count && p[offset] == UInt8(ascii: "-") {
                negative = true
                offset += 1
            }
            while offset < p.count && p[offset] >= 48 && p[offset] <= 57 {
                value = value * 10 + Int(p[offset] - 48)
                digits += 1
                offset += 1
            }
            guard digits > 0, offset < p.count, p[offset] == terminator else { throw fail() }
            offset += 1
            return negative ? -value : value
        }
        let entryCount = try number(until: UInt8(ascii: " "))
        let subtrees = try number(until: UInt8(ascii: "\n"))
        var oid: [UInt8]?
        if entryCount >= 0 {
            guard offset + 20 <= p.count else { throw fail() }
            oid = Array(p[offset..<offset + 20])
            offset += 20
        }
        var children: [TreeCacheNode] = []
        for _ in 0..<subtrees { children.append(try parseNode(p, &offset)) }
        return TreeCacheNode(name: name, entryCount: entryCount, oid: oid, children: children)
    }

    /// Appends this node and its subtrees in the on-disk format.
    package func serialize(into out: inout [UInt8]) {
        out += name
        out.append(0)
        out += Array(String(isValid ? entryCount : -1).utf8)
        out.append(UInt8(ascii: " "))
        out += Array(String(children.count).utf8)
        out.append(UInt8(ascii: "\n"))
        if isValid, let oid { out += oid }
        for child in children { child.serialize(into: &out) }
    }
}
