/// How one path differs, index against HEAD and work tree against index, as libgit2's status flags
/// say it; `StatusEntry.Change` is derived from them the same way for both status implementations.
struct StatusFlags: OptionSet {
    let rawValue: UInt8
    static let indexNew = StatusFlags(rawValue: 1)
    static let indexModified = StatusFlags(rawValue: 2)
    static let indexDeleted = StatusFlags(rawValue: 4)
    static let worktreeNew = StatusFlags(rawValue: 8)
    static let worktreeModified = StatusFlags(rawValue: 16)
    static let worktreeDeleted = StatusFlags(rawValue: 32)

    /// The change `Repository.status()` reports for these flags (no conflicts here).
    var change: StatusEntry.Change {
        if !intersection([.worktreeDeleted, .indexDeleted]).isEmpty && !contains(.worktreeNew) { return .deleted }
        if !intersection([.worktreeNew, .indexNew]).isEmpty { return .added }
        return .modified
    }

    /// Status entries for `changes`, sorted by path bytes like libgit2's status list.
    static func entries(_ changes: [String: StatusFlags]) -> [StatusEntry] {
        changes.filter { !$0.value.isEmpty }
            .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .map { StatusEntry(path: $0.key, change: $0.value.change) }
    }
}
