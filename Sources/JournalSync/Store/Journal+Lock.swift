extension Journal {
    /// Takes the clone's lock (`JournalLock`), then repairs a work-tree update a killed baton left half
    /// done (`repairInterruptedCheckout`), so the holder never reads a half-written file.
    func takeLockAndRepair() throws -> JournalLock {
        let lock = try JournalLock(gitDirectory: gitDirectory)
        try repairInterruptedCheckout()
        return lock
    }

    /// Runs `body` holding the lock `takeLockAndRepair` takes, so that reading a file, changing it and
    /// saving it is never interleaved with another baton process (a sync bringing in a teammate's
    /// version of the same file, say): without it, the save would overwrite what arrived in between.
    func withLockTaken<T>(_ body: () throws -> T) throws -> T {
        let lock = try takeLockAndRepair()
        defer { lock.release() }
        return try body()
    }
}
