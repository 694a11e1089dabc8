import Foundation
import Testing

/// A team whose remote is served by a transport the test picks (smart HTTP, ssh): a `Team` without a
/// git daemon, a bare `served/journal.git`, and helpers that run baton with extra environment
/// (tokens) and check that no secret leaked anywhere a user could see it.
public struct TransportTeam {
    public let team: Team
    public let served: String
    public let bareRepo: String

    public init() throws {
        team = try Team(remote: false)
        served = try team.folder.makeFolder("served")
        bareRepo = "\(served)/journal.git"
        try team.witness.git.check(["init", "--bare", "--initial-branch=main", bareRepo], in: served)
    }

    public var folder: TemporaryFolder { team.folder }

    /// A person with their own HOME (`homes/<machine>`) whose clone will be `<folder>/<handle>`.
    public func person(_ handle: String, machine: String? = nil) throws -> Person {
        let sandbox = try team.sandbox(for: handle, machine: machine ?? handle)
        return Person(handle: handle, journal: folder.sub(handle), executable: team.executable, sandbox: sandbox)
    }

    /// `baton init <handle> --me handle --remote url` (no network) in the team folder.
    public func initJournal(_ person: Person, url: String, env: [String: String] = [:]) throws {
        let r = person.baton(
            ["init", person.handle, "--me", person.handle, "--remote", url], in: folder.path, env: env)
        try #require(r.status == 0, "baton init failed:\n\(r)")
    }

    /// `baton clone url <handle> --me handle` in the team folder.
    @discardableResult
    public func clone(
        _ person: Person, url: String, env: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    )
        -> CommandResult
    {
        person.baton(
            ["clone", url, person.handle, "--me", person.handle], in: folder.path, env: env,
            sourceLocation: sourceLocation)
    }

    /// Subjects of the remote's `main`, newest first.
    public var remoteSubjects: [String] { team.witness.git.subjects(bareRepo, ["main"]) }

    /// Fails the test when `secret` appears in any output, in the clone's sync state, in any commit
    /// message of the clone or the remote, or in the server log.
    public func expectNoLeak(
        of secret: String, results: [CommandResult], person: Person?, logs: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for r in results {
            #expect(
                !r.stdout.contains(secret) && !r.stderr.contains(secret), "the secret leaked into output:\n\(r)",
                sourceLocation: sourceLocation)
        }
        if let person, Files.isDirectory(person.journal) {
            let state = Files.read(person.path(".git/baton/sync-state.json")) ?? ""
            #expect(
                !state.contains(secret), "the secret leaked into sync-state.json:\n\(state)",
                sourceLocation: sourceLocation)
            // Reflogs too: libgit2's clone writes the URL it was given into them.
            for folder in [".git/logs", ".git/baton"] where Files.isDirectory(person.path(folder)) {
                for file in Files.workTreeFiles(person.path(folder)) {
                    let text = Files.read(person.path("\(folder)/\(file)")) ?? ""
                    #expect(
                        !text.contains(secret), "the secret leaked into \(folder)/\(file):\n\(text)",
                        sourceLocation: sourceLocation)
                }
            }
            let log = person.git.run(["log", "--all", "--format=%B"], in: person.journal)
            #expect(
                !log.stdout.contains(secret), "the secret leaked into a commit message:\n\(log)",
                sourceLocation: sourceLocation)
        }
        if Files.exists("\(bareRepo)/refs") {
            let log = team.witness.git.run(["log", "--all", "--format=%B"], in: bareRepo)
            #expect(
                !log.stdout.contains(secret), "the secret leaked into a pushed commit message",
                sourceLocation: sourceLocation)
        }
        for path in logs {
            #expect(
                !(Files.read(path) ?? "").contains(secret), "the secret leaked into \(path)",
                sourceLocation: sourceLocation)
        }
    }
}
