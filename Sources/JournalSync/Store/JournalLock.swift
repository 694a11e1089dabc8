import Foundation

/// An exclusive lock on one clone, so two baton processes never write it at once.
/// The lock file holds the owner's pid and host; the ownership itself is a `flock` on that file, which
/// the kernel drops when the process ends however it ends, so a lock left by a killed process is taken
/// over at once, and two processes taking over the same stale lock cannot both get it (a pid-only check
/// can: both see the dead pid, and the second removes the first one's fresh lock). A clean release
/// removes the file, so a file that still has content when we get it is a dead holder's.
public final class JournalLock {
    private let path: String
    private var fd: Int32 = -1
    private var held = false

    /// Takes the lock, waiting up to `timeout` seconds for another baton process to finish.
    public init(gitDirectory: String, timeout: TimeInterval = 15) throws {
        path = gitDirectory + "/baton.lock"
        let deadline = Date().addingTimeInterval(timeout)
        let me = "\(getpid()) \(ProcessInfo.processInfo.hostName)\n"
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            if fd < 0 { throw JournalError.git(operation: "lock \(path)", message: String(cString: strerror(errno))) }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                // A holder releasing the lock removes the file; if we locked a file that is no longer
                // the one at `path`, start again.
                var opened = stat()
                var named = stat()
                if fstat(fd, &opened) == 0, stat(path, &named) == 0, opened.st_dev == named.st_dev, opened.st_ino == named.st_ino {
                    let previous = Self.contents(fd)
                    ftruncate(fd, 0)
                    _ = me.withCString { pwrite(fd, $0, strlen($0), 0) }
                    fsync(fd)
                    self.fd = fd
                    held = true
                    let tookOverStaleLock = !previous.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    Self.removeStaleGitLocks(gitDirectory: gitDirectory, afterDeadHolder: tookOverStaleLock)
                    return
                }
            }
            let holder = Self.contents(fd).trimmingCharacters(in: .whitespacesAndNewlines)
            close(fd)
            if Date() > deadline {
                throw JournalError.busy(holder: "pid \(holder.isEmpty ? "?" : holder)")
            }
            usleep(20_000)
        }
    }

    deinit { release() }

    /// Gives the lock up; safe to call twice.
    public func release() {
        if held {
            unlink(path)
            close(fd)
        }
        held = false
        fd = -1
    }

    private static func contents(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pread(fd, &buffer, buffer.count, 0)
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
    }

    /// Removes git lock files a killed baton left behind (index, HEAD, config, branch refs). After
    /// taking over a dead baton's lock they are its: each is removed once it is a second old (waiting for
    /// a younger one, so a git command started by hand right now can finish first). Otherwise only locks
    /// older than ten minutes are removed.
    static func removeStaleGitLocks(gitDirectory: String, afterDeadHolder: Bool) {
        let fm = FileManager.default
        var candidates = ["index.lock", "HEAD.lock", "config.lock", "packed-refs.lock"].map { gitDirectory + "/" + $0 }
        for folder in ["refs/heads", "refs/remotes/origin"] {
            let dir = gitDirectory + "/" + folder
            for name in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix(".lock") {
                candidates.append(dir + "/" + name)
            }
        }
        let minimumAge: TimeInterval = afterDeadHolder ? 1 : 600
        for lock in candidates {
            guard let modified = (try? fm.attributesOfItem(atPath: lock))?[.modificationDate] as? Date else { continue }
            let age = -modified.timeIntervalSinceNow
            if age < minimumAge {
                guard afterDeadHolder else { continue }
                usleep(useconds_t(min(minimumAge - age, 1) * 1_000_000))
                // Still there and untouched: the dead holder's.
                guard let again = (try? fm.attributesOfItem(atPath: lock))?[.modificationDate] as? Date, again == modified
                else { continue }
            }
            unlink(lock)
        }
    }
}
