/// How one path differs, index against HEAD and work tree against index, as libgit2's status flags
/// say it; `StatusEntry.Change` is derived from them the same way for both status implementations.
package struct StatusFlags: OptionSet {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }
    package static let indexNew = StatusFlags(rawValue: 1)
    package static let indexModified = StatusFlags(rawValue: 2)
    package static let indexDeleted = StatusFlags(rawValue: 4)
    package static let worktreeNew = StatusFlags(rawValue: 8)
    package static let worktreeModified = StatusFlags(rawValue: 16)
    package static let worktreeDeleted = StatusFlags(rawValue: 32)

    /// The change `Repository.status()` reports for these flags (no conflicts here).
    package var change: StatusEntry.Change {
        if !intersection([.worktreeDeleted, .indexDeleted]).isEmpty && !contains(.worktreeNew) { return .deleted }
        if !intersection([.worktreeNew, .indexNew]).isEmpty { return .added }
        return .modified
    }

    /// Status entries for `changes`, sorted by path bytes like libgit2's status list.
    package static func entries(_ changes: [String: StatusFlags]) -> [StatusEntry] {
        changes.filter { !$0.value.isEmpty }
            .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .map { StatusEntry(path: $0.key, change: $0.value.change) }
    }
}
