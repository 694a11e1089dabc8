import Foundation
import Testing

/// A task or ask as printed by `task show --json` / `task list --json` / `inbox --json`.
public struct TaskJSON: Decodable, Sendable {
    public struct LogEntry: Decodable, Sendable {
        public let at: String
        public let author: String
        public let text: String
    }
    public let id: String
    public let kind: String
    public let title: String
    public let status: String
    public let owner: String?
    public let created: String
    public let updated: String
    public let due: String?
    public let tags: [String]
    public let blockedReason: String?
    public let from: String?
    public let to: String?
    public let respondBy: String?
    public let description: String?
    public let log: [LogEntry]
    public let overdue: Bool

    /// Whether some log line by `author` (any author when nil) contains `text`.
    public func logs(_ text: String, by author: String? = nil) -> Bool {
        log.contains { $0.text.contains(text) && (author == nil || $0.author == author) }
    }
}

public struct InboxJSON: Decodable, Sendable {
    public let asksToMe: [TaskJSON]
    public let handoffs: [TaskJSON]
    public let myTasks: [TaskJSON]
    public let answers: [TaskJSON]
}

public enum Checks {
    /// Every key a task object must have, even when its value is null.
    public static let taskKeys = [
        "id", "kind", "title", "status", "owner", "created", "updated", "due", "tags",
        "blocked_reason", "from", "to", "respond_by", "description", "log", "overdue",
    ]
    public static let idAlphabet = "23456789abcdefghjkmnpqrstuvwxyz"
    public static let idPattern = "^[\(idAlphabet)]{6}$"

    public static func isID(_ s: String) -> Bool {
        s.range(of: idPattern, options: .regularExpression) != nil
    }

    /// stdout must be exactly `<id>\n`.
    public static func requireID(_ r: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> String
    {
        let id = String(r.stdout.dropLast())
        try #require(
            r.stdout.hasSuffix("\n") && isID(id),
            "stdout must be only a 6-character id and a newline:\n\(r)", sourceLocation: sourceLocation)
        return id
    }

