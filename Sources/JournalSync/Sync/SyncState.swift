import Foundation

/// What the last sync attempts left behind, kept in `.git/baton/sync-state.json`.
public struct SyncState: Codable, Sendable, Equatable {
    public var lastSuccess: Date?
    public var lastAttempt: Date?
    public var lastError: String?
    /// The remote branch's commit after the last successful sync, to notice a rewritten (force-pushed) remote.
    public var remoteTip: String?

    public init(lastSuccess: Date? = nil, lastAttempt: Date? = nil, lastError: String? = nil) {
        self.lastSuccess = lastSuccess
        self.lastAttempt = lastAttempt
        self.lastError = lastError
    }

    static func path(gitDirectory: String) -> String { gitDirectory + "/baton/sync-state.json" }

    static func load(gitDirectory: String) -> SyncState {
        guard let bytes = try? FileText.bytes(atPath: path(gitDirectory: gitDirectory), limit: 1 << 20)
        else { return SyncState() }
        let data = Data(bytes)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try? decoder.decode(SyncState.self, from: data)) ?? SyncState()
    }

    func save(gitDirectory: String) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? AtomicFile.write(data, to: Self.path(gitDirectory: gitDirectory))
    }
}
