import Crypto

/// Writes a new index file to a file descriptor through a fixed 1 MB buffer, hashing as it goes, so an
/// index rewritten from an old one never needs a second copy of it in memory (52 MB on the limits
/// journal); `finish` appends git's trailing SHA-1 checksum. Entries copied from the old file can be
/// edited on the way (`copyEntries`).
package struct IndexFileWriter {
    private static let capacity = 1 << 20

    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var hasher = Insecure.SHA1()

    /// A writer to `fd`, the open lock file for the index at `path` (named in errors).
    package init(fd: Int32, path: String) {
        (self.fd, self.path) = (fd, path)
        buffer.reserveCapacity(Self.capacity)
    }

    package mutating func append(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > Self.capacity { try flush() }
        if bytes.count >= Self.capacity {
            hasher.update(bufferPointer: bytes)
            try FileDescriptorIO.writeAll(fd, bytes, path: path)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    package mutating func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }

    /// A big-endian 32-bit number, as every number in the index is stored.
    package mutating func append32(_ value: UInt32) throws {
        try append(IndexFile.bigEndian(value))
    }

    /// Copies `index`'s bytes in `range` unchanged.
    /// A large mapped index gives each piece's pages back once it is copied (`IndexFile.releasePages`).
    package mutating func copyBytes(of index: IndexFile, _ range: Range<Int>) throws {
        var start = range.lowerBound
        while start < range.upperBound {
            let end = index.releasesPages ? min(range.upperBound, start + IndexFile.releaseStep) : range.upperBound
            try append(UnsafeRawBufferPointer(rebasing: index.bytes[start..<end]))
            index.releasePages(start..<end)
            start = end
        }
    }

    /// Copies entries `range` of `index` (padding included) unchanged, except the entries `patches`
    /// name (sorted by entry, each inside `range`): `edit` changes a copy of such an entry's bytes,
    /// without changing their length.
    package mutating func copyEntries<Patches: Sequence>(
        of index: IndexFile, _ range: Range<Int>, patching patches: Patches, entry: (Patches.Element) -> Int,
        edit: (Patches.Element, inout [UInt8]) -> Void
    ) throws {
        var from = range.lowerBound
        var scratch: [UInt8] = []
        for patch in patches {
            let i = entry(patch)
            // A caller's mistake, thrown rather than trapped so the caller's lock file is still removed.
            guard range.contains(i) && i >= from else {
                throw IndexFileUnsupported(reason: "index patches out of order")
            }
            try copyBytes(of: index, index.byteRange(ofEntries: from..<i))
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: index.bytes[index.entryRange(i)]))
            edit(patch, &scratch)
            try append(scratch)
            from = i + 1
        }
        try copyBytes(of: index, index.byteRange(ofEntries: from..<range.upperBound))
    }

    /// Writes what is buffered and the checksum of everything written.
    package mutating func finish() throws {
        try flush()
        let digest = Array(hasher.finalize())
        try digest.withUnsafeBytes { try FileDescriptorIO.writeAll(fd, $0, path: path) }
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        var hashed = hasher
        try buffer.withUnsafeBytes { raw in
            hashed.update(bufferPointer: raw)
            try FileDescriptorIO.writeAll(fd, raw, path: path)
        }
        hasher = hashed
        buffer.removeAll(keepingCapacity: true)
    }
}
