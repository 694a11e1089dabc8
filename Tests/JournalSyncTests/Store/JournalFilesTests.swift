import Foundation
import Testing

@testable import JournalSync

/// `JournalFiles` never follows a link on any component of a path, and writes atomically.
@Suite("Journal files without links")
struct JournalFilesTests {
    /// A scratch folder holding `journal/` and, beside it, `outside/secret.txt`.
    private struct Scratch {
        let base: String
        var journal: String { base + "/journal" }
        var outside: String { base + "/outside" }
        var secret: String { outside + "/secret.txt" }
        var files: JournalFiles { JournalFiles(root: journal) }

        init() throws {
            base =
                FileManager.default.temporaryDirectory
                .appendingPathComponent("baton-files-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: base + "/journal", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: base + "/outside", withIntermediateDirectories: true)
            try "SECRET\n".write(toFile: base + "/outside/secret.txt", atomically: true, encoding: .utf8)
        }

        func link(_ relative: String, to target: String) throws {
            let path = journal + "/" + relative
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        }

        func outsideListing() -> [String] {
            (FileManager.default.subpaths(atPath: outside) ?? []).sorted()
        }

        func remove() { try? FileManager.default.removeItem(atPath: base) }
    }

    @Test("a regular file is written, read back and replaced, with no temporary file left")
    func regularRoundTrip() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let files = scratch.files
        #expect(try files.text("notes/lee/2026/2026-11-24.md") == nil)
        try files.write(Data("one\n".utf8), to: "notes/lee/2026/2026-11-24.md")
        try files.write(Data("two\n".utf8), to: "notes/lee/2026/2026-11-24.md")
        #expect(try files.text("notes/lee/2026/2026-11-24.md") == "two\n")
        #expect(try files.data("notes/lee/2026/2026-11-24.md", limit: 10) == Data("two\n".utf8))
        #expect(try files.entries("notes/lee/2026").map(\.name) == ["2026-11-24.md"])
        #expect(try files.kind(of: "notes/lee") == .folder)
        #expect(
            files.regularFiles(under: "notes", skipped: { _, _ in Issue.record("nothing to skip") })
                == ["notes/lee/2026/2026-11-24.md"])
        try files.remove("notes/lee/2026/2026-11-24.md")
        #expect(try files.kind(of: "notes/lee/2026/2026-11-24.md") == nil)
    }

    @Test("a replaced file keeps its mode")
    func modeIsKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.files.write(Data("#!/bin/sh\n".utf8), to: "tools/run.sh")
        chmod(scratch.journal + "/tools/run.sh", 0o755)
        try scratch.files.write(Data("#!/bin/sh\necho hi\n".utf8), to: "tools/run.sh")
        var info = stat()
        #expect(stat(scratch.journal + "/tools/run.sh", &info) == 0)
        #expect(info.st_mode & 0o777 == 0o755)
    }

    @Test(
        "a link at any component of the path is refused for reads, writes and listings",
        arguments: ["a", "a/b", "a/b/c.md"])
    func linkAtEachComponent(_ linked: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let depth = linked.split(separator: "/").count
        let reached = linked.hasSuffix(".md") ? "outside/secret.txt" : "outside"
        let target = String(repeating: "../", count: depth) + reached
        try scratch.link(linked, to: target)
        if linked != "a/b/c.md" {
            // What the link would reach: make the whole path exist outside.
            try FileManager.default.createDirectory(atPath: scratch.outside + "/b", withIntermediateDirectories: true)
            try "SECRET\n".write(toFile: scratch.outside + "/b/c.md", atomically: true, encoding: .utf8)
            try "SECRET\n".write(toFile: scratch.outside + "/c.md", atomically: true, encoding: .utf8)
        }
        let before = scratch.outsideListing()
        let files = scratch.files
        #expect(throws: JournalError.symbolicLink(path: linked)) { try files.text("a/b/c.md") }
        #expect(throws: JournalError.symbolicLink(path: linked)) { try files.data("a/b/c.md", limit: 100) }
        #expect(throws: JournalError.symbolicLink(path: linked)) { try files.write(Data("x".utf8), to: "a/b/c.md") }
        if linked != "a/b/c.md" {
            #expect(throws: JournalError.symbolicLink(path: linked)) { try files.entries("a/b") }
            #expect(throws: JournalError.symbolicLink(path: linked)) { try files.kind(of: "a/b/c.md") }
            #expect(throws: JournalError.symbolicLink(path: linked)) { try files.remove("a/b/c.md") }
            #expect(throws: JournalError.symbolicLink(path: linked)) {
                try files.write(Data("x".utf8), to: "a/b/new.md")
            }
        }
        var skipped: [String] = []
        #expect(files.regularFiles(under: "a", skipped: { path, _ in skipped.append(path) }).isEmpty)
        #expect(skipped == [linked])
        #expect(scratch.outsideListing() == before, "something was written outside the journal")
        #expect(try String(contentsOfFile: scratch.secret, encoding: .utf8) == "SECRET\n")
        var info = stat()
        let isLink = lstat(scratch.journal + "/" + linked, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
        #expect(isLink, "the link was replaced")
    }

    @Test("a file over the limit, a folder and a path out of the journal are refused")
    func badEntries() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let files = scratch.files
        try files.write(Data(repeating: 0x61, count: 100), to: "tasks/big.md")
        let tooLarge = JournalError.badEntry(
            path: "tasks/big.md", problem: "is larger than 0 MB, more than a journal file holds")
        #expect(throws: tooLarge) {
            try files.text("tasks/big.md", limit: 99)
        }
        #expect(try files.text("tasks/big.md", limit: 100)?.count == 100)
        #expect(throws: JournalError.badEntry(path: "tasks", problem: "is a folder, where baton expects a file")) {
            try files.text("tasks")
        }
        #expect(throws: JournalError.badEntry(path: "tasks/big.md", problem: "is not a folder")) {
            try files.write(Data("x".utf8), to: "tasks/big.md/inner.md")
        }
        #expect(throws: JournalError.unsafePath("tasks/../../outside/secret.txt")) {
            try files.text("tasks/../../outside/secret.txt")
        }
        #expect(throws: JournalError.unsafePath("../outside/secret.txt")) {
            try files.write(Data("x".utf8), to: "../outside/secret.txt")
        }
        #expect(try String(contentsOfFile: scratch.secret, encoding: .utf8) == "SECRET\n")
    }
}
