#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tree object's bytes as git stores them (`<octal mode> <name>\0<20-byte id>` per entry, in
/// tree order), read through the object database (`GitObjectDatabase`) without building an entry table.
///
/// A journal's `tasks/` folder is one tree of thousands of entries that changes in one or two of
/// them per commit. History walks compare consecutive versions of it tens of thousands of times;
/// comparing the raw bytes (skipping the long identical head and tail) and looking one name up
/// near where it was last found costs a small fraction of parsing every entry each time.
package final class RawTree {
    /// One entry, as offsets into the tree's bytes.
    package struct Entry {
        let start: Int
        let mode: UInt32
        let nameStart: Int
        let nameEnd: Int

        /// Where the 20-byte object id begins.
        var idStart: Int { nameEnd + 1 }
        /// Where the next entry begins.
        var end: Int { nameEnd + 21 }
        var isTree: Bool { mode & 0o170000 == 0o040000 }

        /// The mode as libgit2 reports it (`git_tree_entry_filemode`): legacy modes such as 100664
        /// read as 100644, any executable bit as 100755.
        var normalizedMode: UInt32 {
            switch mode & 0o170000 {
            case 0o040000: return 0o040000
            case _ where mode & 0o111 != 0: return 0o100755
            case 0o160000: return 0o160000
            case 0o120000: return 0o120000
            default: return 0o100644
            }
        }
    }

    /// The modes git writes: folder, file, executable, symbolic link, submodule.
    package static let canonicalModes: Set<UInt32> = [0o040000, 0o100644, 0o100755, 0o120000, 0o160000]

    private let object: any StoredObjectBytes
    package let bytes: UnsafeRawBufferPointer

    package init(repository: any GitObjectDatabase, id: RawObjectID) throws {
        object = try repository.readTree(id)
        bytes = object.bytes
    }

    /// The entry that starts at `offset`; nil past the end or when the bytes there are not an entry.
    package func entry(at offset: Int) -> Entry? {
        let count = bytes.count
        var i = offset
        var mode: UInt32 = 0
        while i < count, bytes[i] != UInt8(ascii: " ") {
            let digit = bytes[i] &- UInt8(ascii: "0")
            guard digit < 8, i - offset < 7 else { return nil }
            mode = mode << 3 | UInt32(digit)
            i += 1
        }
        guard i > offset, i + 1 < count, let base = bytes.baseAddress else { return nil }
        guard let nul = memchr(base + i + 1, 0, count - i - 1) else { return nil }
        let nameEnd = base.distance(to: UnsafeRawPointer(nul))
        guard nameEnd > i + 1, nameEnd + 21 <= count else { return nil }
        return Entry(start: offset, mode: mode, nameStart: i + 1, nameEnd: nameEnd)
    }

    package func id(of entry: Entry) -> RawObjectID {
        RawObjectID(copying: UnsafeRawBufferPointer(rebasing: bytes[entry.idStart..<(entry.idStart + 20)]))
    }

    package func name(of entry: Entry) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[entry.nameStart..<entry.nameEnd])
    }

    package func nameString(of entry: Entry) -> String {
        String(decoding: name(of: entry), as: UTF8.self)
    }

    /// The entry called `wanted`; `hint` is where to look first (where it was in a similar tree).
    package func find(_ wanted: [UInt8], hint: Int? = nil) -> Entry? {
        if let hint, hint == 0 || (hint >= 21 && hint <= bytes.count && bytes[hint - 21] == 0),
            let entry = entry(at: hint), Self.canonicalModes.contains(entry.mode), equal(name(of: entry), wanted)
        {
            // An entry starts there (the previous name's NUL is 21 bytes before) and it is the one wanted.
            return entry
        }
        var offset = 0
        while let entry = entry(at: offset) {
            if equal(name(of: entry), wanted) { return entry }
            // Entries are sorted: past where a folder of that name would be, it is not there.
            if Self.order(name(of: entry), entry.isTree, wanted, true) > 0 { return nil }
            offset = entry.end
        }
        return nil
    }

    /// The entries that differ between two trees (either may be nil: the empty tree), in tree order,
    /// as pairs of the old and the new entry for each changed name.
    package static func changes(from old: RawTree?, to new: RawTree?) -> [(old: Entry?, new: Entry?)] {
        var out: [(Entry?, Entry?)] = []
        let a = old?.bytes ?? UnsafeRawBufferPointer(start: nil, count: 0)
        let b = new?.bytes ?? UnsafeRawBufferPointer(start: nil, count: 0)
        // The identical head and tail: only entries between them can differ.
        let head = commonPrefix(a, b)
        let tail = commonSuffix(a, b, limit: min(a.count, b.count) - head)
        // Back up to the entry that contains the first differing byte (the head parses the same in both).
        var i = 0
        if let old {
            while let entry = old.entry(at: i), entry.end <= head { i = entry.end }
        }
        var j = i
        while true {
            if a.count - i == b.count - j && a.count - i <= tail { break }
            let x = old?.entry(at: i)
            let y = new?.entry(at: j)
            if x == nil && y == nil { break }
            let order: Int
            if let x, let y, let old, let new {
                order = Self.order(old.name(of: x), x.isTree, new.name(of: y), y.isTree)
            } else {
                order = x == nil ? 1 : -1
            }
            if order == 0 {
                if x!.normalizedMode != y!.normalizedMode || !equalIDs(old!, x!, new!, y!) { out.append((x, y)) }
                i = x!.end
                j = y!.end
            } else if order < 0 {
                out.append((x, nil))
                i = x!.end
            } else {
                out.append((nil, y))
                j = y!.end
            }
        }
        return out
    }

    /// git's tree order: names as bytes, a folder's name as if it ended in "/".
    package static func order(
        _ a: UnsafeRawBufferPointer, _ aIsTree: Bool, _ b: some Collection<UInt8>, _ bIsTree: Bool
    ) -> Int {
        var ia = a.startIndex
        var ib = b.startIndex
        while ia < a.endIndex && ib < b.endIndex {
            let x = a[ia]
            let y = b[ib]
            if x != y { return x < y ? -1 : 1 }
            ia += 1
            ib = b.index(after: ib)
        }
        let x: UInt8 = ia < a.endIndex ? a[ia] : (aIsTree ? UInt8(ascii: "/") : 0)
        let y: UInt8 = ib < b.endIndex ? b[ib] : (bIsTree ? UInt8(ascii: "/") : 0)
        return x == y ? 0 : (x < y ? -1 : 1)
    }

    private func equal(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Bool {
        a.count == b.count && b.withUnsafeBytes { memcmp(a.baseAddress!, $0.baseAddress!, a.count) == 0 }
    }

    private static func equalIDs(_ old: RawTree, _ x: Entry, _ new: RawTree, _ y: Entry) -> Bool {
        memcmp(old.bytes.baseAddress! + x.idStart, new.bytes.baseAddress! + y.idStart, 20) == 0
    }

    /// How many leading bytes `a` and `b` share, compared eight at a time.
    package static func commonPrefix(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        guard n > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
        var i = 0
        while i + 8 <= n,
            pa.loadUnaligned(fromByteOffset: i, as: UInt64.self) == pb.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        {
            i += 8
        }
        while i < n, a[i] == b[i] { i += 1 }
        return i
    }

    /// How many trailing bytes `a` and `b` share, at most `limit`.
    package static func commonSuffix(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, limit: Int) -> Int {
        guard limit > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
        var k = 0
        while k + 8 <= limit,
            pa.loadUnaligned(fromByteOffset: a.count - k - 8, as: UInt64.self)
                == pb.loadUnaligned(fromByteOffset: b.count - k - 8, as: UInt64.self)
        {
            k += 8
        }
        while k < limit, a[a.count - k - 1] == b[b.count - k - 1] { k += 1 }
        return k
    }
}
