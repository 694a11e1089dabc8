import Foundation
import TestSupport
import Testing

/// A seeded, reproducible random walk over five clones of one journal served by `git daemon`:
/// notes, tasks, field and status changes, asks and replies, edits of the same task and the same
/// description lines on several clones, hand edits (committed with the git CLI or left for
/// `baton sync`), clones going offline and coming back, the daemon going away, syncs in random
/// order and parallel syncs racing to push, log continuation lines and fenced code written by hand,
/// and each clone's own version of one binary file. At the end every clone syncs until nothing changes;
/// then all clones are byte-identical, `git fsck --strict` is clean everywhere, no file holds a
/// conflict marker, and every text any clone reported saved is in every clone's files.
///
/// `BATON_CONVERGENCE_STEPS` (default 300) sets the number of steps and `BATON_CONVERGENCE_SEED`
/// (decimal, `0x…`, or `random`) the seed; a failure prints the seed and the step log.
@Suite("Convergence")
struct ConvergenceTests {
    static let defaultSeed: UInt64 = 0x5EED_BA70_2026

    @Test("five clones converge to the same bytes with nothing saved lost")
    func randomizedConvergence() throws {
        let steps = TestEnvironment.int("BATON_CONVERGENCE_STEPS", default: 300)
        let seed = TestEnvironment.seed("BATON_CONVERGENCE_SEED", default: Self.defaultSeed)
        let run = try ConvergenceRun(seed: seed)
        defer { run.team.shutdown() }
        let started = Date()
        run.play(steps: steps)
        run.finish()
        let seconds = Int(Date().timeIntervalSince(started))
        if !run.failures.isEmpty {
            Issue.record(
                """
                convergence failed; replay with BATON_CONVERGENCE_SEED=\(seed) BATON_CONVERGENCE_STEPS=\(steps)
                \(run.failures.prefix(12).joined(separator: "\n\n"))

                step log (seed \(seed)):
                \(run.log.joined(separator: "\n"))
                """)
        } else {
            print(
                "convergence: seed \(seed), \(steps) steps, \(run.oracle.texts.count) saved texts checked, \(seconds) s"
            )
        }
    }
}

/// The state of one random run.
final class ConvergenceRun {
    let team: Team
    let people: [Person]
    let seed: UInt64
    var rng: SplitMix64
    var oracle = SavedTextOracle()
    var log: [String] = []
    var failures: [String] = []
    private var online: [Bool]
    /// Hand edits left in a clone's work tree, saved once a sync commits them.
    private var pending: [[SavedText]]
    private var daemonUp = true
    private var daemonBackAt: Int?
    private let offlineURL: String
    private let io: String
    private var step = 0
    private var serial = 0
    /// Every version of the shared binary file any clone wrote.
    private var binaryVersions: Set<Data> = []

    static let words = [
        "backfill orders", "retry bug", "review: migration", "\"quoted\" words", "naïve café", "50% done",
        "a - b", "call #42", "[brackets]", "staging db", "deploy", "pair with lee", "émoji 🚀", "x: y: z",
    ]

    init(seed: UInt64) throws {
        self.seed = seed
        rng = SplitMix64(seed: seed)
        team = try Team(["alice", "bob", "carol", "dave"])
        // The fifth clone is alice's second machine: the same person writes the same notes in two clones.
        try team.clone(handle: "alice", folderName: "alice-laptop")
        people = team.people
        online = Array(repeating: true, count: people.count)
        pending = Array(repeating: [], count: people.count)
        offlineURL = try SyncSafety.closedURL()
        io = try team.folder.makeFolder("io")
    }

    // MARK: - the walk

    func play(steps: Int) {
        for s in 0..<steps {
            step = s
            if let back = daemonBackAt, s >= back { restartDaemon() }
            let weights = [14, 4, 9, 8, 4, 3, 3, 5, 4, 4, 13, 5, 1, 7, 6, 4, 3]
            let i = rng.below(people.count)
            switch rng.weighted(weights) {
            case 0: note(i)
            case 1: note(i, section: rng.pick(["--blocker", "--yesterday"]))
            case 2: addTask(i)
            case 3: statusChange(i, task: nil)
            case 4: assign(i, task: nil)
            case 5: ask(i)
            case 6: reply(i)
            case 7: editorEdit(i, task: nil, choice: rng.below(3) - 1)
            case 8: handEdit(i, commit: true)
            case 9: handEdit(i, commit: false)
            case 10: sync(i)
            case 11: toggleOnline(i)
            case 12: stopDaemon()
            case 13: parallelSyncs(rng.sample(Array(people.indices), 2 + rng.below(3)))
            case 14: sameTaskOnSeveralClones()
            case 15: structuredHandEdit(i)
            default: binaryEdit(i)
            }
            if failures.count > 12 { return }
        }
    }

