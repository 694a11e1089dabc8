import Foundation
import JournalModel
import TestSupport
import Testing

@testable import JournalSync

/// Seeded random three-way merges of task files, notes, binary and non-UTF-8 files, checked against
/// `git merge-file --diff3` as an independent witness of which lines each side added.
///
/// For every round: the merge gives the same bytes (and the same kept-beside copy) whichever side
/// is ours; no conflict markers; every line git sees either side adding survives (a front matter
/// value that lost a collision survives in the record of it); every log entry appears exactly once;
/// a merged task or note is readable by baton; a file not merged as text comes out byte-identical
/// to one side with the other side kept beside it.
///
/// `BATON_MERGE_WITNESS_ROUNDS` (default 300) and `BATON_MERGE_WITNESS_SEED` (decimal or `0x…`)
/// choose the run; a failure prints the seed and the round.
@Suite("Merge witness: git merge-file")
struct MergeWitnessTests {
    static let defaultSeed: UInt64 = 0x6D65_7267_6539

    @Test func randomMergesKeepEveryAddedLine() throws {
        let environment = ProcessInfo.processInfo.environment
        let rounds = environment["BATON_MERGE_WITNESS_ROUNDS"].flatMap { Int($0) } ?? 300
        let seed =
            environment["BATON_MERGE_WITNESS_SEED"].flatMap { raw in
                raw.hasPrefix("0x") ? UInt64(raw.dropFirst(2), radix: 16) : UInt64(raw)
            } ?? Self.defaultSeed
        let witness = try GitMergeFileWitness()
        defer { witness.remove() }
        var rng = SplitMix64(seed: seed)
        var counter = 0
        var failed = 0
        var tally = Tally()
        for round in 0..<rounds {
            let testCase = MergeWitnessCase.make(&rng, counter: &counter)
            let problems = try Self.check(testCase, witness: witness, tally: &tally)
            guard !problems.isEmpty else { continue }
            failed += 1
            if failed <= 5 {
                Issue.record(
                    """
                    seed \(seed) (BATON_MERGE_WITNESS_SEED=\(seed)), round \(round), \(testCase.kind.rawValue) \
                    \(testCase.path) by \(testCase.oursAuthor) / \(testCase.theirsAuthor):
                    \(problems.joined(separator: "\n"))
                    --- base
                    \(Self.show(testCase.base))
                    --- ours
                    \(Self.show(testCase.ours))
                    --- theirs
                    \(Self.show(testCase.theirs))
                    """)
            }
        }
        #expect(failed == 0, "\(failed) of \(rounds) rounds failed, seed \(seed)")
        // The run must exercise both ways of merging, or it proves nothing.
        if rounds >= 100 {
            #expect(tally.textMerges > rounds / 5 && tally.witnessLines > rounds, "\(tally)")
            #expect(tally.keptWhole > rounds / 50, "\(tally)")
        }
        print(
            "merge witness: seed \(seed), \(rounds) rounds, \(tally.textMerges) text merges checked against "
                + "\(tally.witnessLines) added lines, \(tally.keptWhole) kept whole")
    }

    /// What a run exercised.
    struct Tally {
        var textMerges = 0
        var witnessLines = 0
        var keptWhole = 0
    }

