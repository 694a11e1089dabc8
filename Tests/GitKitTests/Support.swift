import Foundation
import TestSupport
import Testing

@testable import GitKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A private temp folder for one test, with its own HOME and `.gitconfig` for child git processes: the shared
/// `TestSupport.Sandbox` environment and git runner, rooted in a fresh folder, with libgit2 started.
final class Sandbox {
    let root: String
    let home: String
    /// The environment child processes get (HOME, no system config, no prompts).
    let children: TestSupport.Sandbox

    init() throws {
        GitLibrary.initialize()
        let base = FileManager.default.temporaryDirectory.path + "/gitkit-test-XXXXXX"
        var template = Array(base.utf8CString)
        guard let made = mkdtemp(&template) else { throw HarnessError("mkdtemp failed") }
        // Resolve symlinks (e.g. /tmp -> /private/tmp) so paths compare equal to what libgit2 reports.
        root = URL(fileURLWithPath: String(cString: made)).resolvingSymlinksInPath().path
        home = root + "/home"
        children = try TestSupport.Sandbox.make(
            home: home, userName: "Sandbox Tester", userEmail: "tester@example.invalid")
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Environment for child git processes: only this sandbox's HOME, no system config.
    var environment: [String: String] { children.variables() }

    /// Runs the git CLI in `directory`. Throws when it exits non-zero unless `allowFailure`.
    @discardableResult
    func git(_ args: [String], in directory: String, allowFailure: Bool = false) throws -> CommandResult {
        let run = children.git.run(args, in: directory)
        if run.status != 0 && !allowFailure {
            throw HarnessError("git \(args.joined(separator: " ")) exited \(run.status): \(run.stderr)")
        }
        return run
    }

    func write(_ relative: String, _ text: String, in directory: String) throws {
        let full = directory + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func read(_ relative: String, in directory: String) -> String? {
        FileManager.default.contents(atPath: directory + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A fixed signature at `second` seconds after a base time, so history order is deterministic.
func testSignature(_ second: Int = 0, name: String = "Ada Tester", email: String = "ada@example.invalid") -> Signature {
    Signature(
        name: name, email: email, time: Date(timeIntervalSince1970: 1_700_000_000 + TimeInterval(second)),
        offsetMinutes: 60)
}

/// Builds a commit on `branch` from its current tip with `files` written (nil data: removed),
/// moving the branch with compare-and-swap. Returns the new commit.
@discardableResult
func commitFiles(
    _ repo: Repository, _ files: [String: String?], message: String = "change", second: Int = 0,
    branch: String = "refs/heads/main", parents explicitParents: [ObjectID]? = nil, moveBranch: Bool = true
) throws -> ObjectID {
    let tip = try repo.referenceTarget(branch)
    let parents = explicitParents ?? (tip.map { [$0] } ?? [])
    let baseTree = try parents.first.map { try repo.commit($0).tree }
    var changes: [TreeChange] = []
    for (path, text) in files.sorted(by: { $0.key < $1.key }) {
        if let text {
            changes.append(.upsert(path: path, blob: try repo.createBlob(Data(text.utf8))))
        } else {
            changes.append(.remove(path: path))
        }
    }
    let tree = try repo.updatedTree(base: baseTree, changes: changes)
    let sig = testSignature(second)
    let commit = try repo.createCommit(tree: tree, parents: parents, author: sig, committer: sig, message: message)
    if moveBranch {
        try repo.updateReference(branch, to: commit, expected: tip, message: "test: \(message)")
    }
    return commit
}

/// Runs `body` and returns the `GitError` it threw; records an issue if it threw nothing or something else.
func gitError(
    _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
) -> GitError? {
    do {
        try body()
        Issue.record("expected a GitError, nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as GitError {
        return error
    } catch {
        Issue.record("expected a GitError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
