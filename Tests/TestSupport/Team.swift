import Foundation
import Testing

/// One teammate on one machine: a handle, a HOME with their git identity, a clone.
public struct Person: Sendable {
    public let handle: String
    /// The clone (journal work tree).
    public let journal: String
    public let executable: String
    public var sandbox: Sandbox

    public init(handle: String, journal: String, executable: String, sandbox: Sandbox) {
        (self.handle, self.journal, self.executable, self.sandbox) = (handle, journal, executable, sandbox)
    }

    public var git: Git { sandbox.git }
    public var tz: String {
        get { sandbox.tz }
        set { sandbox.tz = newValue }
    }

    /// Runs `baton args` in the journal (or `dir`).
    @discardableResult
    public func baton(
        _ args: [String], in dir: String? = nil, env: [String: String] = [:], stdin: String? = nil,
        timeout: TimeInterval = 60, sourceLocation: SourceLocation = #_sourceLocation
    ) -> CommandResult {
        sandbox.baton(
            executable, args, in: dir ?? journal, env: env, stdin: stdin, timeout: timeout,
            sourceLocation: sourceLocation)
    }

    /// Runs `baton args` and fails the test (throws) unless it exits 0.
    @discardableResult
    public func ok(_ args: [String], env: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation)
        throws -> CommandResult
    {
        let r = baton(args, env: env, sourceLocation: sourceLocation)
        try #require(r.status == 0, "expected success:\n\(r)", sourceLocation: sourceLocation)
        return r
    }

    /// Runs the git CLI in the journal.
    @discardableResult
    public func git(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) -> CommandResult {
        git.run(args, in: journal, sourceLocation: sourceLocation)
    }

