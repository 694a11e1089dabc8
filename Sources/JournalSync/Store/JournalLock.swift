import Foundation

/// An exclusive lock on one clone, so two baton processes never write it at once.
/// The lock file holds the owner's pid and host; a lock whose process is gone is taken over.
public final class JournalLock {
    private let path: String
    private var held = false

    /// Takes the lock, waiting up to `timeout` seconds for another baton process to finish.
    public init(gitDirectory: String, timeout: TimeInterval = 15) throws {
        path = gitDirectory + "/baton.lock"
        let deadline = Date().addingTimeInterval(timeout)
        let host = ProcessInfo.processInfo.hostName
        let me = "\(getpid()) \(host)\n"
        var tookOverStaleLock = false
        while true {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd >= 0 {
                _ = me.withCString { write(fd, $0, strlen($0)) }
                fsync(fd)
                close(fd)
                held = true
                Self.removeStaleGitLocks(gitDirectory: gitDirectory, olderThan: tookOverStaleLock ? 1 : 600)
                return
            }
            if errno != EEXIST { throw JournalError.git(operation: "lock \(path)", message: String(cString: strerror(errno))) }
            if Self.holderIsGone(lockPath: path, host: host) {
                // A killed process left its lock: remove it only if it is still the same stale file.
                unlink(path)
                tookOverStaleLock = true
                continue
            }
            if Date() > deadline {
                let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
                throw JournalError.busy(holder: "pid \(holder)")
            }
            usleep(50_000)
        }
    }

    deinit { release() }

    /// Gives the lock up; safe to call twice.
    public func release() {
        if held { unlink(path) }
        held = false
    }

    /// Removes git lock files a killed baton left behind (index, HEAD, branch refs). After taking over a
    /// dead baton's lock, any lock older than a second is its; otherwise only locks older than ten
    /// minutes are removed, so a git command running right now keeps its lock.
    static func removeStaleGitLocks(gitDirectory: String, olderThan seconds: TimeInterval) {
        let fm = FileManager.default
        var candidates = ["index.lock", "HEAD.lock", "config.lock", "packed-refs.lock"].map { gitDirectory + "/" + $0 }
        for folder in ["refs/heads", "refs/remotes/origin"] {
            let dir = gitDirectory + "/" + folder
            for name in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix(".lock") {
                candidates.append(dir + "/" + name)
            }
        }
        for lock in candidates {
            guard let attrs = try? fm.attributesOfItem(atPath: lock), let modified = attrs[.modificationDate] as? Date
            else { continue }
            if -modified.timeIntervalSinceNow >= seconds { unlink(lock) }
        }
    }

    private static func holderIsGone(lockPath: String, host: String) -> Bool {
        guard let text = try? String(contentsOfFile: lockPath, encoding: .utf8) else { return false }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard let first = parts.first, let pid = pid_t(first) else {
            // Unreadable content: treat as stale once it is older than a minute.
            let attrs = try? FileManager.default.attributesOfItem(atPath: lockPath)
            let age = (attrs?[.modificationDate] as? Date).map { -$0.timeIntervalSinceNow } ?? 0
            return age > 60
        }
        if parts.count > 1, String(parts[1]) != host { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