    /// Brings everything back, syncs until nothing changes, and checks the end state.
    func finish() {
        step = -1
        if !daemonUp { restartDaemon() }
        for i in people.indices where !online[i] { setOnline(i, true) }
        for failed in SyncSafety.converge(team, people: people) {
            fail("final sync failed:\n\(failed)")
        }
        for i in people.indices {
            oracle.record(pending[i])
            pending[i] = []
        }
        let heads = people.map { $0.git.head($0.journal) }
        let remote = SyncSafety.remoteHead(team)
        if Set(heads).count != 1 || heads.first != remote {
            fail(
                "clones did not converge: heads \(zip(people.map(\.journal), heads).map { "\($0.0): \($0.1)" }), remote \(remote)"
            )
        }
        let reference = SyncSafety.snapshot(people[0].journal)
        for person in people.dropFirst() {
            let diff = SyncSafety.differences(reference, SyncSafety.snapshot(person.journal))
            if !diff.isEmpty { fail("\(person.journal) differs from \(people[0].journal) in \(diff)") }
        }
        for person in people {
            if let problem = SyncSafety.fsckProblem(person.git, person.journal) { fail("fsck:\n\(problem)") }
            let status = person.git.porcelain(person.journal)
            if !status.isEmpty { fail("\(person.journal) is not clean after the final sync:\n\(status)") }
            let markers = Checks.conflictMarkers(in: person.journal)
            if !markers.isEmpty { fail("conflict markers in \(person.journal):\n\(markers.joined(separator: "\n"))") }
            let missing = oracle.missing(in: person.journal)
            if !missing.isEmpty {
                fail(
                    "\(missing.count) saved text(s) missing in \(person.journal):\n"
                        + missing.prefix(20).map(\.description).joined(separator: "\n"))
            }
            let locks = SyncSafety.leftoverLocks(gitDirectory: person.gitDirectory)
            if !locks.isEmpty { fail("lock files left in \(person.journal): \(locks)") }
        }
        if let bare = team.bareRepo, let problem = SyncSafety.fsckProblem(team.witness.git, bare) {
            fail("fsck of the remote:\n\(problem)")
        }
        checkBinaryVersions(people[0])
        checkLogEntriesOnce(people[0])
        let list = people[0].baton(["task", "list", "--status", "all", "--json"])
        if list.status != 0 || !list.stderr.isEmpty { fail("task list after convergence:\n\(list)") }
        let rejected = Files.workTreeFiles(people[0].journal).filter { $0.hasSuffix(".rejected") }
        if !rejected.isEmpty { fail("rejected edits: \(rejected)") }
    }

    // MARK: - steps

    private func token(_ i: Int) -> String {
        serial += 1
        return "s\(step)c\(i)n\(serial)"
    }

    private func words() -> String { rng.pick(Self.words) }

    private var remoteReachable: Bool { daemonUp }

    private func who(_ i: Int) -> String { (people[i].journal as NSString).lastPathComponent }

    private func fail(_ message: String) {
        failures.append("step \(step): \(message)")
        log.append("[\(step)] FAILED: \(message.split(separator: "\n").first ?? "")")
    }

    /// Runs baton in clone `i`; an exit status outside `expect` is a failure.
    @discardableResult
    private func baton(_ i: Int, _ args: [String], env: [String: String] = [:], expect: Set<Int32> = [0])
        -> CommandResult
    {
        let r = people[i].baton(args, env: env)
        log.append("[\(step)] \(who(i)): baton \(args.joined(separator: " ")) -> \(r.status)")
        if !expect.contains(r.status) { fail("unexpected exit status (expected \(expect.sorted())):\n\(r)") }
        return r
    }

    private func taskIDs(_ i: Int) -> [String] { SyncSafety.taskIDs(people[i]) }

    private func note(_ i: Int, section: String? = nil) {
        let tok = token(i)
        let r = baton(i, ["note", "\(words()) \(tok)"] + (section.map { [$0] } ?? []))
        if r.status == 0 { oracle.record(tok, in: "notes/", origin: "note by \(who(i)) at step \(step)") }
    }

