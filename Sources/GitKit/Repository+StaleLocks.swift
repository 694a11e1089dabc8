import Foundation

extension Repository {
    /// Removes the lock files git and libgit2 leave when killed mid-write (index, HEAD, FETCH_HEAD,
    /// ORIG_HEAD, config, packed-refs, branch and remote-tracking refs) in `gitDirectory`.
    /// With `afterDeadHolder` (the caller took over the lock of a writer that died, so these locks are
    /// its), each is removed once it is a second old, waiting for a younger one so a git command started
    /// by hand right now can finish first. Otherwise only locks older than ten minutes are removed.
    public static func removeStaleLockFiles(gitDirectory: String, afterDeadHolder: Bool) {
        let fm = FileManager.default
        let topLevel = ["index", "HEAD", "FETCH_HEAD", "ORIG_HEAD", "config", "packed-refs"]
        var candidates = topLevel.map { gitDirectory + "/" + $0 + ".lock" }
        for folder in ["refs/heads", "refs/remotes/origin"] {
            let dir = gitDirectory + "/" + folder
            for name in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix(".lock") {
                candidates.append(dir + "/" + name)
            }
        }
        func modificationDate(_ path: String) -> Date? {
            (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        }
        let minimumAge: TimeInterval = afterDeadHolder ? 1 : 600
        for lock in candidates {
            guard let modified = modificationDate(lock) else { continue }
            let age = -modified.timeIntervalSinceNow
            if age < minimumAge {
                guard afterDeadHolder else { continue }
                usleep(useconds_t(min(minimumAge - age, 1) * 1_000_000))
                // Still there and untouched: the dead holder's.
                guard modificationDate(lock) == modified else { continue }
            }
            unlink(lock)
        }
    }
}
