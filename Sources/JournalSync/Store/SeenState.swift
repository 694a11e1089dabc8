import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the person using this clone has seen, on this device only: kept in `.git/baton/seen.json`, never in
/// the synced journal (each laptop keeps its own, and sync never commits or merges it).
///
/// Every entry is a set of keys that the reading views give their items (an ask, a hand-off, a mention, an
/// answer, a note bullet); a set is replaced by the keys present when it is saved, so it never grows
/// beyond what the views still show.
public struct SeenState: Codable, Sendable, Equatable {
    /// Keys of the inbox's items at the last `baton inbox`, so the next one marks what is new; nil before
    /// the first look.
    public var inboxLooked: Set<String>?
    /// Mentions and answers `baton inbox --seen` cleared.
    public var cleared: Set<String> = []
    /// Note bullets shown by the last `baton standup --new`, and when it ran; nil before the first.
    public var standupShown: Set<String>?
    public var standupLookedAt: Date?
    /// Nudges `baton remind` or `sync --watch` already printed.
    public var told: Set<String>?

    public init() {}

    static func path(gitDirectory: String) -> String { gitDirectory + "/baton/seen.json" }

    /// The state saved in `gitDirectory`, or an empty one (a missing or damaged file is a fresh start).
    static func load(gitDirectory: String) -> SeenState {
        guard let bytes = try? FileText.bytes(atPath: path(gitDirectory: gitDirectory), limit: 8 << 20)
        else { return SeenState() }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try? decoder.decode(SeenState.self, from: Data(bytes))) ?? SeenState()
    }

    func save(gitDirectory: String) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: Self.path(gitDirectory: gitDirectory))
    }
}

extension Journal {
    /// What this device has seen (`.git/baton/seen.json`).
    public func seenState() -> SeenState {
        SeenState.load(gitDirectory: gitDirectory)
    }

    /// Reads, changes and saves the seen state under its own small lock (an `flock` on `.git/baton/seen.flock`,
    /// a file that stays), so a `remind` and a `sync --watch` never lose each other's update; it never waits for
    /// the journal's lock.
    @discardableResult
    public func updateSeenState<T>(_ change: (inout SeenState) throws -> T) throws -> T {
        try SeenState.update(gitDirectory: gitDirectory, change)
    }
}

extension SeenState {
    /// `Journal.updateSeenState`, on the files of `gitDirectory`.
    static func update<T>(gitDirectory: String, _ change: (inout SeenState) throws -> T) throws -> T {
        let folder = gitDirectory + "/baton"
        let lockPath = folder + "/seen.flock"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw JournalError.system("create the folder", folder)
        }
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if fd < 0 { throw JournalError.system("open the seen-state lock", lockPath) }
        defer { close(fd) }
        _ = flock(fd, LOCK_EX)
        defer { _ = flock(fd, LOCK_UN) }
        var state = load(gitDirectory: gitDirectory)
        let result = try change(&state)
        do {
            try state.save(gitDirectory: gitDirectory)
        } catch {
            throw JournalError(error) ?? error
        }
        return result
    }
}
