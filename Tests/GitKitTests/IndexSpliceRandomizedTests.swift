import Foundation
import TestSupport
import Testing

@testable import GitFormats
@testable import GitKit

/// `IndexSplice` against libgit2's own index update, on random index contents and random commits: twin
/// repositories take the same commits, one recording them in the index by splicing, the other through
/// libgit2 (`stage(committed:)`, the fallback). Both indexes must list the same entries (`git ls-files -s`),
/// and the spliced one must still give HEAD's tree (`git write-tree`), a clean `git status` and `git fsck`.
/// A hand-staged file (git writes the index then) must stay staged through the splices.
///
/// `BATON_INDEX_SPLICE_ROUNDS` (default 30) sets the number of commits, `BATON_INDEX_SPLICE_SEED`
/// (decimal or `0x…`) replays a failing run; a failure prints its seed.
@Suite struct IndexSpliceRandomizedTests {
    private static let folders = [
        "", "notes", "notes/p0", "notes/p0/2026", "notes/p1/2026", "tasks", "a", "a-b", "a.b",
    ]
    private static let names = ["x.md", "y.md", "z.md", "a.md", "b", "b.md", "0.md", "Z.md", "x-y.md"]

    @Test func splicedIndexEqualsLibgit2sIndex() throws {
        let environment = ProcessInfo.processInfo.environment
        let rounds = environment["BATON_INDEX_SPLICE_ROUNDS"].flatMap { Int($0) } ?? 30
        let seed =
            environment["BATON_INDEX_SPLICE_SEED"].flatMap { raw in
                raw.hasPrefix("0x") ? UInt64(raw.dropFirst(2), radix: 16) : UInt64(raw)
            } ?? UInt64.random(in: 1...UInt64.max)
        var rng = SplitMix64(seed: seed)
        let sb = try Sandbox()
        defer { sb.remove() }
        let spliced = try Repository.create(at: sb.path("spliced"))
        let witness = try Repository.create(at: sb.path("witness"))

        // Random first contents, recorded by libgit2 in both; then git rewrites both indexes its own way.
        var files: [String: String] = [:]
        for _ in 0..<(8 + rng.below(40)) {
            let path = Self.randomPath(&rng)
            if Self.fits(path, among: files.keys) { files[path] = "first \(rng.below(1000))\n" }
        }
        for repo in [spliced, witness] {
            let (committed, _, _) = try commit(files.mapValues { Optional($0) }, in: repo, sb, second: 1)
            try repo.stage(committed: committed)
            try sb.git(["status", "--porcelain"], in: repo.workTree)
        }
        var staged: String?
        var declined = 0
        for round in 0..<rounds {
            let context = "seed \(seed) (BATON_INDEX_SPLICE_SEED=\(seed)), round \(round)"
            if staged == nil, rng.chance(20) {
                // A file staged by hand, never committed: the splice must keep its entry.
                let path = Self.randomPath(&rng)
                if files[path] == nil, Self.fits(path, among: files.keys) {
                    staged = path
                    for repo in [spliced, witness] {
                        try sb.write(path, "staged by hand\n", in: repo.workTree)
                        try sb.git(["add", "--", path], in: repo.workTree)
                    }
                }
            }
            let changes = Self.randomChanges(&rng, files: files, keep: staged)
            guard !changes.isEmpty else { continue }
            for (path, text) in changes { files[path] = text }
            let (committed, base, tree) = try commit(changes, in: spliced, sb, second: round + 2)
            let entries = committed.map {
                IndexSplice.Entry(path: $0.path, blob: $0.blob, stat: $0.file?.stat, mode: $0.mode)
            }
            let splice = IndexSplice(repository: spliced, paths: entries, oldTree: base.rawID, newTree: tree.rawID)
            let ran = try splice.run()
            if !ran {
                declined += 1
                try spliced.stage(committed: committed)
            }
            let (witnessed, _, witnessTree) = try commit(changes, in: witness, sb, second: round + 2)
            try witness.stage(committed: witnessed)
            #expect(witnessTree == tree, "\(context)")

            let listed = try sb.git(["ls-files", "-s"], in: spliced.workTree).stdout
            #expect(listed == (try sb.git(["ls-files", "-s"], in: witness.workTree).stdout), "\(context): \(changes)")
            let expectedStatus = staged.map { "A  \($0)\n" } ?? ""
            let status = try sb.git(["status", "--porcelain"], in: spliced.workTree).stdout
            #expect(status == expectedStatus, "\(context)")
            if staged == nil {
                #expect(try sb.git(["write-tree"], in: spliced.workTree).stdout == tree.hex + "\n", "\(context)")
            }
            let fsck = try sb.git(["fsck", "--no-progress"], in: spliced.workTree, allowFailure: true)
            #expect(fsck.status == 0, "\(context): \(fsck.stderr)")
            if listed != (try sb.git(["ls-files", "-s"], in: witness.workTree).stdout) { break }
        }
        // The comparison means something only when the splice ran.
        #expect(declined * 2 < rounds, "seed \(seed): the splice declined \(declined) of \(rounds) commits")
    }

