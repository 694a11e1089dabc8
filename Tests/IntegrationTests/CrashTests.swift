import Foundation
import TestSupport
import Testing

/// SIGKILL at random moments during `note`, `task add`, `task block`, `task assign` and `sync`, then
/// recovery: the next command succeeds and leaves no `.lock` behind, `git fsck --strict` is clean, no
/// file holds a conflict marker, and every text baton reported saved (exit 0) is still there.
///
/// `BATON_CRASH_TRIALS` (default 200) sets the number of trials and `BATON_CRASH_SEED` the seed
/// (the kill moments depend on timing too, so a replay is close but not exact).
@Suite("Crash")
struct CrashTests {
    static let defaultSeed: UInt64 = 0xC4A5_4BA7_0001

    @Test("SIGKILL during writes and syncs never costs saved work or leaves the clone unusable")
    func killedAtRandomMoments() throws {
        let trials = TestEnvironment.int("BATON_CRASH_TRIALS", default: 200)
        let seed = TestEnvironment.seed("BATON_CRASH_SEED", default: Self.defaultSeed)
        let run = try CrashRun(seed: seed)
        defer { run.team.shutdown() }
        let started = Date()
        try run.play(trials: trials)
        run.finish()
        let seconds = Int(Date().timeIntervalSince(started))
        if ProcessInfo.processInfo.environment["BATON_CRASH_VERBOSE"] != nil { print(run.log.joined(separator: "\n")) }
        if !run.failures.isEmpty {
            Issue.record(
                """
                crash test failed; replay with BATON_CRASH_SEED=\(seed) BATON_CRASH_TRIALS=\(trials)
                \(run.failures.prefix(10).joined(separator: "\n\n"))

                trial log (seed \(seed)):
                \(run.log.suffix(300).joined(separator: "\n"))
                """)
        } else {
            print(
                "crash: seed \(seed), \(trials) trials, \(run.kills) kills mid-command, \(run.oracle.texts.count) saved texts checked, \(seconds) s"
            )
        }
    }
}

final class CrashRun {
    let team: Team
    let alice: Person
    let bob: Person
    var rng: SplitMix64
    var oracle = SavedTextOracle()
    var log: [String] = []
    var failures: [String] = []
    var kills = 0
    private let io: String
    private var trial = 0
    private var serial = 0
    /// The longest a write or a sync ran to completion, so kills land anywhere inside one.
    private var writeSpan = 0.040
    private var syncSpan = 0.040

    init(seed: UInt64) throws {
        rng = SplitMix64(seed: seed)
        team = try Team(["alice", "bob"])
        alice = team["alice"]
        bob = team["bob"]
        io = try team.folder.makeFolder("io")
    }

    /// One baton command: its arguments, the token it saves, and where that token must stay.
    struct Op {
        var args: [String]
        var token: String?
        var place: String?
        var isSync: Bool { args.first == "sync" }
    }

    private func token() -> String {
        serial += 1
        return "t\(trial)k\(serial)"
    }

    private func makeOp(_ person: Person) -> Op {
        let tok = token()
        let tasks = SyncSafety.taskIDs(person)
        switch rng.weighted([3, 2, 2, 1, 3]) {
        case 0:
            return Op(
                args: ["note", "crash note \(tok)"] + (rng.chance(20) ? ["--blocker"] : []), token: tok, place: "notes/"
            )
        case 1: return Op(args: ["task", "add", "crash task \(tok)"], token: tok, place: "tasks/")
        case 2 where !tasks.isEmpty:
            let id = rng.pick(tasks)
            return Op(args: ["task", "block", id, "--reason", "waiting \(tok)"], token: tok, place: "tasks/\(id).md")
        case 3 where !tasks.isEmpty:
            let id = rng.pick(tasks)
            return Op(
                args: ["task", "assign", id, rng.pick(["alice", "bob"]), "--force", "--note", "over to you \(tok)"],
                token: tok, place: "tasks/\(id).md")
        default: return Op(args: ["sync"], token: nil, place: nil)
        }
    }

    private func fail(_ message: String) {
        failures.append("trial \(trial): \(message)")
        log.append("[\(trial)] FAILED: \(message.split(separator: "\n").first ?? "")")
    }

    private func saved(_ op: Op, _ r: CommandResult, by who: String) {
        guard r.status == 0, var place = op.place, let tok = op.token else { return }
        if op.args.starts(with: ["task", "add"]) { place = "tasks/\(r.out).md" }
        oracle.record(tok, in: place, origin: "\(who): baton \(op.args.joined(separator: " ")) at trial \(trial)")
    }

