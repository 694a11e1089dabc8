import JournalModel
import Testing

@testable import JournalSync

/// Files that are not merged as text (binary, not UTF-8, or unreadable as baton's format) keep
/// both versions byte for byte: one at the path, the other beside it.
@Suite("Merge: files kept whole")
struct KeepWholeFileTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]

    /// Merges both ways round and expects the same bytes at the path and beside it.
    static func both(
        _ path: String, base: [UInt8]?, _ a: [UInt8]?, by aAuthor: String = "priya",
        _ b: [UInt8]?, by bAuthor: String = "tom",
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> FileMergeResult {
        let one = JournalMerge.mergeFile(
            path: path, base: base, ours: MergeFileSide(bytes: a, author: aAuthor),
            theirs: MergeFileSide(bytes: b, author: bAuthor))
        let two = JournalMerge.mergeFile(
            path: path, base: base, ours: MergeFileSide(bytes: b, author: bAuthor),
            theirs: MergeFileSide(bytes: a, author: aAuthor))
        #expect(one.bytes == two.bytes, "merge is not symmetric", sourceLocation: sourceLocation)
        #expect(one.keptBeside == two.keptBeside, "kept-beside copy is not symmetric", sourceLocation: sourceLocation)
        return one
    }

    @Test func binaryChangedOnBothSidesKeepsBothVersionsByteIdentical() {
        let ours = Self.png + [0x01, 0xFF, 0xFE]
        let theirs = Self.png + [0x02, 0x80]
        let result = Self.both("shared/logo.png", base: Self.png, ours, theirs)
        #expect(result.bytes == ours)
        #expect(result.keptBeside?.bytes == theirs)
        #expect(result.keptBeside?.author == "tom")
        #expect(result.keptBeside?.path(beside: "shared/logo.png") == "shared/logo.conflict-tom.png")
        #expect(result.summary.contains("shared/logo.conflict-tom.png"))
    }

    @Test func textOverTheFileCapIsKeptWholeNotMergedByLines() {
        let line = Array("a line of a pasted log dump\n".utf8)
        let base = Array([[UInt8]](repeating: line, count: ModelError.maxFileBytes / line.count + 10).joined())
        let ours = base + Array("priya's line\n".utf8)
        let theirs = Array("tom's line\n".utf8) + base
        let result = Self.both("shared/dump.txt", base: base, ours, theirs)
        #expect(result.keptBeside != nil, "both versions are kept whole")
        let versions: [[UInt8]?] = [result.bytes, result.keptBeside?.bytes]
        #expect(versions.contains(ours))
        #expect(versions.contains(theirs))
    }

    @Test func binaryAddedOnBothSidesKeepsBoth() {
        let ours = Self.png + [0x10]
        let theirs = Self.png + [0x05]
        let result = Self.both("shared/logo.png", base: nil, ours, by: "lee", theirs, by: "Maria Lopez")
        #expect(result.bytes == theirs)
        #expect(result.keptBeside == KeptVersion(bytes: ours, author: "lee"))
    }

    @Test func nonUTF8TextIsNotMergedAsText() {
        let base = Array("caf".utf8) + [0xE9] + Array(" menu\nline two\n".utf8)
        let ours = Array("caf".utf8) + [0xE9] + Array(" menu\nline 2\n".utf8)
        let theirs = Array("Caf".utf8) + [0xE9] + Array(" menu\nline two\n".utf8)
        let result = Self.both("shared/menu.txt", base: base, ours, theirs)
        #expect(result.bytes == theirs)
        #expect(result.keptBeside?.bytes == ours)
        #expect(result.keptBeside?.path(beside: "shared/menu.txt") == "shared/menu.conflict-priya.txt")
    }

    @Test func textAgainstBinaryKeepsBoth() {
        let text = Array("just text\n".utf8)
        let result = Self.both("shared/data", base: Array("old\n".utf8), text, Self.png)
        #expect(Set([result.bytes!, result.keptBeside!.bytes]) == Set([text, Self.png]))
    }

    @Test func oneSideUnchangedTakesTheOtherExactly() {
        let base = Self.png
        let ours = Self.png + [0x00, 0x42]
        #expect(Self.both("shared/logo.png", base: base, ours, base).bytes == ours)
        let crlf = Array("---\r\nauthor: lee\r\n---\r\n\r\n## Today\r\n\r\n- 09:00 hi\r\n".utf8)
        let edited = Array("---\r\nauthor: lee\r\n---\r\n\r\n## Today\r\n\r\n- 09:00 hi there\r\n".utf8)
        let result = Self.both("notes/lee/2026/2026-11-24.md", base: crlf, edited, crlf)
        #expect(result.bytes == edited)
        #expect(result.keptBeside == nil)
    }

    @Test func binaryDeletedOnOneSideKeepsTheEditExactly() {
        let ours = Self.png + [0xFF]
        let result = Self.both("shared/logo.png", base: Self.png, ours, nil)
        #expect(result.bytes == ours)
        #expect(result.keptBeside == nil)
    }

    @Test func textFilesStillMergeAsText() {
        let result = Self.both(
            "shared/list.txt", base: Array("a\nb\nc\n".utf8), Array("a\nB\nc\n".utf8),
            Array("a\nb\nC\n".utf8))
        #expect(result.bytes == Array("a\nB\nC\n".utf8))
        #expect(result.keptBeside == nil)
    }

    /// The task structure tests' front matter, with a description and a log.
    static let task =
        TaskStructureMergeTests.head + """

            Copy the old orders.

            ## Log

            - 2026-11-24T09:14:05+05:30 priya: created

            """

    @Test func taskWithBrokenFrontMatterOnOneSideKeepsBothAndTheReadableOneAtThePath() throws {
        let path = "tasks/k7q2xm.md"
        let broken = Self.task.replacingOccurrences(
            of: "title: Backfill orders table",
            with: "title: [Backfill orders table"
        )
        .replacingOccurrences(of: "Copy the old", with: "Copy all the old")
        let baton =
            Self.task.replacingOccurrences(of: "status: todo", with: "status: doing")
            .replacingOccurrences(of: "updated: 2026-11-24T09:14:05+05:30", with: "updated: 2026-11-25T10:00:00+01:00")
            + "- 2026-11-25T10:00:00+01:00 tom: started\n"
        #expect((try? TaskDocument.parse(broken, path: path)) == nil)
        let result = Self.both(path, base: Array(Self.task.utf8), Array(broken.utf8), Array(baton.utf8))
        #expect(result.bytes == Array(baton.utf8))
        #expect(result.keptBeside?.bytes == Array(broken.utf8))
        #expect(result.keptBeside?.path(beside: path) == "tasks/k7q2xm.conflict-priya.md")
        let kept = try TaskDocument.parse(String(decoding: result.bytes!, as: UTF8.self), path: path)
        #expect(kept.status == .doing)
    }

    @Test func taskWithoutClosingFrontMatterLineIsNotMergedAsText() throws {
        let path = "tasks/k7q2xm.md"
        let broken = Self.task.replacingOccurrences(of: "---\n\nCopy", with: "\nCopy")
        let baton = Self.task.replacingOccurrences(of: "owner: priya", with: "owner: tom")
        let result = Self.both(path, base: Array(Self.task.utf8), Array(broken.utf8), Array(baton.utf8))
        #expect(result.bytes == Array(baton.utf8))
        #expect(result.keptBeside?.bytes == Array(broken.utf8))
    }

    @Test func brokenSettingsOnOneSideKeepTheReadableSettingsAtThePath() throws {
        let base = "team: Relay\nstale_days: 7\n"
        let broken = "team: [Relay\nstale_days: 7\n"
        let fine = "team: Relay\nstale_days: 9\n"
        #expect((try? JournalConfig.parse(broken)) == nil)
        let result = Self.both("baton.yml", base: Array(base.utf8), Array(broken.utf8), Array(fine.utf8))
        #expect(result.bytes == Array(fine.utf8))
        #expect(result.keptBeside?.bytes == Array(broken.utf8))
        #expect(result.keptBeside?.path(beside: "baton.yml") == "baton.conflict-priya.yml")
    }

    @Test func settingsChangedOnBothSidesStillMergeAsText() throws {
        let result = Self.both(
            "baton.yml", base: Array("team: Relay\nstale_days: 7\n".utf8),
            Array("team: Relay One\nstale_days: 7\n".utf8),
            Array("team: Relay\nstale_days: 9\n".utf8))
        #expect(result.bytes == Array("team: Relay One\nstale_days: 9\n".utf8))
        #expect(result.keptBeside == nil)
    }

    @Test func aNonTaskFileInTasksStillMergesAsText() {
        let result = Self.both(
            "tasks/README.md", base: Array("a\nb\nc\n".utf8), Array("a\nB\nc\n".utf8),
            Array("a\nb\nC\n".utf8))
        #expect(result.bytes == Array("a\nB\nC\n".utf8))
    }

    @Test func keptBesideNames() {
        typealias N = JournalMerge.KeptBesideName
        #expect(N.path(beside: "shared/logo.png", author: "tom") == "shared/logo.conflict-tom.png")
        #expect(N.path(beside: "shared/logo.png", author: "tom", attempt: 2) == "shared/logo.conflict-tom-2.png")
        #expect(N.path(beside: "Makefile", author: "Maria Lopez") == "Makefile.conflict-maria-lopez")
        #expect(N.path(beside: "a/.gitignore", author: "lee") == "a/.gitignore.conflict-lee")
        #expect(N.path(beside: "a.b/c.tar.gz", author: "lee") == "a.b/c.tar.conflict-lee.gz")
        #expect(N.path(beside: "x.png", author: "") == "x.conflict-someone.png")
    }
}