    public static func decode<T: Decodable>(
        _ type: T.Type, _ text: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(T.self, from: Data(text.utf8))
        } catch {
            Issue.record("stdout is not the expected JSON (\(error)):\n\(text)", sourceLocation: sourceLocation)
            throw error
        }
    }

    public static func missingKeys(_ object: Any) -> [String] {
        guard let dict = object as? [String: Any] else { return ["(not an object)"] }
        return taskKeys.filter { dict[$0] == nil }
    }

    public static func decodeTask(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> TaskJSON
    {
        if let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) {
            let missing = missingKeys(object)
            #expect(missing.isEmpty, "task JSON lacks keys \(missing):\n\(text)", sourceLocation: sourceLocation)
        }
        return try decode(TaskJSON.self, text, sourceLocation: sourceLocation)
    }

    /// The tasks of `task list --json` (`{"tasks": [...], "unreadable": [...]}`), each checked for every key.
    public static func decodeTaskArray(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [TaskJSON]
    {
        struct Listing: Decodable {
            let tasks: [TaskJSON]
            let unreadable: [[String: String]]
        }
        let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        for task in object?["tasks"] as? [Any] ?? [] {
            let missing = missingKeys(task)
            #expect(missing.isEmpty, "task JSON lacks keys \(missing):\n\(text)", sourceLocation: sourceLocation)
        }
        return try decode(Listing.self, text, sourceLocation: sourceLocation).tasks
    }

    /// The events of `history --json` or `log --json` (`{"events": [...], "unreadable": [...]}`).
    public static func historyEvents(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [[String: Any]]
    {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["unreadable"] is [Any], "no unreadable list:\n\(text)", sourceLocation: sourceLocation)
        return try #require(
            object?["events"] as? [[String: Any]], "no events:\n\(text)", sourceLocation: sourceLocation)
    }

    public static let stackTraceSigns = [
        "Fatal error", "Stack dump", "Current stack trace", "Backtrace", "backtrace",
        "💣", "Segmentation fault", "Illegal instruction", "PLEASE submit a bug report",
        "Thread 0", "Swift runtime failure",
    ]

    /// A failure the user can act on: the documented exit code, exactly one line on stderr,
    /// no crash or stack trace.
    public static func expectCleanFailure(
        _ r: CommandResult, exitCode: Int32,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(r.status == exitCode, "expected exit code \(exitCode):\n\(r)", sourceLocation: sourceLocation)
        #expect(r.stderrLines.count == 1, "expected exactly one line on stderr:\n\(r)", sourceLocation: sourceLocation)
        let signs = stackTraceSigns.filter { r.stderr.contains($0) || r.stdout.contains($0) }
        #expect(signs.isEmpty, "looks like a crash or stack trace (\(signs)):\n\(r)", sourceLocation: sourceLocation)
        #expect(
            r.stderr.range(of: #"#\d+\s+0x[0-9a-f]+"#, options: .regularExpression) == nil,
            "stack frames on stderr:\n\(r)", sourceLocation: sourceLocation)
    }

    /// Lines that look like merge conflict markers, as `path:line: text`.
    public static func conflictMarkers(in root: String) -> [String] {
        var found: [String] = []
        for rel in Files.workTreeFiles(root) {
            guard let text = Files.read((root as NSString).appendingPathComponent(rel)) else { continue }
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.hasPrefix("<<<<<<<") || line.hasPrefix(">>>>>>>") || line == "======="
                    || line.hasPrefix("||||||| ")
                {
                    found.append("\(rel):\(n + 1): \(line)")
                }
            }
        }
        return found
    }

    /// `git fsck --strict` clean, `git status --porcelain` empty, no conflict markers.
    /// `fsckIgnoring` names fsck checks that the history is known to fail (a teammate's hostile commit).
    public static func expectHealthy(
        _ person: Person, fsckIgnoring: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let fsck = person.git(fsckIgnoring.flatMap { ["-c", "fsck.\($0)=ignore"] } + ["fsck", "--strict"])
        #expect(fsck.status == 0, "git fsck --strict in \(person.journal):\n\(fsck)", sourceLocation: sourceLocation)
        let status = person.git(["status", "--porcelain", "--untracked-files=all"])
        #expect(
            status.status == 0 && status.out.isEmpty,
            "work tree of \(person.journal) is not clean:\n\(status)", sourceLocation: sourceLocation)
        let markers = conflictMarkers(in: person.journal)
        #expect(
            markers.isEmpty, "conflict markers in \(person.journal):\n\(markers.joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    }

    /// Nothing written by a failed command: same HEAD, clean work tree.
    public static func expectUnchanged(
        _ person: Person, head: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(person.git.head(person.journal) == head, "HEAD moved", sourceLocation: sourceLocation)
        let status = person.git.porcelain(person.journal)
        #expect(status.isEmpty, "files were written:\n\(status)", sourceLocation: sourceLocation)
    }
}

/// Days and times as the tests compute them, independently of baton.
public enum Day {
    public static func formatter(_ format: String, tz: String) -> DateFormatter {
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian)
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: tz) ?? TimeZone(secondsFromGMT: 0)!
        f.dateFormat = format
        return f
    }

    /// `YYYY-MM-DD` of `date` in `tz`.
    public static func string(_ date: Date = Date(), tz: String = "UTC") -> String {
        formatter("yyyy-MM-dd", tz: tz).string(from: date)
    }

    /// Today in `tz`, waiting out the last 20 seconds before midnight so the day cannot
    /// change between the test's computation and baton's.
    public static func today(tz: String = "UTC") -> String {
        let zone = TimeZone(identifier: tz) ?? TimeZone(secondsFromGMT: 0)!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let now = Date()
        if let next = calendar.nextDate(
            after: now, matching: DateComponents(hour: 0, minute: 0, second: 0),
            matchingPolicy: .nextTime),
            next.timeIntervalSince(now) < 20
        {
            Thread.sleep(forTimeInterval: next.timeIntervalSince(now) + 1)
        }
        return string(Date(), tz: tz)
    }

    /// The day `days` after today in `tz`.
    public static func fromToday(_ days: Int, tz: String = "UTC") -> String {
        string(Date().addingTimeInterval(Double(days) * 86_400), tz: tz)
    }

    public static func parseTimestamp(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text)
    }

    /// `±HH:MM` offset of `tz` now.
    public static func offset(tz: String) -> String {
        let seconds = (TimeZone(identifier: tz) ?? TimeZone(secondsFromGMT: 0)!).secondsFromGMT()
        let sign = seconds < 0 ? "-" : "+"
        let a = abs(seconds)
        return String(format: "%@%02d:%02d", sign, a / 3600, (a % 3600) / 60)
    }
}
