import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `baton sync --watch`: delivers local changes soon, logs one line per sync, backs off while the remote
/// is away, delivers queued work when it is back, and stops cleanly on SIGTERM and SIGINT.
@Suite("Watch")
struct WatchTests {
    /// `2026-11-25 12:00:00 +00:00 synced: …` or `… sync failed: …`.
    static let syncLine = #"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (Z|[+-]\d\d:\d\d) (synced|sync failed): .+"#

    static func isSyncLine(_ line: String) -> Bool { line.range(of: syncLine, options: .regularExpression) != nil }

    /// Lines of a watcher's output with the moment the test first saw each.
    final class LineClock {
        private(set) var seen: [(at: Date, line: String)] = []
        let process: BackgroundBaton
        init(_ process: BackgroundBaton) { self.process = process }

        func poll() {
            let lines = process.lines
            let now = Date()
            while seen.count < lines.count { seen.append((now, lines[seen.count])) }
        }

        /// Polls for `seconds`.
        func watch(for seconds: TimeInterval) {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                poll()
                usleep(25_000)
            }
            poll()
        }

        func failures(since start: Date) -> [Date] {
            seen.filter { $0.at >= start && $0.line.contains("sync failed") }.map(\.at)
        }
    }

    @Test("delivers a local change within a few seconds, one log line per sync")
    func deliversLocalChange() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let io = try team.folder.makeFolder("io")
        let watch = try alice.spawn(["sync", "--watch", "--interval", "30s"], ioFolder: io)
        defer { watch.kill() }
        #expect(watch.waitForLine(timeout: 10) { $0.contains("synced:") } != nil, "\(watch.result(status: -1))")

        try alice.ok(["note", "delivered by the watcher"])
        let saved = Date()
        let delivered = SyncSafety.eventually(timeout: 8) {
            SyncSafety.remoteHead(team) == alice.git.head(alice.journal)
        }
        let took = Date().timeIntervalSince(saved)
        #expect(delivered, "not delivered within 8 s:\n\(watch.result(status: -1))")
        #expect(took < 6, "delivery took \(took) s")
        #expect(
            watch.waitForLine(timeout: 5) { $0.contains("pushed 1 commit(s)") } != nil, "\(watch.result(status: -1))")

        // Bob's work arrives too, at the next interval or local change.
        try bob.ok(["note", "from bob"])
        try bob.sync()
        try alice.ok(["note", "second from alice"])
        #expect(
            SyncSafety.eventually(timeout: 8) {
                (alice.read(Person.notePath("bob", Day.today())) ?? "").contains("from bob")
                    && SyncSafety.remoteHead(team) == alice.git.head(alice.journal)
            }, "\(watch.result(status: -1))")

        watch.signal(SIGTERM)
        let r = watch.finish(timeout: 10)
        #expect(r.status == 0, "\(r)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Watching ") == true, "\(r)")
        #expect(lines.last == "stopped", "\(r)")
        let middle = lines.dropFirst().dropLast()
        #expect(
            !middle.isEmpty && middle.allSatisfy(Self.isSyncLine),
            "every line but the first and last is one sync:\n\(r)")
        #expect(r.stderr.isEmpty, "\(r)")
        team.expectHealthy()
    }

    @Test("backs off while the remote is down, status says why, queued work goes out when it is back")
    func offlineBackoffAndReconnect() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let daemon = try #require(team.daemon)
        let io = try team.folder.makeFolder("io")
        let watch = try alice.spawn(["sync", "--watch", "--interval", "4s"], ioFolder: io)
        defer { watch.kill() }
        let clock = LineClock(watch)
        #expect(watch.waitForLine(timeout: 10) { $0.contains("synced:") } != nil, "\(watch.result(status: -1))")

        daemon.stop()
        let down = Date()
        try alice.ok(["note", "queued while offline"])
        clock.watch(for: 9)
        let failures = clock.failures(since: down)
        // Without backoff a failing sync would repeat every 0.2 s; with it: after ~1 s (the local
        // change), then 2 s, then 4 s (the interval caps it).
        #expect(
            (2...5).contains(failures.count),
            "failed syncs while offline: \(failures.count)\n\(watch.result(status: -1))")
        let gaps = zip(failures.dropFirst(), failures).map { $0.timeIntervalSince($1) }
        #expect(gaps.allSatisfy { $0 > 1.5 }, "retries too close: \(gaps)")
        if gaps.count >= 2 { #expect(gaps.last! > gaps.first! + 1, "no backoff: \(gaps)") }
        #expect(clock.seen.contains { $0.line.contains("sync failed: cannot reach") }, "\(watch.result(status: -1))")

        let status = try alice.ok(["status"]).stdout
        #expect(status.contains("1 commit(s) not pushed"), "\(status)")
        #expect(status.contains("Last sync failed") && status.contains("cannot reach"), "\(status)")

        try daemon.start()
        let back = Date()
        let delivered = SyncSafety.eventually(timeout: 10) {
            SyncSafety.remoteHead(team) == alice.git.head(alice.journal)
        }
        #expect(delivered, "queued work not delivered after the remote came back:\n\(watch.result(status: -1))")
        #expect(Date().timeIntervalSince(back) < 7, "delivered after \(Date().timeIntervalSince(back)) s")
        #expect(watch.waitForLine(timeout: 5) { $0.contains("synced:") && $0.contains("pushed") } != nil)

        watch.signal(SIGTERM)
        let r = watch.finish(timeout: 10)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.hasSuffix("stopped\n"), "\(r)")
        let after = try alice.ok(["status"]).stdout
        #expect(after.contains("0 commit(s) not pushed") && !after.contains("Last sync failed"), "\(after)")
        try bob.sync()
        #expect((bob.read(Person.notePath("alice", Day.today())) ?? "").contains("queued while offline"))
        team.expectHealthy()
    }

    @Test("SIGTERM and SIGINT stop it with exit 0 and a final line", arguments: [SIGTERM, SIGINT])
    func stopsOnSignal(_ sig: Int32) throws {
        let team = try Team(["alice"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let io = try team.folder.makeFolder("io")
        let watch = try alice.spawn(["sync", "--watch", "--interval", "1s"], ioFolder: io)
        defer { watch.kill() }
        #expect(watch.waitForLine(timeout: 10) { $0.contains("synced:") } != nil, "\(watch.result(status: -1))")
        try alice.ok(["note", "just before the signal"])
        usleep(300_000)
        watch.signal(sig)
        let r = watch.finish(timeout: 10)
        #expect(!r.timedOut && r.status == 0, "\(r)")
        #expect(r.stdout.hasSuffix("stopped\n"), "\(r)")
        #expect(r.stderr.isEmpty, "\(r)")
        #expect(SyncSafety.leftoverLocks(gitDirectory: alice.gitDirectory).isEmpty)
        // Whatever it was doing, the next sync finds a clean, usable clone.
        try alice.sync()
        #expect(SyncSafety.remoteHead(team) == alice.git.head(alice.journal))
        team.expectHealthy()
    }
}
