import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Nudges, mentions and the seen state of one device, with a fixed clock (`BATON_NOW`): `inbox` groups
/// asks by urgency and marks what is new, mentions stay until `inbox --seen`, `remind` and `sync --watch`
/// tell each new thing once, `standup --new` shows what arrived since the last look, and none of it is
/// ever committed.
@Suite("Nudges and mentions", .serialized)
struct NudgeTests {
    /// Tuesday 24 Nov 2026, 09:00 UTC: a working day, so windows in working time and wall-clock agree.
    static let start = "2026-11-24T09:00:00+00:00"

    /// `start` plus `hours`, as ISO 8601.
    static func at(hours: Double) -> String {
        iso(Date(timeIntervalSince1970: 1_795_510_800 + hours * 3600))
    }

    /// ISO 8601 in UTC, written `+00:00`.
    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date).replacingOccurrences(of: "Z", with: "+00:00")
    }

    static func clock(_ iso: String) -> [String: String] { ["BATON_NOW": iso] }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not an object: \(text)")
    }

    static func items(_ inbox: [String: Any], _ key: String) -> [[String: Any]] {
        inbox[key] as? [[String: Any]] ?? []
    }

    @Test("the clock helper matches the start")
    func clockHelper() {
        #expect(Self.at(hours: 0) == Self.start)
        #expect(Self.at(hours: 3) == "2026-11-24T12:00:00+00:00")
    }

    @Test("remind tells each new ask, hand-off, mention and answer once, then the windows that close")
    func remindOnce() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let t0 = Self.clock(Self.start)
        let answered = try Checks.requireID(try alice.ok(["ask", "bob", "review #42?", "--within", "24h"], env: t0))
        let waiting = try Checks.requireID(
            try alice.ok(["ask", "bob", "staging password?", "--within", "24h", "--force"], env: t0))
        try alice.sync()
        try bob.sync()
        let keys = try Checks.requireID(try bob.ok(["ask", "alice", "need the keys", "--within", "24h"], env: t0))
        let task = try Checks.requireID(try bob.ok(["task", "add", "Backfill orders"], env: t0))
        try bob.ok(["task", "assign", task, "alice", "--note", "migrations done"], env: t0)
        try bob.ok(["note", "paired with @alice on retries, thanks"], env: t0)
        try bob.ok(["note", "mail alice@example.com and @alicia"], env: t0)
        try bob.ok(["reply", answered, "looks good"], env: t0)
        try bob.sync()
        try alice.sync()

        let first = try alice.ok(["remind"], env: Self.clock(Self.at(hours: 1)))
        #expect(first.stderr.isEmpty, "\(first)")
        let lines = first.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "new ask from bob: need the keys (\(keys), due in 23h)",
                "handed to you by bob: Backfill orders (\(task)): migrations done",
                "bob mentioned you in their note of 2026-11-24: paired with @alice on retries, thanks",
                "bob answered your ask \(answered): looks good",
            ], "\(first)")

        let again = try alice.ok(["remind"], env: Self.clock(Self.at(hours: 2)))
        #expect(again.stdout.isEmpty && again.stderr.isEmpty, "each nudge is told once:\n\(again)")

        // Five hours before the windows end, less than a quarter of them is left.
        let respondBy = try #require(try alice.task(keys).respondBy.flatMap(Day.parseTimestamp))
        let late = Self.iso(respondBy.addingTimeInterval(-5 * 3600))
        let closing = try alice.ok(["remind"], env: Self.clock(late))
        #expect(
            closing.stdout.split(separator: "\n").map(String.init) == [
                "ask \(keys) from bob closes in 5h: need the keys",
                "your ask \(waiting) to bob closes in 5h with no answer yet: staging password?",
            ], "\(closing)")
        #expect(try alice.ok(["remind"], env: Self.clock(late)).stdout.isEmpty)
        // remind reads only: nothing committed, nothing to commit.
        #expect(alice.git.porcelain(alice.journal).isEmpty)
        team.expectHealthy()
    }

    @Test("remind exits 0 outside a journal, with one line on stderr; a bad --soon is a usage error")
    func remindNeverFails() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let outside = try team.folder.makeFolder("elsewhere")
        let r = alice.baton(["remind"], in: outside)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.isEmpty && r.stderr.split(separator: "\n").count == 1, "\(r)")
        #expect(r.stderr.hasPrefix("baton: "), "\(r)")

        _ = try alice.ask("bob", "question", ["--within", "24h", "--force"])
        try alice.ok(["note", "a line that names @alice herself"])
        let own = try alice.ok(["remind"])
        // An ask alice made is no news to her, nor is her own mention of herself.
        #expect(own.stdout.isEmpty && own.stderr.isEmpty, "\(own)")
        let bad = alice.baton(["remind", "--soon", "soonish"])
        #expect(bad.status == 64, "\(bad)")
    }

    @Test("a mention of a handle not on the roster reaches nobody, and the writer is told at once")
    func unknownHandle() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        try alice.ok(["member", "add", "alice"])
        try alice.ok(["member", "add", "bob"])
        try alice.sync()
        try bob.sync()
        let typo = try bob.ok(["note", "ping @alcie and @alice about the keys"], env: Self.clock(Self.start))
        #expect(
            typo.stderr == "baton: warning: @alcie is not on the roster, so nobody is told; did you mean @alice?\n",
            "\(typo)")
        let plain = try bob.ok(["note", "mail alice@example.com"], env: Self.clock(Self.start))
        #expect(plain.stderr.isEmpty, "an address is not a mention:\n\(plain)")
        try bob.sync()
        try alice.sync()
        let inbox = try Self.object(try alice.ok(["inbox", "--json"], env: Self.clock(Self.at(hours: 1))).stdout)
        #expect(
            Self.items(inbox, "mentions").map { $0["text"] as? String } == ["ping @alcie and @alice about the keys"])

        // A teammate's escape sequences in a mention are shown, never sent to the terminal.
        try bob.ok(["note", "@alice \u{1B}]0;pwned\u{07} look"], env: Self.clock(Self.at(hours: 2)))
        try bob.sync()
        try alice.sync()
        let told = try alice.ok(["remind"], env: Self.clock(Self.at(hours: 3)))
        #expect(told.stdout.contains("bob mentioned you") && told.stdout.contains("pwned"), "\(told)")
        #expect(!told.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(told)")
        team.expectHealthy()
    }

    @Test("inbox groups asks by urgency with relative times, marks what is new, keeps mentions until --seen")
    func inboxUrgencyAndSeen() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let t0 = Self.clock(Self.start)
        let mine = try Checks.requireID(try alice.ok(["ask", "bob", "review #42?", "--within", "24h"], env: t0))
        try alice.sync()
        try bob.sync()
        let overdue = try Checks.requireID(try bob.ok(["ask", "alice", "sign the form", "--within", "2h"], env: t0))
        let closing = try Checks.requireID(try bob.ok(["ask", "alice", "call the bank", "--within", "4h"], env: t0))
        let later = try Checks.requireID(try bob.ok(["ask", "alice", "plan the offsite", "--within", "24h"], env: t0))
        try bob.ok(["note", "thanks @alice for the review"], env: t0)
        try bob.ok(["reply", mine, "approved"], env: t0)
        try bob.sync()
        try alice.sync()

        let now = Self.clock(Self.at(hours: 3))
        let first = try Self.object(try alice.ok(["inbox", "--json"], env: now).stdout)
        let asks = Self.items(first, "asks_to_me")
        #expect(asks.map { $0["id"] as? String } == [overdue, closing, later])
        #expect(asks.map { $0["urgency"] as? String } == ["overdue", "closing", "later"])
        #expect(asks.map { $0["new"] as? Bool } == [true, true, true])
        #expect(asks.first?["due_in_seconds"] as? Int == -3600, "\(asks)")
        let mentions = Self.items(first, "mentions")
        #expect(mentions.count == 1, "\(mentions)")
        #expect(mentions.first?["author"] as? String == "bob")
        #expect(mentions.first?["source"] as? String == "note")
        #expect(mentions.first?["text"] as? String == "thanks @alice for the review")
        #expect(mentions.first?["new"] as? Bool == true)
        #expect(Self.items(first, "answers").map { $0["id"] as? String } == [mine])

        let text = try alice.ok(["inbox"], env: now).stdout
        for expected in [
            "Overdue (1)", "Closing soon (1)", "Later (1)", "overdue by 1h", "due in 1h", "due in 21h", "Mentions (1)",
            "thanks @alice for the review",
        ] {
            #expect(text.contains(expected), "missing \(expected):\n\(text)")
        }
        #expect(!text.contains("NEW"), "the JSON look already saw everything:\n\(text)")

        // A mention in a log line arrives: only it is new.
        let rotate = try Checks.requireID(try bob.ok(["task", "add", "Rotate keys"], env: t0))
        try bob.ok(["task", "block", rotate, "--reason", "waiting for @alice"], env: Self.clock(Self.at(hours: 1)))
        try bob.sync()
        try alice.sync()
        let second = try Self.object(try alice.ok(["inbox", "--json"], env: now).stdout)
        let both = Self.items(second, "mentions")
        #expect(both.map { $0["task"] as? String } == [rotate, nil], "\(both)")
        #expect(both.map { $0["new"] as? Bool } == [true, false], "\(both)")
        #expect(Self.items(second, "asks_to_me").allSatisfy { $0["new"] as? Bool == false })

        let seen = try alice.ok(["inbox", "--seen"], env: now)
        #expect(seen.stdout == "Cleared 2 mention(s) and 1 answer(s) on this device.\n", "\(seen)")
        let cleared = try Self.object(try alice.ok(["inbox", "--json"], env: now).stdout)
        #expect(Self.items(cleared, "mentions").isEmpty && Self.items(cleared, "answers").isEmpty, "\(cleared)")
        #expect(Self.items(cleared, "asks_to_me").count == 3, "--seen clears mentions and answers only")

        // The seen state survives a sync and is never committed or pushed.
        try alice.sync()
        let synced = try Self.object(try alice.ok(["inbox", "--json"], env: now).stdout)
        #expect(Self.items(synced, "mentions").isEmpty && Self.items(synced, "answers").isEmpty)
        #expect(Files.exists(alice.gitDirectory + "/baton/seen.json"))
        #expect(alice.git.porcelain(alice.journal).isEmpty)
        let everPushed = alice.git(["log", "--all", "--name-only", "--format="]).stdout
        #expect(!everPushed.contains("seen"), "\(everPushed)")
        let bare = try #require(team.bareRepo)
        let remote = team.witness.git.run(["log", "--all", "--name-only", "--format="], in: bare).stdout
        #expect(!remote.contains("seen") && remote.contains("tasks/"), "\(remote)")

        // A new reply brings the answer back.
        try bob.sync()
        try bob.ok(["reply", mine, "and merged"], env: Self.clock(Self.at(hours: 2)))
        try bob.sync()
        try alice.sync()
        let replied = try Self.object(try alice.ok(["inbox", "--json"], env: now).stdout)
        #expect(Self.items(replied, "answers").map { $0["new"] as? Bool } == [true], "\(replied)")

        // Another device of alice's has seen nothing yet.
        let desk = try team.clone(handle: "alice", folderName: "alice-desk")
        let other = try Self.object(try desk.ok(["inbox", "--json"], env: now).stdout)
        #expect(Self.items(other, "mentions").count == 2, "\(other)")
        team.expectHealthy()
    }

    @Test("sync --watch prints a line when an ask arrives and when its window closes; --notify runs the notifier")
    func watchNudges() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        let io = try team.folder.makeFolder("io")
        let bin = try team.folder.makeFolder("bin")
        let log = team.folder.sub("notified.log")
        try Files.write(
            "#!/bin/sh\nshift\nprintf '%s|%s\\n' \"$1\" \"$2\" >> '\(log)'\n", to: bin + "/notify-send",
            executable: true)
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let env = ["BATON_NOW": Self.at(hours: 1), "PATH": path]
        let watch = try alice.spawn(
            ["sync", "--watch", "--interval", "2s", "--notify", "--soon", "30h"], env: env, ioFolder: io)
        defer { watch.kill() }
        #expect(watch.waitForLine(timeout: 10) { $0.contains("synced:") } != nil, "\(watch.result(status: -1))")

        let id = try Checks.requireID(
            try bob.ok(["ask", "alice", "need the keys", "--within", "24h"], env: Self.clock(Self.start)))
        try bob.sync()
        let arrived = watch.waitForLine(timeout: 15) { $0.contains("new ask from bob: need the keys (\(id), due in") }
        #expect(arrived != nil, "\(watch.result(status: -1))")
        let closing = watch.waitForLine(timeout: 5) { $0.contains("ask \(id) from bob closes in") }
        #expect(closing != nil, "\(watch.result(status: -1))")
        usleep(4_500_000)  // two more syncs: nothing is told twice
        watch.signal(SIGTERM)
        let r = watch.finish(timeout: 10)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r)")
        let nudgeLines = r.stdout.split(separator: "\n").filter { $0.contains(id) }
        #expect(nudgeLines.count == 2, "\(r)")
        #expect(
            nudgeLines.allSatisfy {
                $0.range(of: #"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d "#, options: .regularExpression) != nil
            })
        let notified = (Files.read(log) ?? "").split(separator: "\n").map(String.init)
        #expect(notified.count == 2, "\(notified)")
        #expect(notified.first?.hasPrefix("baton|new ask from bob: need the keys") == true, "\(notified)")
        team.expectHealthy()
    }

    @Test("--notify without notify-send warns once and still prints")
    func notifyMissing() throws {
        let (team, alice) = try Team.solo()
        defer { team.shutdown() }
        let empty = try team.folder.makeFolder("no-programs")
        let r = alice.baton(["remind", "--notify"], env: ["PATH": empty])
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr.contains("no notify-send") && r.stderr.split(separator: "\n").count == 1, "\(r)")
        let misuse = alice.baton(["sync", "--notify"])
        #expect(misuse.status == 64, "\(misuse)")
    }

    @Test("standup --new shows what arrived since the last look, late notes included, never my own")
    func standupNew() throws {
        let team = try Team(["alice", "bob"])
        defer { team.shutdown() }
        let alice = team["alice"]
        let bob = team["bob"]
        try bob.ok(["note", "first from bob"], env: Self.clock(Self.start))
        try alice.ok(["note", "alice's own line"], env: Self.clock(Self.start))
        try bob.sync()
        try alice.sync()
        let look = try alice.ok(["standup", "--new"], env: Self.clock(Self.at(hours: 1))).stdout
        #expect(look.contains("first look on this device") && look.contains("first from bob"), "\(look)")
        #expect(!look.contains("alice's own line"), "\(look)")
        let nothing = try alice.ok(["standup", "--new"], env: Self.clock(Self.at(hours: 1))).stdout
        #expect(nothing.contains("Nothing new."), "\(nothing)")

        try bob.ok(["note", "second from bob"], env: Self.clock(Self.at(hours: 2)))
        // Written on Monday offline, delivered only now.
        try bob.ok(["note", "late from monday"], env: Self.clock(Self.at(hours: -20)))
        try bob.sync()
        try alice.sync()
        let json = try Self.object(
            try alice.ok(["standup", "--new", "--json"], env: Self.clock(Self.at(hours: 3))).stdout)
        let notes = json["notes"] as? [[String: String]] ?? []
        #expect(
            notes.map { String(($0["text"] ?? "").dropFirst(6)) } == ["late from monday", "second from bob"], "\(json)")
        #expect(notes.map { $0["day"] } == ["2026-11-23", "2026-11-24"], "\(json)")
        #expect(json["since"] as? String == Self.at(hours: 1), "\(json)")
        #expect(alice.git.porcelain(alice.journal).isEmpty)
        let misuse = alice.baton(["standup", "--new", "--date", "yesterday"])
        #expect(misuse.status == 64, "\(misuse)")
        team.expectHealthy()
    }
}
