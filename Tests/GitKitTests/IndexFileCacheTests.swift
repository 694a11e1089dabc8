import Foundation
import TestSupport
import Testing

@testable import GitFormats
@testable import GitKit

/// `IndexFileCache`: one parse while the index file stays the same, a new one whenever it changed,
/// even when the new file has the old one's size and times.
@Suite struct IndexFileCacheTests {
    private func clone(_ sb: Sandbox) throws -> String {
        let work = sb.path("work")
        _ = try sb.git(["init", "-q", "-b", "main", work], in: sb.path(""))
        try sb.write("a.md", "a\n", in: work)
        try sb.write("b.md", "b\n", in: work)
        _ = try sb.git(["add", "a.md"], in: work)
        return work
    }

    /// A clone, its index's path, a cache, and the cache's first parse of that index.
    private func parsedClone(_ sb: Sandbox) throws -> (
        work: String, index: String, cache: IndexFileCache, first: IndexFile
    ) {
        let work = try clone(sb)
        let index = work + "/.git/index"
        let cache = IndexFileCache()
        return (work, index, cache, try cache.file(at: index))
    }

    @Test func anUnchangedIndexIsParsedOnce() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let (_, index, cache, first) = try parsedClone(sb)
        #expect(try cache.file(at: index) === first)
        #expect(first.count == 1)
    }

    @Test func anIndexReplacedWithTheSameSizeAndTimesIsReadAgain() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let (work, index, cache, first) = try parsedClone(sb)
        let old = try FileManager.default.attributesOfItem(atPath: index)
        // Another index of the same size (b.md instead of a.md), renamed over the file with its times.
        _ = try sb.git(["rm", "-q", "--cached", "a.md"], in: work)
        _ = try sb.git(["add", "b.md"], in: work)
        let replaced = try FileManager.default.attributesOfItem(atPath: index)
        #expect(replaced[.size] as? Int == old[.size] as? Int)
        try FileManager.default.setAttributes([.modificationDate: old[.modificationDate]!], ofItemAtPath: index)
        let second = try cache.file(at: index)
        #expect(second !== first)
        #expect(second.path(0) == "b.md")
    }

    @Test func anIndexRewrittenInPlaceIsReadAgain() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let (_, index, cache, first) = try parsedClone(sb)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: index))
        Thread.sleep(forTimeInterval: 0.05)  // past the file system's clock tick, so the change time moves
        let handle = try #require(FileHandle(forWritingAtPath: index))
        try handle.write(contentsOf: bytes)  // the same bytes, written over the same inode
        try handle.close()
        #expect(try cache.file(at: index) !== first)
    }
}

/// A mapped index that gives its pages back (`IndexFile.releasePages`) reads the same afterwards, and
/// a copy of it through `IndexFileWriter` is the same file, checksum included.
@Suite struct IndexFileReleaseTests {
    @Test func pagesGivenBackReadTheSameAndCopyByteForByte() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let work = sb.path("work")
        _ = try sb.git(["init", "-q", "-b", "main", work], in: sb.path(""))
        for i in 0..<400 { try sb.write("notes/p\(i % 7)/2026/day-\(i)-with-a-longer-name.md", "n\(i)\n", in: work) }
        _ = try sb.git(["add", "."], in: work)
        let path = work + "/.git/index"
        let index = try IndexFile(path: path, mapAbove: 0)
        #expect(index.releasesPages)
        #expect(index.bytes.count > 4 * 4096)
        let before = (0..<index.count).map { index.path($0) }
        index.releasePages(0..<index.bytes.count)
        var visited: [String] = []
        index.forEachEntry(0..<index.count) { i in
            visited.append(index.path(i))
            return true
        }
        #expect(visited == before)
        #expect(before.count == 400)

        let copyPath = sb.path("copy")
        let fd = open(copyPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        #expect(fd >= 0)
        var writer = IndexFileWriter(fd: fd, path: copyPath)
        try writer.copyBytes(of: index, 0..<IndexFile.Layout.entriesStart)
        try writer.copyEntries(of: index, 0..<index.count, patching: [Int](), entry: { $0 }, edit: { _, _ in })
        try writer.copyBytes(of: index, index.entriesEnd..<index.bytes.count - IndexFile.Layout.checksumSize)
        try writer.finish()
        close(fd)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copyPath)) == Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
