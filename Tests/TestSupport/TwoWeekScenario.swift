import Foundation
import Testing

/// A planted two-week journal, built through the binary with `BATON_NOW` at every step: a four-person relay
/// team in Bangalore (priya), Berlin (tom; lena, who works Monday to Thursday) and San Francisco (sam),
/// from Monday 2026-11-16 to Friday 2026-11-27, read on Monday 2026-11-30 (`now`).
///
/// Planted: a weekend note (tom, Saturday 00:30, after midnight), an author writing after midnight (priya,
/// Thursday 00:30 in Bangalore, Wednesday evening in UTC), missing notes (priya Fri 27, lena Tue 24, sam
/// Fri 20), an on-time and a late ask of each window size (24 h: tom 3h30m and 40h; 36 h: sam 15h and 56h;
/// 48 h: priya 9h30m, lena 57h30m and one still waiting), two hand-offs of one task with notes, concurrent
/// status changes of one task from two clones (tom starts, sam blocks; blocked is kept), blockers cleared
/// (22 h and 39h30m) and one still open (119 h), and a hand edit with a typo (`status: blokced`).
/// Every expected value is stated where the fixture is used; the comments here give the instants.
public final class TwoWeekScenario: @unchecked Sendable {
    public let team: Team
    /// Each person with their own `TZ`.
    public private(set) var people: [String: Person] = [:]
    /// Task and ask ids by name: partition, index, vendor, staging, backfill, and asks a1...a7.
    public private(set) var ids: [String: String] = [:]
    /// sam's `baton sync` that committed the mistyped hand edit (Friday 27, 10:00 in San Francisco).
    public private(set) var handEditSync: CommandResult?

    /// When the scenario is read: Monday after the two weeks, 09:00 in Berlin.
    public static let now = "2026-11-30T09:00:00+01:00"
    public static let zones = [
        "priya": "Asia/Kolkata", "tom": "Europe/Berlin", "lena": "Europe/Berlin", "sam": "America/Los_Angeles",
    ]

    public subscript(handle: String) -> Person { people[handle]! }
    public func id(_ name: String) -> String { ids[name]! }

    /// The planted journal, every clone synced at the end.
    public init() throws {
        team = try Team(["priya", "tom", "lena", "sam"], tz: "Europe/Berlin")
        for (handle, zone) in Self.zones {
            var person = team[handle]
            person.tz = zone
            people[handle] = person
        }
        try plantRoster()
        try weekOne()
        try weekTwo()
        for _ in 0..<2 { for handle in ["priya", "tom", "lena", "sam"] { try sync(handle, Self.now) } }
    }

    public func shutdown() { team.shutdown() }

    // MARK: - steps

    /// Runs `baton args` as `handle` at `now` (ISO with the author's offset); throws unless it exits 0.
    @discardableResult
    public func run(_ handle: String, _ now: String, _ args: [String]) throws -> CommandResult {
        let r = self[handle].baton(args, env: ["BATON_NOW": now])
        guard r.status == 0 else { throw HarnessError("\(handle) at \(now): baton \(args) failed:\n\(r)") }
        return r
    }

    func sync(_ handle: String, _ now: String) throws { try run(handle, now, ["sync"]) }

    func note(_ handle: String, _ now: String, _ text: String) throws { try run(handle, now, ["note", text]) }

    /// A new task or ask: remembers its id under `name`.
    func make(_ name: String, _ handle: String, _ now: String, _ args: [String]) throws {
        let r = try run(handle, now, args)
        ids[name] = String(r.stdout.dropLast())
    }

    /// Syncs, runs, syncs: an action on someone else's task.
    func act(_ handle: String, _ now: String, _ args: [String]) throws {
        try sync(handle, now)
        try run(handle, now, args)
        try sync(handle, now)
    }