    private func addTask(_ i: Int) {
        let tok = token(i)
        var args = ["task", "add", "\(words()) \(tok)"]
        if rng.chance(30) { args += ["--tag", rng.pick(["db", "ops", "ui"])] }
        if rng.chance(30) { args += ["--owner", rng.pick(["alice", "bob", "carol", "dave"]), "--force"] }
        if rng.chance(20) { args += ["--due", rng.pick(["friday", "3d", "tomorrow"])] }
        let r = baton(i, args)
        let id = r.out
        if r.status == 0, Checks.isID(id) {
            oracle.record(tok, in: "tasks/\(id).md", origin: "title by \(who(i)) at step \(step)")
        } else if r.status == 0 {
            fail("task add printed no id:\n\(r)")
        }
    }

    private func pickTask(_ i: Int, _ task: String?) -> String? {
        if let task { return task }
        let ids = taskIDs(i)
        return ids.isEmpty ? nil : rng.pick(ids)
    }

    private func statusChange(_ i: Int, task: String?) {
        guard let id = pickTask(i, task) else { return addTask(i) }
        let tok = token(i)
        let args: [String]
        switch rng.below(4) {
        case 0: args = ["task", "start", id, "--note", "\(words()) \(tok)"]
        case 1: args = ["task", "done", id, "--note", "\(words()) \(tok)"]
        case 2: args = ["task", "drop", id, "--note", "\(words()) \(tok)"]
        default: args = ["task", "block", id, "--reason", "\(words()) \(tok)"]
        }
        if baton(i, args).status == 0 {
            oracle.record(tok, in: "tasks/\(id).md", origin: "log line by \(who(i)) at step \(step)")
        }
    }

    private func assign(_ i: Int, task: String?) {
        guard let id = pickTask(i, task) else { return addTask(i) }
        let tok = token(i)
        let to = rng.pick(["alice", "bob", "carol", "dave"])
        if baton(i, ["task", "assign", id, to, "--force", "--note", "\(words()) \(tok)"]).status == 0 {
            oracle.record(tok, in: "tasks/\(id).md", origin: "assign note by \(who(i)) at step \(step)")
        }
    }

    private func ask(_ i: Int) {
        let tok = token(i)
        let to = rng.pick(["alice", "bob", "carol", "dave"])
        let r = baton(i, ["ask", to, "\(words()) \(tok)?", "--within", rng.pick(["24h", "2d"]), "--force"])
        if r.status == 0, Checks.isID(r.out) {
            oracle.record(tok, in: "tasks/\(r.out).md", origin: "ask by \(who(i)) at step \(step)")
        }
    }

    private func reply(_ i: Int) {
        guard let id = pickTask(i, nil) else { return ask(i) }
        let tok = token(i)
        let done = rng.chance(30)
        if baton(i, ["reply", id, "\(words()) \(tok)"] + (done ? ["--done"] : [])).status == 0 {
            oracle.record(tok, in: "tasks/\(id).md", origin: "reply by \(who(i)) at step \(step)")
        }
    }

    /// `baton task edit` with an "editor" that puts a prepared version (a description line edited) in place.
    private func editorEdit(_ i: Int, task: String?, choice: Int) {
        guard let id = pickTask(i, task) else { return addTask(i) }
        let path = "tasks/\(id).md"
        let tok = token(i)
        guard let text = people[i].read(path),
            let edited = SyncSafety.editDescription(text, token: tok, words: words(), choice: choice)
        else { return fail("\(who(i)): \(path) is not a readable task file") }
        let prepared = "\(io)/editor-\(serial).md"
        do { try Files.write(edited, to: prepared) } catch { return fail("cannot write \(prepared): \(error)") }
        if baton(i, ["task", "edit", id], env: ["EDITOR": "cp '\(prepared)'"]).status == 0 {
            oracle.record(tok, in: path, origin: "description edit (task edit) by \(who(i)) at step \(step)")
        }
    }

    /// A teammate with an editor: appends to a description line or a note, then commits with `git`
    /// (saved now) or leaves it for `baton sync` (saved when a sync commits it).
    private func handEdit(_ i: Int, commit: Bool, task: String? = nil, choice: Int? = nil) {
        let person = people[i]
        let tok = token(i)
        let path: String
        let edited: String
        let notes = SyncSafety.noteFiles(person)
        if task != nil || notes.isEmpty || rng.chance(60) {
            guard let id = pickTask(i, task) else { return note(i) }
            path = "tasks/\(id).md"
            guard let text = person.read(path),
                let new = SyncSafety.editDescription(
                    text, token: tok, words: words(), choice: choice ?? (rng.below(3) - 1))
            else { return fail("\(who(i)): \(path) is not a readable task file") }
            edited = new
        } else {
            path = rng.pick(notes)
            var text = person.read(path) ?? ""
            if !text.hasSuffix("\n") { text += "\n" }
            edited = text + "- 23:59 by hand: \(words()) \(tok)\n"
        }
        saveHandEdit(i, path: path, text: edited, token: tok, commit: commit)
    }

