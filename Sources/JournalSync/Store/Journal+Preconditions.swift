import GitKit

extension Journal {
    /// Refuses, before anything is written, a commit that would leave git's state inconsistent: a git
    /// merge, rebase or similar in progress (or a conflicted index), an index libgit2 cannot read,
    /// or a filter driver baton cannot run.
    func checkCanCommit() throws {
        if repository.hasOperationInProgress { throw JournalError.operationInProgress }
        try checkIndexUsable()
        if try gitCall({ try repository.indexHasConflicts() }) { throw JournalError.operationInProgress }
        if let driver = repository.unrunnableFilterDriver() { throw JournalError.unrunnableFilter(driver: driver) }
    }

    /// Refuses an index baton cannot read or write faithfully (a split or sparse index).
    func checkIndexUsable() throws {
        if let problem = repository.unreadableIndexFeature() {
            throw JournalError.unsupportedIndex(feature: problem.name, remedy: problem.remedy)
        }
    }
}