    /// The team's zone and the roster, written into baton.yml by hand and committed by `baton sync`.
    func plantRoster() throws {
        let priya = self["priya"]
        let config = priya.path("baton.yml")
        var text = try String(contentsOfFile: config, encoding: .utf8)
        text = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("timezone:") ? "timezone: Europe/Berlin" : String($0) }.joined(separator: "\n")
        text +=
            "\nmembers:\n  - handle: priya\n    zone: Asia/Kolkata\n  - handle: tom\n    zone: Europe/Berlin\n"
            + "  - handle: lena\n    zone: Europe/Berlin\n    workdays: [mon, tue, wed, thu]\n"
            + "  - handle: sam\n    zone: America/Los_Angeles\n"
        try Files.write(text, to: config)
        try sync("priya", "2026-11-16T08:00:00+05:30")
        for handle in ["tom", "lena", "sam"] { try sync(handle, "2026-11-16T08:00:00+05:30") }
    }

    func weekOne() throws {
        // Monday 16.
        try make("partition", "priya", "2026-11-16T09:00:00+05:30", ["task", "add", "Partition archive"])
        try note("priya", "2026-11-16T09:01:00+05:30", "started the partition archive")
        // a1, 24 h: asked 04:30Z, answered 08:00Z: 3h30m, in the window.
        try make(
            "a1", "priya", "2026-11-16T10:00:00+05:30", ["ask", "tom", "review migration 0042?", "--within", "24h"])
        try make("index", "priya", "2026-11-16T10:05:00+05:30", ["task", "add", "Index plan"])
        try sync("priya", "2026-11-16T10:06:00+05:30")
        try act("tom", "2026-11-16T09:00:00+01:00", ["reply", id("a1"), "looks good"])
        try make("backfill", "tom", "2026-11-16T09:10:00+01:00", ["task", "add", "Backfill orders"])
        try note("tom", "2026-11-16T09:11:00+01:00", "reviewed 0042")
        try note("lena", "2026-11-16T10:00:00+01:00", "drafted the design doc")
        try make("vendor", "lena", "2026-11-16T10:05:00+01:00", ["task", "add", "Vendor contract"])
        try run("priya", "2026-11-16T18:41:00+05:30", ["sync"])
        // Hand-off 1, 13:11Z.
        try act(
            "priya", "2026-11-16T18:41:00+05:30",
            ["task", "assign", id("partition"), "tom", "--note", "migrations done up to 0042, 0043-0045 left"])
        try note("sam", "2026-11-16T09:00:00-08:00", "set up staging")
        try make("staging", "sam", "2026-11-16T09:05:00-08:00", ["task", "add", "Staging deploy"])
        for handle in ["tom", "lena", "sam"] { try sync(handle, "2026-11-16T23:00:00+01:00") }

        // Tuesday 17.
        try note("priya", "2026-11-17T09:00:00+05:30", "partition 0043 in review")
        // a5, 48 h: asked Tue 04:30Z, answered Thu 14:00Z: 57h30m, late.
        try make("a5", "priya", "2026-11-17T10:00:00+05:30", ["ask", "lena", "schema sign-off?", "--within", "48h"])
        // Blocker 1: 05:30Z Tue to 03:30Z Wed, 22 h.
        try run("priya", "2026-11-17T11:00:00+05:30", ["task", "block", id("index"), "--reason", "index budget"])
        try sync("priya", "2026-11-17T11:01:00+05:30")
        try note("tom", "2026-11-17T09:00:00+01:00", "archive 0043 started")
        try note("lena", "2026-11-17T10:00:00+01:00", "design doc review")
        // a2, 24 h: asked Tue 17:00Z, answered Thu 09:00Z: 40 h, late.
        try sync("sam", "2026-11-17T09:00:00-08:00")
        try make("a2", "sam", "2026-11-17T09:00:00-08:00", ["ask", "tom", "staging credentials?", "--within", "24h"])
        try note("sam", "2026-11-17T09:01:00-08:00", "staging half up")
        try sync("sam", "2026-11-17T09:02:00-08:00")

        // Wednesday 18.
        try act("priya", "2026-11-18T09:00:00+05:30", ["task", "start", id("index")])
        try note("priya", "2026-11-18T09:01:00+05:30", "index plan unblocked")
        // a3, 36 h: asked Wed 09:00Z, answered Thu 00:00Z: 15 h, in the window.
        try sync("tom", "2026-11-18T10:00:00+01:00")
        try make("a3", "tom", "2026-11-18T10:00:00+01:00", ["ask", "sam", "API shape ok?", "--within", "36h"])
        try note("tom", "2026-11-18T10:01:00+01:00", "asked sam about the API")
        try sync("tom", "2026-11-18T10:02:00+01:00")
        try note("lena", "2026-11-18T10:00:00+01:00", "vendor call")
        try act("sam", "2026-11-18T16:00:00-08:00", ["reply", id("a3"), "yes, ship it"])
        try note("sam", "2026-11-18T16:01:00-08:00", "answered tom")

        // Thursday 19: priya writes after midnight (Wednesday 19:00Z): her Thursday.
        try note("priya", "2026-11-19T00:30:00+05:30", "after midnight: wrote the index plan")
        try act("tom", "2026-11-19T10:00:00+01:00", ["reply", id("a2"), "sent them by mail"])
        try note("tom", "2026-11-19T10:01:00+01:00", "credentials sent")
        try act("lena", "2026-11-19T15:00:00+01:00", ["reply", id("a5"), "signed off"])
        try note("lena", "2026-11-19T15:01:00+01:00", "schema signed off")
        try note("sam", "2026-11-19T09:00:00-08:00", "staging up")

        // Friday 20: no note from sam; lena's Friday is not a working day of hers.
        try note("priya", "2026-11-20T09:00:00+05:30", "index plan shared")
        try note("tom", "2026-11-20T09:00:00+01:00", "archive 0043 migrated")
        try note("lena", "2026-11-20T09:00:00+01:00", "a Friday thought")
        // Saturday 21, after midnight in Berlin (Friday 23:30Z): a weekend note.
        try note("tom", "2026-11-21T00:30:00+01:00", "late: checked the 0043 counts")
        for handle in ["priya", "tom", "lena", "sam"] { try sync(handle, "2026-11-22T12:00:00+01:00") }
    }

    func weekTwo() throws {
        // Monday 23.
        try note("priya", "2026-11-23T09:00:00+05:30", "week two")
        // a4, 36 h: asked Mon 08:00Z, answered Wed 16:00Z: 56 h, late.
        try make("a4", "lena", "2026-11-23T09:00:00+01:00", ["ask", "sam", "design doc feedback?", "--within", "36h"])
        try note("lena", "2026-11-23T09:01:00+01:00", "design doc out")
        try sync("lena", "2026-11-23T09:02:00+01:00")
        // a6, 48 h: asked Mon 10:00Z, never answered: waiting past its window (Wed 10:00Z).
        try make("a6", "tom", "2026-11-23T11:00:00+01:00", ["ask", "lena", "budget numbers?", "--within", "48h"])
        try note("tom", "2026-11-23T11:01:00+01:00", "asked lena for the budget")
        try sync("tom", "2026-11-23T11:02:00+01:00")
        try note("sam", "2026-11-23T09:00:00-08:00", "monday")
        try sync("sam", "2026-11-23T09:01:00-08:00")

        // Tuesday 24: tom starts the backfill (08:00Z) and sam blocks it (16:30Z), each on his own clone
        // before either syncs: the later change (blocked) is kept. Blocker 2: 16:30Z Tue to 08:00Z Thu, 39h30m.
        try run("tom", "2026-11-24T09:00:00+01:00", ["task", "start", id("backfill")])
        try run(
            "sam", "2026-11-24T08:30:00-08:00", ["task", "block", id("backfill"), "--reason", "staging credentials"])
        try sync("tom", "2026-11-24T09:01:00+01:00")
        try sync("sam", "2026-11-24T08:31:00-08:00")
        try sync("tom", "2026-11-24T18:00:00+01:00")
        // a7, 48 h: asked Tue 18:00Z, answered Wed 03:30Z: 9h30m, in the window.
        try make(
            "a7", "sam", "2026-11-24T10:00:00-08:00", ["ask", "priya", "index plan for orders?", "--within", "48h"])
        try note("sam", "2026-11-24T10:01:00-08:00", "backfill blocked on credentials")
        try sync("sam", "2026-11-24T10:02:00-08:00")
        try note("priya", "2026-11-24T09:00:00+05:30", "orders index")
        try note("tom", "2026-11-24T09:05:00+01:00", "backfill started")
        // No note from lena on Tuesday 24.

        // Wednesday 25.
        try act("priya", "2026-11-25T09:00:00+05:30", ["reply", id("a7"), "attached in the plan"])
        try note("priya", "2026-11-25T09:01:00+05:30", "answered sam")
        // Blocker 3, still open: since Wed 09:00Z, 119 h at now.
        try act("lena", "2026-11-25T10:00:00+01:00", ["task", "block", id("vendor"), "--reason", "legal review"])
        try note("lena", "2026-11-25T10:01:00+01:00", "vendor blocked")
        try act("sam", "2026-11-25T08:00:00-08:00", ["reply", id("a4"), "comments inline"])
        try note("sam", "2026-11-25T08:01:00-08:00", "reviewed the design doc")
        try note("tom", "2026-11-25T09:00:00+01:00", "waiting on credentials")

        // Thursday 26: tom clears the block and hands the task on (hand-off 2, 08:00Z).
        try sync("tom", "2026-11-26T09:00:00+01:00")
        try run("tom", "2026-11-26T09:00:00+01:00", ["task", "start", id("backfill")])
        try run(
            "tom", "2026-11-26T09:05:00+01:00",
            ["task", "assign", id("partition"), "sam", "--note", "0043-0044 done, 0045 left"])
        try note("tom", "2026-11-26T09:06:00+01:00", "partition to sam")
        try sync("tom", "2026-11-26T09:07:00+01:00")
        try note("priya", "2026-11-26T09:00:00+05:30", "index live")
        try note("lena", "2026-11-26T09:00:00+01:00", "legal still reviewing")
        try note("sam", "2026-11-26T09:00:00-08:00", "took the partition")

        // Friday 27: no note from priya. sam finishes the partition, blocks staging, then mistypes its status
        // by hand: the file no longer reads and is left out of every count (it is still committed).
        try note("tom", "2026-11-27T09:00:00+01:00", "friday")
        try act("sam", "2026-11-27T09:00:00-08:00", ["task", "done", id("partition")])
        try run("sam", "2026-11-27T09:30:00-08:00", ["task", "block", id("staging"), "--reason", "cluster quota"])
        try note("sam", "2026-11-27T09:31:00-08:00", "partition done")
        let staging = self["sam"].path("tasks/\(id("staging")).md")
        let text = try String(contentsOfFile: staging, encoding: .utf8)
        try Files.write(text.replacingOccurrences(of: "\nstatus: blocked\n", with: "\nstatus: blokced\n"), to: staging)
        // Made at 09:45 (its modification time), synced at 10:00.
        let edited = ISO8601DateFormatter().date(from: "2026-11-27T17:45:00Z")!
        try FileManager.default.setAttributes([.modificationDate: edited], ofItemAtPath: staging)
        handEditSync = try run("sam", "2026-11-27T10:00:00-08:00", ["sync"])
    }
}