    func play(trials: Int) throws {
        // Tasks for block/assign to work on, known to both clones.
        for n in 0..<3 { _ = try alice.addTask("seed task \(n)") }
        try alice.sync()
        try bob.sync()
        for t in 0..<trials {
            trial = t
            if t % 4 == 0 { teammateWorks() }

            // The victim: started, then killed after a random delay.
            let victim = makeOp(alice)
            let span = victim.isSync ? syncSpan : writeSpan
            let delay = UInt32(Double(rng.below(1000)) / 1000 * span * 1_000_000)
            let process = try alice.spawn(victim.args, ioFolder: io)
            usleep(delay)
            let status = process.kill()
            if process.killed { kills += 1 }
            let r = process.result(status: status)
            log.append(
                "[\(t)] alice: baton \(victim.args.joined(separator: " ")) killed after \(delay / 1000) ms -> \(process.killed ? "killed" : "\(status)")"
            )
            if process.killed {
                // Killed: whatever it did may or may not be there.
            } else if status == 0 {
                saved(victim, r, by: "alice")
                learnSpan(victim, r)
            } else {
                fail("the command ended on its own with an error before the kill:\n\(r)")
            }

            // Recovery: the next command runs to completion and must succeed.
            let next = rng.chance(30) ? Op(args: ["sync"], token: nil, place: nil) : makeOp(alice)
            let n = alice.baton(next.args)
            log.append(
                "[\(t)] alice: baton \(next.args.joined(separator: " ")) -> \(n.status) in \(Int(n.duration * 1000)) ms"
            )
            if n.status != 0 { fail("the command after a kill failed:\n\(n)") }
            saved(next, n, by: "alice")
            learnSpan(next, n)
            check(afterSync: next.isSync && n.status == 0)
            if failures.count > 10 { return }
        }
    }

    private func learnSpan(_ op: Op, _ r: CommandResult) {
        guard r.status == 0 else { return }
        // A moving average of how long the command takes when not killed: delays spread over it.
        if op.isSync {
            syncSpan = min(0.8 * syncSpan + 0.2 * r.duration, 1.0)
        } else {
            writeSpan = min(0.8 * writeSpan + 0.2 * r.duration, 0.5)
        }
    }

    /// Bob writes and syncs now and then, so alice's syncs have work to fetch, fast-forward and merge.
    private func teammateWorks() {
        let op = makeOp(bob)
        let r = bob.baton(op.args)
        log.append("[\(trial)] bob: baton \(op.args.joined(separator: " ")) -> \(r.status)")
        if r.status != 0 { fail("bob's command failed:\n\(r)") }
        saved(op, r, by: "bob")
        if !op.isSync {
            let s = bob.baton(["sync"])
            log.append("[\(trial)] bob: baton sync -> \(s.status)")
            if s.status != 0 { fail("bob's sync failed:\n\(s)") }
        }
    }

    private func check(afterSync: Bool) {
        let locks = SyncSafety.leftoverLocks(gitDirectory: alice.gitDirectory)
        if !locks.isEmpty { fail("lock files left after the next command: \(locks)") }
        let temporary = SyncSafety.leftoverTemporaryFiles(alice.journal)
        if !temporary.isEmpty { fail("half-written temporary files left after the next command: \(temporary)") }
        if let problem = SyncSafety.fsckProblem(alice.git, alice.journal) { fail("fsck:\n\(problem)") }
        let markers = Checks.conflictMarkers(in: alice.journal)
        if !markers.isEmpty { fail("conflict markers:\n\(markers.joined(separator: "\n"))") }
        let missing = oracle.missing(in: alice.journal).filter { !$0.origin.hasPrefix("bob") }
        if !missing.isEmpty { fail("saved text lost:\n" + missing.map(\.description).joined(separator: "\n")) }
        if afterSync {
            let status = alice.git.porcelain(alice.journal)
            if !status.isEmpty { fail("work tree not clean after a sync:\n\(status)") }
        }
    }

    func finish() {
        trial = -1
        for failed in SyncSafety.converge(team, people: [alice, bob]) { fail("final sync failed:\n\(failed)") }
        let diff = SyncSafety.differences(SyncSafety.snapshot(alice.journal), SyncSafety.snapshot(bob.journal))
        if !diff.isEmpty { fail("the clones differ after converging: \(diff)") }
        for person in [alice, bob] {
            if let problem = SyncSafety.fsckProblem(person.git, person.journal) { fail("fsck:\n\(problem)") }
            let missing = oracle.missing(in: person.journal)
            if !missing.isEmpty {
                fail("saved text lost in \(person.journal):\n" + missing.map(\.description).joined(separator: "\n"))
            }
            let status = person.git.porcelain(person.journal)
            if !status.isEmpty { fail("\(person.journal) not clean:\n\(status)") }
            let locks = SyncSafety.leftoverLocks(gitDirectory: person.gitDirectory)
            if !locks.isEmpty { fail("lock files left in \(person.journal): \(locks)") }
        }
        if let bare = team.bareRepo, let problem = SyncSafety.fsckProblem(team.witness.git, bare) {
            fail("fsck of the remote:\n\(problem)")
        }
    }
}