    /// Writes `changes` (nil: remove) into the work tree and commits them on `main`; returns the paths as
    /// the commit took them, the tree before and the tree after.
    private func commit(_ changes: [String: String?], in repo: Repository, _ sb: Sandbox, second: Int) throws
        -> (committed: [CommittedPath], base: ObjectID, tree: ObjectID)
    {
        let work = repo.workTree
        let head = try repo.headCommit()
        let base = try head.map { try repo.commit($0).tree } ?? repo.updatedTree(base: nil, changes: [])
        var treeChanges: [TreeChange] = []
        var committed: [CommittedPath] = []
        for (path, text) in changes.sorted(by: { $0.key < $1.key }) {
            if let text {
                try sb.write(path, text, in: work)
                let file = try #require(try WorkTreeFile.read(root: work, relative: path))
                let blob = try repo.createBlob(file.data)
                treeChanges.append(.upsert(path: path, blob: blob))
                committed.append(CommittedPath(path: path, blob: blob, file: file))
            } else {
                try FileManager.default.removeItem(atPath: work + "/" + path)
                treeChanges.append(.remove(path: path))
                committed.append(CommittedPath(path: path, blob: nil, file: nil))
            }
        }
        let tree = try repo.updatedTree(base: head == nil ? nil : base, changes: treeChanges)
        let signature = testSignature(second)
        let commit = try repo.createCommit(
            tree: tree, parents: head.map { [$0] } ?? [], author: signature, committer: signature,
            message: "c\(second)")
        try repo.updateReference("refs/heads/main", to: commit, expected: head, message: "test")
        return (committed, base, tree)
    }

    private static func randomPath(_ rng: inout SplitMix64) -> String {
        let folder = rng.pick(folders)
        let name = rng.pick(names)
        return folder.isEmpty ? name : folder + "/" + name
    }

    /// True when `path` can join `paths` in one tree: no file is also a folder of another path.
    private static func fits(_ path: String, among paths: some Sequence<String>) -> Bool {
        for other in paths where other != path {
            if other.hasPrefix(path + "/") || path.hasPrefix(other + "/") { return false }
        }
        return true
    }

    /// One to six changes: edits, additions (in old and new folders) and removals, never of `keep`.
    private static func randomChanges(_ rng: inout SplitMix64, files: [String: String], keep: String?)
        -> [String: String?]
    {
        var changes: [String: String?] = [:]
        let existing = files.keys.sorted()
        for _ in 0..<(1 + rng.below(6)) {
            switch rng.weighted([4, 4, 2]) {
            case 0 where !existing.isEmpty:
                let path = rng.pick(existing)
                if path != keep { changes[path] = "edit \(rng.below(1_000_000))\n" }
            case 2 where existing.count > 2:
                let path = rng.pick(existing)
                if path != keep { changes[path] = .some(nil) }
            default:
                let path = randomPath(&rng)
                if let keep, path == keep || !fits(path, among: [keep]) { continue }
                let after = (Array(files.keys) + Array(changes.keys)).filter { changes[$0] != .some(nil) }
                if fits(path, among: after) { changes[path] = "new \(rng.below(1000))\n" }
            }
        }
        return changes
    }
}