    /// Writes a hand edit of `path` and commits it with the git CLI, or leaves it for `baton sync`.
    private func saveHandEdit(_ i: Int, path: String, text: String, token tok: String, commit: Bool) {
        let person = people[i]
        do { try Files.write(text, to: person.path(path)) } catch { return fail("cannot write \(path): \(error)") }
        let saved = SavedText(
            token: tok, place: path.hasPrefix("notes/") ? "notes/" : path,
            origin: "hand edit by \(who(i)) at step \(step)\(commit ? ", committed with git" : "")")
        guard commit else {
            log.append("[\(step)] \(who(i)): hand edit of \(path), left uncommitted")
            pending[i].append(saved)
            return
        }
        let r = person.git(["commit", "-q", "-m", "hand edit \(tok)", "--", path])
        log.append("[\(step)] \(who(i)): hand edit of \(path), git commit -> \(r.status)")
        if r.status == 0 { oracle.record([saved]) } else { fail("git commit of a hand edit failed:\n\(r)") }
    }

    /// A hand edit of a task's structure: an indented continuation line under its last log entry, or
    /// a fenced code block holding a `## Log` line in its description (neither may confuse a merge).
    private func structuredHandEdit(_ i: Int) {
        guard let id = pickTask(i, nil) else { return note(i) }
        let path = "tasks/\(id).md"
        let tok = token(i)
        guard let text = people[i].read(path) else { return fail("\(who(i)): \(path) cannot be read") }
        var lines = text.components(separatedBy: "\n")
        if rng.chance(50), var last = lines.lastIndex(where: { $0.hasPrefix("- 20") }) {
            while last + 1 < lines.count, lines[last + 1].hasPrefix("  ") { last += 1 }
            lines.insert("  continued: \(words()) \(tok)", at: last + 1)
        } else if let heading = lines.lastIndex(where: { $0.lowercased() == "## log" }) {
            lines.insert(contentsOf: ["```", "## Log", "code \(tok)", "```", ""], at: heading)
        } else {
            return
        }
        saveHandEdit(i, path: path, text: lines.joined(separator: "\n"), token: tok, commit: rng.chance(50))
    }