    static func show(_ bytes: [UInt8]?) -> String {
        guard let bytes else { return "(no file)" }
        guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
            return bytes.map { String($0, radix: 16) }.joined(separator: " ")
        }
        return text
    }

    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    /// What is wrong with the merge of `testCase`, as readable lines; empty when nothing is.
    static func check(
        _ testCase: MergeWitnessCase, witness: GitMergeFileWitness,
        tally: inout Tally
    ) throws -> [String] {
        let c = testCase
        let one = JournalMerge.mergeFile(
            path: c.path, base: c.base,
            ours: MergeFileSide(bytes: c.ours, author: c.oursAuthor),
            theirs: MergeFileSide(bytes: c.theirs, author: c.theirsAuthor))
        let two = JournalMerge.mergeFile(
            path: c.path, base: c.base,
            ours: MergeFileSide(bytes: c.theirs, author: c.theirsAuthor),
            theirs: MergeFileSide(bytes: c.ours, author: c.oursAuthor))
        var problems: [String] = []
        if one.bytes != two.bytes { problems.append("not symmetric: the two clones merge to different bytes") }
        if one.keptBeside != two.keptBeside { problems.append("not symmetric: different kept-beside copies") }

        let changedBoth = c.ours != c.theirs && c.ours != c.base && c.theirs != c.base
        if !changedBoth {
            let expected = c.ours == c.base ? c.theirs : c.ours
            if one.bytes != expected || one.keptBeside != nil {
                problems.append("a one-sided change was not taken exactly")
            }
            return problems
        }
        if c.ours == nil || c.theirs == nil {
            if one.bytes != (c.ours ?? c.theirs) || one.keptBeside != nil {
                problems.append("deleted on one side and edited on the other: the edit was not kept exactly")
            }
            return problems
        }
        if let kept = one.keptBeside {
            tally.keptWhole += 1
            let pair = [one.bytes, kept.bytes]
            if !(pair == [c.ours, c.theirs] || pair == [c.theirs, c.ours]) {
                problems.append("kept whole, but not byte-identical to the two sides")
            }
            let author = pair[1] == c.ours ? c.oursAuthor : c.theirsAuthor
            if kept.author != author { problems.append("the kept-beside copy names \(kept.author), not \(author)") }
            if c.kind == .task || c.kind == .note, let stays = one.bytes, let other = pair[1],
                readable(other, path: c.path), !readable(stays, path: c.path)
            {
                problems.append("the unreadable version stayed at the path")
            }
            return problems
        }
        guard let ours = c.ours, let theirs = c.theirs, let merged = one.bytes else {
            problems.append("both sides edited the file and the merge deleted it")
            return problems
        }
        if c.kind == .binary || c.kind == .latin1 {
            problems.append("a file that is not UTF-8 text was merged as text")
            return problems
        }
        let text = String(decoding: merged, as: UTF8.self)
        let mergedLines = lines(merged)
        let lineSet = Set(mergedLines)
        let markers = ["<<<<<<<", ">>>>>>>", "|||||||"].map { Array($0.utf8) }
        for line in mergedLines where markers.contains(where: line.starts(with:)) || line == Array("=======".utf8) {
            problems.append("conflict marker: \(String(decoding: line, as: UTF8.self))")
        }
        if !readable(merged, path: c.path) { problems.append("baton cannot read the merged file:\n\(text)") }
        let added = try witness.addedLines(base: c.base ?? [], ours: ours, theirs: theirs)
        tally.textMerges += 1
        tally.witnessLines += added.count
        for line in added where !lineSet.contains(line) {
            let shown = String(decoding: line, as: UTF8.self)
            if survivesAsRecord(shown, in: text) { continue }
            problems.append("lost a line a side added: \(shown.debugDescription)")
        }
        for entry in c.logEntries {
            let count = mergedLines.filter { $0 == Array(entry.utf8) }.count
            if count != 1 { problems.append("log entry \(count) times: \(entry)") }
        }
        return problems
    }

    /// A front matter line `key: value` lost to a collision: `updated` takes the later instant by
    /// design; any other value must be recorded (in a log entry or note remark) as `` `value` ``.
    static func survivesAsRecord(_ line: String, in text: String) -> Bool {
        guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("-") else { return false }
        let key = line[..<colon]
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if key == "updated" { return true }
        return text.contains("`\(value)`")
    }

    static func readable(_ bytes: [UInt8], path: String) -> Bool {
        guard let text = String(validating: bytes, as: UTF8.self) else { return false }
        if path.hasPrefix("tasks/") { return (try? TaskDocument.parse(text, path: path)) != nil }
        return (try? DailyNote.parse(text, path: path)) != nil
    }
}

/// Runs `git merge-file --diff3 -p` on three files in a temporary folder and reports the lines
/// git sees either side adding: the lines of its result (conflict sections of both sides
/// included) that are not base lines.
final class GitMergeFileWitness {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "baton-merge-witness-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    func addedLines(base: [UInt8], ours: [UInt8], theirs: [UInt8]) throws -> [[UInt8]] {
        for (name, bytes) in [("base", base), ("ours", ours), ("theirs", theirs)] {
            try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "merge-file", "--diff3", "-p", "ours", "base", "theirs"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": folder, "GIT_CONFIG_NOSYSTEM": "1",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus < 128 else {
            throw WitnessError(message: "git merge-file failed with status \(process.terminationStatus)")
        }
        let baseLines = Set(MergeWitnessTests.lines(base))
        var inBaseSection = false
        var added: [[UInt8]] = []
        for line in MergeWitnessTests.lines([UInt8](data)) {
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("<<<<<<< ") || text == "=======" || text.hasPrefix(">>>>>>> ") {
                inBaseSection = false
                continue
            }
            if text.hasPrefix("||||||| ") {
                inBaseSection = true
                continue
            }
            if inBaseSection || baseLines.contains(line) || line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            added.append(line)
        }
        return added
    }

    struct WitnessError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