    /// `baton task add …`: checks stdout is exactly an id and a newline; returns the id.
    public func addTask(_ title: String, _ options: [String] = [], sourceLocation: SourceLocation = #_sourceLocation)
        throws -> String
    {
        let r = try ok(["task", "add", title] + options, sourceLocation: sourceLocation)
        return try Checks.requireID(r, sourceLocation: sourceLocation)
    }

    /// `baton ask HANDLE TEXT …`: returns the ask's id.
    public func ask(
        _ handle: String, _ text: String, _ options: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let r = try ok(["ask", handle, text] + options, sourceLocation: sourceLocation)
        return try Checks.requireID(r, sourceLocation: sourceLocation)
    }

    public func sync(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try ok(["sync"], sourceLocation: sourceLocation)
    }

    /// `baton task show ID --json`, decoded (and checked for every contract key).
    public func task(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> TaskJSON {
        let r = try ok(["task", "show", id, "--json"], sourceLocation: sourceLocation)
        return try Checks.decodeTask(r.stdout, sourceLocation: sourceLocation)
    }

    public func taskList(_ options: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [TaskJSON]
    {
        let r = try ok(["task", "list", "--json"] + options, sourceLocation: sourceLocation)
        return try Checks.decodeTaskArray(r.stdout, sourceLocation: sourceLocation)
    }

    public func inbox(sourceLocation: SourceLocation = #_sourceLocation) throws -> InboxJSON {
        let r = try ok(["inbox", "--json"], sourceLocation: sourceLocation)
        return try Checks.decode(InboxJSON.self, r.stdout, sourceLocation: sourceLocation)
    }

    /// `journal/relative`.
    public func path(_ relative: String) -> String { (journal as NSString).appendingPathComponent(relative) }

    /// Path of `handle`'s note for `day` (`notes/<handle>/<YYYY>/<YYYY-MM-DD>.md`), relative.
    public static func notePath(_ handle: String, _ day: String) -> String {
        "notes/\(handle)/\(day.prefix(4))/\(day).md"
    }

    public func read(_ relative: String) -> String? { Files.read(path(relative)) }
}

/// A scratch world for one test: a temp folder, optionally a bare repository served by
/// `git daemon`, and people with their own HOME and clone. `shutdown()` (also on release)
/// stops the daemon and removes everything.
public final class Team: @unchecked Sendable {
    public let folder: TemporaryFolder
    public let executable: String
    public let daemon: GitDaemon?
    /// `folder/served/journal.git`, when there is a remote.
    public let bareRepo: String?
    public let remoteURL: String?
    private let lock = NSLock()
    private var _people: [Person] = []
    public let tz: String

    public var people: [Person] { lock.withLock { _people } }

    public subscript(handle: String) -> Person {
        guard let p = people.first(where: { $0.handle == handle }) else {
            fatalError("no person \(handle) in this team")
        }
        return p
    }

    /// A sandbox for a witness (git CLI on the bare repository etc.).
    public let witness: Sandbox

    /// A team sharing a remote over git daemon: the first handle runs
    /// `baton init <handle> --me <handle> --remote URL` then `baton sync`; every other one
    /// `baton clone URL <handle> --me <handle>`.
    public convenience init(_ handles: [String], tz: String = "UTC", preReceiveHook: String? = nil) throws {
        try self.init(remote: true, tz: tz, preReceiveHook: preReceiveHook)
        guard let first = handles.first else { return }
        try initJournal(handle: first, withRemote: true)
        try self[first].sync()
        for handle in handles.dropFirst() {
            try clone(handle: handle)
        }
    }

    /// A single person with a journal and no remote (`baton init alice --me alice`).
    public static func solo(_ handle: String = "alice", tz: String = "UTC") throws -> (Team, Person) {
        let team = try Team(remote: false, tz: tz, preReceiveHook: nil)
        let person = try team.initJournal(handle: handle, withRemote: false)
        return (team, person)
    }

    public init(remote: Bool, tz: String = "UTC", preReceiveHook: String? = nil) throws {
        folder = try TemporaryFolder(prefix: "baton-team")
        executable = try BatonBinary.require()
        self.tz = tz
        witness = try Sandbox.make(
            home: folder.sub("homes/witness"), userName: "Witness",
            userEmail: "witness@example.com", tz: tz)
        if remote {
            let served = try folder.makeFolder("served")
            let bare = "\(served)/journal.git"
            let r = witness.git.run(["init", "--bare", "--initial-branch=main", bare], in: served)
            guard r.status == 0 else { throw HarnessError("git init --bare failed:\n\(r)") }
            if let preReceiveHook {
                try Files.write(preReceiveHook, to: "\(bare)/hooks/pre-receive", executable: true)
            }
            let daemon = try GitDaemon(basePath: served, sandbox: witness, logPath: folder.sub("git-daemon.log"))
            self.daemon = daemon
            bareRepo = bare
            remoteURL = daemon.url(for: "journal")
        } else {
            daemon = nil
            bareRepo = nil
            remoteURL = nil
        }
    }

    /// A new HOME for `handle` on machine `folderName`.
    public func sandbox(for handle: String, machine: String) throws -> Sandbox {
        let name = handle.prefix(1).uppercased() + handle.dropFirst()
        return try Sandbox.make(
            home: folder.sub("homes/\(machine)"), userName: "\(name) Example",
            userEmail: "\(handle)@example.com", tz: tz)
    }

    /// `baton init <folderName> --me handle [--remote URL]` run in the team folder.
    @discardableResult
    public func initJournal(handle: String, folderName: String? = nil, withRemote: Bool) throws -> Person {
        let name = folderName ?? handle
        let sandbox = try sandbox(for: handle, machine: name)
        var args = ["init", name, "--me", handle]
        if withRemote, let remoteURL { args += ["--remote", remoteURL] }
        let r = sandbox.baton(executable, args, in: folder.path)
        guard r.status == 0 else { throw HarnessError("baton init failed:\n\(r)") }
        guard Files.isDirectory(folder.sub("\(name)/.git")) else {
            throw HarnessError("baton init exited 0 but made no git repository at \(folder.sub(name)):\n\(r)")
        }
        let person = Person(handle: handle, journal: folder.sub(name), executable: executable, sandbox: sandbox)
        lock.withLock { _people.append(person) }
        return person
    }

    /// `baton clone URL <folderName> --me handle` run in the team folder.
    @discardableResult
    public func clone(handle: String, folderName: String? = nil) throws -> Person {
        guard let remoteURL else { throw HarnessError("this team has no remote") }
        let name = folderName ?? handle
        let sandbox = try sandbox(for: handle, machine: name)
        let r = sandbox.baton(executable, ["clone", remoteURL, name, "--me", handle], in: folder.path)
        guard r.status == 0 else { throw HarnessError("baton clone failed:\n\(r)") }
        guard Files.isDirectory(folder.sub("\(name)/.git")) else {
            throw HarnessError("baton clone exited 0 but made no git repository at \(folder.sub(name)):\n\(r)")
        }
        let person = Person(handle: handle, journal: folder.sub(name), executable: executable, sandbox: sandbox)
        lock.withLock { _people.append(person) }
        return person
    }

    /// Every clone and the bare repository pass `git fsck --strict`; every work tree is clean
    /// and free of conflict markers.
    public func expectHealthy(sourceLocation: SourceLocation = #_sourceLocation) {
        for person in people {
            Checks.expectHealthy(person, sourceLocation: sourceLocation)
        }
        if let bareRepo {
            let fsck = witness.git.run(["fsck", "--strict"], in: bareRepo)
            #expect(fsck.status == 0, "git fsck --strict on the remote:\n\(fsck)", sourceLocation: sourceLocation)
        }
    }

    public func shutdown() {
        daemon?.stop()
        folder.remove()
    }

    deinit { shutdown() }
}

extension Team {
    /// priya, tom and maria of a three-zone team, living in Bangalore, Berlin and San Francisco.
    public func threeZones() -> (priya: Person, tom: Person, maria: Person) {
        var (priya, tom, maria) = (self["priya"], self["tom"], self["maria"])
        priya.tz = "Asia/Kolkata"
        tom.tz = "Europe/Berlin"
        maria.tz = "America/Los_Angeles"
        return (priya, tom, maria)
    }
}
