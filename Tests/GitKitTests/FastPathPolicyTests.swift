import Foundation
import Testing

@testable import GitKit

/// `FastPathPolicy` names why the hand-written fast paths may not run, for each setting that makes
/// git store other bytes than the file's or an index they do not understand.
@Suite("Fast-path policy")
struct FastPathPolicyTests {
    @Test("config, attribute files and index features each decline the fast paths, with their reason")
    func reasons() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let work = sb.path("work")
        try sb.git(["init", "-q", work], in: sb.root)
        try sb.write("tasks/a.md", "a\n", in: work)
        try sb.git(["add", "-A"], in: work)
        try sb.git(["commit", "-q", "-m", "a"], in: work)
        let repo = try Repository.open(at: work)
        let policy = FastPathPolicy(repository: repo)
        let baseline = policy.refusal(paths: ["tasks/a.md"])  // nil unless the machine's own git config filters

        func declined(_ expected: String, setUp: () throws -> Void, undo: () throws -> Void) throws {
            try setUp()
            let reason = policy.refusal(paths: ["tasks/a.md"])
            #expect(reason?.contains(expected) == true, "expected a reason naming \(expected), got \(reason ?? "nil")")
            try undo()
            #expect(policy.refusal(paths: ["tasks/a.md"]) == baseline)
        }
        for (key, value) in [("core.autocrlf", "true"), ("core.eol", "crlf"), ("core.safecrlf", "true")] {
            try declined(
                key, setUp: { try sb.git(["config", key, value], in: work) },
                undo: { try sb.git(["config", "--unset", key], in: work) })
        }
        try declined(
            "filter", setUp: { try sb.git(["config", "filter.scrub.clean", "cat"], in: work) },
            undo: { try sb.git(["config", "--remove-section", "filter.scrub"], in: work) })
        try declined(
            "tasks/.gitattributes", setUp: { try sb.write("tasks/.gitattributes", "*.md text\n", in: work) },
            undo: { try FileManager.default.removeItem(atPath: work + "/tasks/.gitattributes") })
        try declined(
            "info/attributes", setUp: { try sb.write(".git/info/attributes", "*.md text\n", in: work) },
            undo: { try FileManager.default.removeItem(atPath: work + "/.git/info/attributes") })
        try declined(
            "tasks/a.md", setUp: { try sb.git(["update-index", "--skip-worktree", "tasks/a.md"], in: work) },
            undo: { try sb.git(["update-index", "--no-skip-worktree", "tasks/a.md"], in: work) })
        try declined(
            "link", setUp: { try sb.git(["update-index", "--split-index"], in: work) },
            undo: { try sb.git(["update-index", "--no-split-index"], in: work) })
        try declined(
            "index", setUp: { try sb.git(["update-index", "--index-version", "4"], in: work) },
            undo: { try sb.git(["update-index", "--index-version", "2"], in: work) })
    }

    @Test("a split index is named as the feature libgit2 cannot read")
    func splitIndexIsNamed() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let work = sb.path("work")
        try sb.git(["init", "-q", work], in: sb.root)
        try sb.write("a.md", "a\n", in: work)
        try sb.git(["add", "-A"], in: work)
        let repo = try Repository.open(at: work)
        #expect(repo.unreadableIndexFeature() == nil)
        try sb.git(["update-index", "--split-index"], in: work)
        #expect(repo.unreadableIndexFeature() == .splitIndex)
    }
}
