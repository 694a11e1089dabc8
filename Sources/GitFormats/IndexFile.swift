#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C `stat` structure, named so it does not clash with `IndexFile.stat(_:)`.
package typealias FileStatus = stat

/// Why the raw index reader declined a file; callers fall back to libgit2, which handles everything.
package struct IndexFileUnsupported: Error {
    package let reason: String
}

/// The git index (`.git/index`) read as raw bytes: entries are offsets into the file, nothing is
/// copied per entry, so reading a 30,000-entry index costs one pass over the lengths.
/// Versions 2 and 3; anything this reader does not understand makes `init` throw.
///
/// A large index (8 MB or more: 52 MB on the limits journal) is mapped, not copied, and gives its pages
/// back behind each pass over it (`releasePages`): they come back from the page cache when touched
/// again, so a command's memory does not grow by the index's size. git replaces the index by renaming a
/// new file over it, never by writing into it, so the mapped file does not change while it is read; a
/// smaller index is read into a private copy, immune to any other tool writing the file in place.
package final class IndexFile {
    /// Where each field of an on-disk entry starts (git's index-format.txt, versions 2 and 3): ten
    /// 32-bit stat fields, the 20-byte object id, the 16-bit flags, then (with the extended flag) 16
    /// more bits of flags, and the path.
    package enum Layout {
        static let ctime = 0, mtime = 8, mode = 24, size = 36, oid = 40, flags = 60
        static let oidSize = 20
        /// The header ("DIRC", the version, the entry count) ends where the first entry starts.
        static let entriesStart = 12
        /// Bytes of every on-disk entry before its path.
        static let header = 62
        /// The file's own trailing checksum.
        static let checksumSize = 20
    }

    /// Bytes of every on-disk entry before its path.
    package static let entryHeaderSize = Layout.header
    package static let stageMask: UInt16 = 0x3000
    package static let extendedFlag: UInt16 = 0x4000
    package static let assumeValidFlag: UInt16 = 0x8000
    /// Index files at least this large are mapped and give their pages back behind each pass.
    package static let releaseThreshold = 8 << 20
    /// How far a pass goes between two releases.
    package static let releaseStep = 1 << 20

    package let bytes: UnsafeRawBufferPointer
    /// Whether `bytes` is a mapping of the file (else a copy read into memory), so passes over it give
    /// its pages back (`releaseThreshold`).
    package let releasesPages: Bool
    package let version: UInt32
    /// Start offset of each entry, in index order (by path bytes, then stage).
    package let entryOffsets: [Int]
    /// Where the entries end and the extensions start.
    package let entriesEnd: Int
    /// Each extension's signature (e.g. "TREE") and the range of its payload.
    package let extensions: [(signature: String, payload: Range<Int>)]
    /// The index file's own modification time: entries modified in the same second are "racy".
    package let modifiedSeconds: Int
    /// Every entry's flags or'ed together (so whether any entry is a conflict stage is known at once).
    package let flagsOfAllEntries: UInt16
    /// `IndexFastPathCheck.refusal`, once computed for this file.
    package var fastPathRefusalMemo: String??

    /// Reads the index at `path`; `mapAbove` is the size from which it is mapped and gives pages back.
    package init(path: String, mapAbove: Int = IndexFile.releaseThreshold) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IndexFileUnsupported(reason: "cannot open \(path)") }
        defer { close(fd) }
        var st = FileStatus()
        guard fstat(fd, &st) == 0, st.st_size >= 32 else { throw IndexFileUnsupported(reason: "short index") }
        let size = Int(st.st_size)
        modifiedSeconds = Int(st.st_mtim.tv_sec)
        if size >= mapAbove, let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED {
            bytes = UnsafeRawBufferPointer(start: map, count: size)
            releasesPages = true
        } else {
            // A small index, or a file system that cannot map files: read a copy.
            let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
            guard (try? FileDescriptorIO.readFully(fd, into: copy, path: path)) == size else {
                copy.deallocate()
                throw IndexFileUnsupported(reason: "short read")
            }
            bytes = UnsafeRawBufferPointer(copy)
            releasesPages = false
        }
        do {
            // "DIRC"
            guard Self.be32(bytes, 0) == 0x4449_5243 else { throw IndexFileUnsupported(reason: "not an index") }
            version = Self.be32(bytes, 4)
            guard version == 2 || version == 3 else { throw IndexFileUnsupported(reason: "index version \(version)") }
            let count = Int(Self.be32(bytes, 8))
            let end = size - 20
            var offsets: [Int] = []
            offsets.reserveCapacity(count)
            var offset = Layout.entriesStart
            var allFlags: UInt16 = 0
            var released = 0
            for _ in 0..<count {
                guard offset + Self.entryHeaderSize + 1 <= end else {
                    throw IndexFileUnsupported(reason: "truncated entry")
                }
                offsets.append(offset)
                let flags = Self.be16(bytes, offset + Layout.flags)
                allFlags |= flags
                let pathStart = offset + Self.entryHeaderSize + (flags & Self.extendedFlag != 0 ? 2 : 0)
                var length = Int(flags & 0xFFF)
                if length == 0xFFF {
                    length = 0
                    while pathStart + length < end && bytes[pathStart + length] != 0 { length += 1 }
                }
                offset += (pathStart - offset + length + 8) & ~7
                if releasesPages && offset - released >= Self.releaseStep {
                    Self.release(bytes, released..<offset)
                    released = offset
                }
            }
            guard offset <= end else { throw IndexFileUnsupported(reason: "truncated entries") }
            entryOffsets = offsets
            entriesEnd = offset
            flagsOfAllEntries = allFlags
            var found: [(String, Range<Int>)] = []
            while offset + 8 <= end {
                let signature = String(
                    decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 4]), as: UTF8.self)
                let length = Int(Self.be32(bytes, offset + 4))
                guard offset + 8 + length <= end else { throw IndexFileUnsupported(reason: "truncated extension") }
                found.append((signature, offset + 8..<offset + 8 + length))
                offset += 8 + length
            }
            guard offset == end else { throw IndexFileUnsupported(reason: "trailing bytes") }
            extensions = found
        } catch {
            Self.free(bytes, mapped: releasesPages)
            throw error
        }
    }

    deinit { Self.free(bytes, mapped: releasesPages) }

    private static func free(_ bytes: UnsafeRawBufferPointer, mapped: Bool) {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress!), bytes.count)
        } else {
            bytes.deallocate()
        }
    }

    /// Gives back the memory of the whole pages inside `range` of a large mapped index, when a pass is
    /// done with them; touching them again reads them back from the page cache. No effect otherwise.
    package func releasePages(_ range: Range<Int>) {
        guard releasesPages else { return }
        Self.release(bytes, range)
    }

    private static func release(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = min(range.upperBound, bytes.count) / page * page
        guard start < end else { return }
        madvise(UnsafeMutableRawPointer(mutating: bytes.baseAddress! + start), end - start, MADV_DONTNEED)
    }

    /// Calls `body` with each entry number of `range` in order until it returns false, giving the pages
    /// behind back on the way (see `releasePages`): one pass over a large index in bounded memory.
    package func forEachEntry(_ range: Range<Int>, _ body: (Int) -> Bool) {
        var released = range.lowerBound
        for i in range {
            guard body(i) else { break }
            if releasesPages && i - released >= 8192 {
                releaseEntries(released..<i)
                released = i
            }
        }
        releaseEntries(released..<range.upperBound)
    }

    /// Gives back the pages of entries `range` (see `releasePages`).
    package func releaseEntries(_ range: Range<Int>) {
        guard releasesPages, !range.isEmpty else { return }
        releasePages(byteRange(ofEntries: range))
    }

    package var count: Int { entryOffsets.count }

    /// The file's trailing checksum: the SHA-1 of every byte before it.
    package var checksum: [UInt8] { Array(bytes[(bytes.count - Layout.checksumSize)...]) }

    package func extensionPayload(_ signature: String) -> Range<Int>? {
        extensions.first { $0.signature == signature }?.payload
    }

    // MARK: - entries

    package func flags(_ i: Int) -> UInt16 { Self.be16(bytes, entryOffsets[i] + Layout.flags) }

    package func stage(_ i: Int) -> Int { Int((flags(i) & Self.stageMask) >> 12) }

    package func mode(_ i: Int) -> UInt32 { Self.be32(bytes, entryOffsets[i] + Layout.mode) }

    package func size(_ i: Int) -> UInt32 { Self.be32(bytes, entryOffsets[i] + Layout.size) }

    package func mtimeSeconds(_ i: Int) -> UInt32 { Self.be32(bytes, entryOffsets[i] + Layout.mtime) }

    package func stat(_ i: Int) -> IndexStat {
        let o = entryOffsets[i]
        return IndexStat(
            ctimeSeconds: Self.be32(bytes, o), ctimeNanoseconds: Self.be32(bytes, o + 4),
            mtimeSeconds: Self.be32(bytes, o + 8), mtimeNanoseconds: Self.be32(bytes, o + 12),
            device: Self.be32(bytes, o + 16), inode: Self.be32(bytes, o + 20), mode: Self.be32(bytes, o + 24),
            uid: Self.be32(bytes, o + 28), gid: Self.be32(bytes, o + 32), size: Self.be32(bytes, o + 36))
    }

    /// The entry's 20-byte object id.
    package func oid(_ i: Int) -> UnsafeRawBufferPointer {
        let start = entryOffsets[i] + Layout.oid
        return UnsafeRawBufferPointer(rebasing: bytes[start..<start + Layout.oidSize])
    }

    /// The entry's path bytes (no NUL).
    package func pathBytes(_ i: Int) -> UnsafeRawBufferPointer {
        let o = entryOffsets[i]
        let start = o + Self.entryHeaderSize + (flags(i) & Self.extendedFlag != 0 ? 2 : 0)
        var length = Int(flags(i) & 0xFFF)
        if length == 0xFFF {
            length = 0
            while start + length < bytes.count && bytes[start + length] != 0 { length += 1 }
        }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<start + length])
    }

    package func path(_ i: Int) -> String { String(decoding: pathBytes(i), as: UTF8.self) }

    /// The on-disk bytes of entry `i`, padding included.
    package func entryRange(_ i: Int) -> Range<Int> { byteRange(ofEntries: i..<i + 1) }

    /// The on-disk bytes of entries `entries`, padding included (empty for no entry).
    package func byteRange(ofEntries entries: Range<Int>) -> Range<Int> {
        guard !entries.isEmpty else { return 0..<0 }
        let end = entries.upperBound < entryOffsets.count ? entryOffsets[entries.upperBound] : entriesEnd
        return entryOffsets[entries.lowerBound]..<end
    }

    /// The first entry whose path is not below `path` in index order (by bytes), so `path`'s own
    /// entry when it has one.
    package func lowerBound(_ path: [UInt8]) -> Int {
        var low = 0
        var high = entryOffsets.count
        while low < high {
            let mid = (low + high) / 2
            if Self.compare(pathBytes(mid), path) < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The index of the stage-0 entry for `path`, if any.
    package func find(_ path: [UInt8]) -> Int? {
        let i = lowerBound(path)
        guard i < count, Self.compare(pathBytes(i), path) == 0 else { return nil }
        return i
    }

    /// The entries whose path starts with `prefix` (e.g. "notes/priya/"): a contiguous range.
    package func range(withPrefix prefix: [UInt8]) -> Range<Int> {
        if prefix.isEmpty { return 0..<count }
        let start = lowerBound(prefix)
        var upper = prefix
        upper[upper.count - 1] += 1  // "dir/" -> "dir0": the first path after every "dir/..."
        return start..<max(start, lowerBound(upper))
    }

    // MARK: - bytes

    package static func compare(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Int {
        b.withUnsafeBytes { compare(a, $0) }
    }

    package static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        if n > 0 {
            let c = memcmp(a.baseAddress!, b.baseAddress!, n)
            if c != 0 { return Int(c) }
        }
        return a.count - b.count
    }

    /// `value`'s four bytes as the index stores every number, big-endian.
    package static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    package static func be32(_ b: UnsafeRawBufferPointer, _ o: Int) -> UInt32 {
        UInt32(b[o]) << 24 | UInt32(b[o + 1]) << 16 | UInt32(b[o + 2]) << 8 | UInt32(b[o + 3])
    }

    package static func be16(_ b: UnsafeRawBufferPointer, _ o: Int) -> UInt16 {
        UInt16(b[o]) << 8 | UInt16(b[o + 1])
    }
}