    /// A clone writes its own version of one shared binary file (a NUL byte makes it binary).
    private func binaryEdit(_ i: Int) {
        let person = people[i]
        let tok = token(i)
        var bytes = Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x0D]) + Data(tok.utf8)
        for _ in 0..<16 { bytes.append(UInt8(truncatingIfNeeded: rng.below(256))) }
        let path = "shared/logo.bin"
        do {
            try FileManager.default.createDirectory(atPath: person.path("shared"), withIntermediateDirectories: true)
            try bytes.write(to: URL(fileURLWithPath: person.path(path)))
        } catch { return fail("cannot write \(path): \(error)") }
        binaryVersions.insert(bytes)
        guard rng.chance(50) else { return log.append("[\(step)] \(who(i)): wrote \(path) \(tok), left for sync") }
        _ = person.git(["add", "--", path])
        let r = person.git(["commit", "-q", "-m", "logo \(tok)", "--", path])
        log.append("[\(step)] \(who(i)): wrote \(path) \(tok), git commit -> \(r.status)")
    }

    /// True when `line` holds a step token (`s<step>c<clone>n<serial>`).
    static func hasToken(_ line: String) -> Bool {
        line.range(of: #"s[0-9]+c[0-9]+n[0-9]+"#, options: .regularExpression) != nil
    }

    /// Every copy of the shared binary file is byte for byte a version some clone wrote.
    private func checkBinaryVersions(_ person: Person) {
        let copies = Files.workTreeFiles(person.journal).filter { $0.hasPrefix("shared/logo") }
        if !binaryVersions.isEmpty && copies.isEmpty { fail("the shared binary file is gone") }
        for copy in copies {
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: person.path(copy))) else { continue }
            if !binaryVersions.contains(data) { fail("\(copy) is not byte for byte any version a clone wrote") }
        }
    }

    /// No task's log holds an entry twice. Only entries with a step token count: two plain `edited`
    /// entries by one person within one second are two real edits.
    private func checkLogEntriesOnce(_ person: Person) {
        for id in taskIDs(0) {
            let entries = (person.read("tasks/\(id).md") ?? "").components(separatedBy: "\n")
                .filter { ($0.hasPrefix("- 20") || $0.hasPrefix("  continued:")) && Self.hasToken($0) }
            let twice = Dictionary(grouping: entries, by: { $0 }).filter { $0.value.count > 1 }.keys
            if !twice.isEmpty {
                fail(
                    "tasks/\(id).md logs an entry more than once: \(twice.sorted())\n\(person.read("tasks/\(id).md") ?? "")"
                )
            }
        }
    }

    private func expectedSyncStatus(_ i: Int) -> Set<Int32> { online[i] && remoteReachable ? [0] : [69] }

    private func sync(_ i: Int) {
        let r = baton(i, ["sync"], expect: expectedSyncStatus(i))
        syncEnded(i, r)
        if r.status == 69, rng.chance(30) {
            // An offline clone says what is queued and what went wrong, in words.
            let status = baton(i, ["status"])
            let out = status.stdout
            if !(out.contains("not pushed") && out.contains("Last sync failed") && out.contains("cannot reach")) {
                fail("baton status does not show queued commits and the last error:\n\(status)")
            }
        }
    }

    private func syncEnded(_ i: Int, _ r: CommandResult) {
        // Hand edits are committed before the fetch, so they are saved even when the remote is away.
        if r.status == 0 || r.status == 69 {
            oracle.record(pending[i])
            pending[i] = []
        }
    }

    private func setOnline(_ i: Int, _ on: Bool) {
        let url = on ? (team.remoteURL ?? "") : offlineURL
        let r = people[i].git(["remote", "set-url", "origin", url])
        log.append("[\(step)] \(who(i)): goes \(on ? "online" : "offline") -> \(r.status)")
        if r.status != 0 { fail("git remote set-url failed:\n\(r)") }
        online[i] = on
    }

    private func toggleOnline(_ i: Int) { setOnline(i, !online[i]) }

    private func stopDaemon() {
        guard daemonUp, let daemon = team.daemon else { return }
        daemon.stop()
        daemonUp = false
        daemonBackAt = step + 3 + rng.below(8)
        log.append("[\(step)] git daemon stopped until step \(daemonBackAt ?? 0)")
    }

    private func restartDaemon() {
        guard let daemon = team.daemon else { return }
        do { try daemon.start() } catch { fail("git daemon did not restart: \(error)") }
        daemonUp = true
        daemonBackAt = nil
        log.append("[\(step)] git daemon restarted")
    }

    /// Several `baton sync` processes started at once in different clones, racing to push.
    private func parallelSyncs(_ clones: [Int]) {
        var running: [(Int, BackgroundBaton)] = []
        for i in clones {
            do { running.append((i, try people[i].spawn(["sync"], ioFolder: io))) } catch { fail("spawn: \(error)") }
        }
        for (i, process) in running {
            let r = process.finish()
            log.append("[\(step)] \(who(i)): baton sync (parallel with \(clones.count - 1) other(s)) -> \(r.status)")
            // 75: lost the push race five times in a row, which a crowd may cause; work is kept.
            let expected: Set<Int32> = online[i] && remoteReachable ? [0, 75] : [69]
            if !expected.contains(r.status) { fail("parallel sync: unexpected exit status:\n\(r)") }
            syncEnded(i, r)
        }
    }

    /// Two or three clones that have the same task change it (same description line, fields,
    /// status) before syncing; then, often, they sync at once.
    private func sameTaskOnSeveralClones() {
        var holders: [String: [Int]] = [:]
        for i in people.indices { for id in taskIDs(i) { holders[id, default: []].append(i) } }
        let shared = holders.filter { $0.value.count >= 2 }.keys.sorted()
        guard !shared.isEmpty else { return addTask(rng.below(people.count)) }
        let id = rng.pick(shared)
        let clones = rng.sample(holders[id]!, 2 + rng.below(2))
        let choice = rng.below(2)  // the same description line on every clone
        log.append("[\(step)] same task \(id) on \(clones.map(who))")
        for i in clones {
            switch rng.below(6) {
            case 0: editorEdit(i, task: id, choice: choice)
            case 1: handEdit(i, commit: true, task: id, choice: choice)
            case 2: handEdit(i, commit: false, task: id, choice: choice)
            case 3: statusChange(i, task: id)
            case 4: assign(i, task: id)
            default: editorEdit(i, task: id, choice: choice)
            }
        }
        if rng.chance(60) { parallelSyncs(clones) }
    }
}
