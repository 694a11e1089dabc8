import Basics
import Foundation
import GitKit

/// An exclusive lock on one clone, so two baton processes never write it at once.
/// The lock file holds the owner's pid and host; the ownership itself is a `flock` on that file, which
/// the kernel drops when the process ends however it ends, so a lock left by a killed process is taken
/// over at once, and two processes taking over the same stale lock cannot both get it (a pid-only check
/// can: both see the dead pid, and the second removes the first one's fresh lock). A clean release
/// removes the file, so a file that still has content when we get it is a dead holder's.
///
/// Within one process the lock is reentrant: a command that holds it (to read, change and save a file
/// without another process writing in between) can call code that takes it again.
public final class JournalLock {
    private let path: String
    private var held = false

    /// Locks this process holds: path to file descriptor and nesting depth.
    private static let inProcess = Locked<[String: (fd: Int32, depth: Int)]>([:])

    /// Takes the lock, waiting up to `timeout` seconds for another baton process to finish.
    public init(gitDirectory: String, timeout: TimeInterval = 15) throws {
        path = gitDirectory + "/baton.lock"
        let nested = Self.inProcess.withLock { entries -> Bool in
            guard let entry = entries[path] else { return false }
            entries[path] = (entry.fd, entry.depth + 1)
            return true
        }
        if nested {
            held = true
            return
        }
        let deadline = Date().addingTimeInterval(timeout)
        let me = "\(getpid()) \(ProcessInfo.processInfo.hostName)\n"
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            if fd < 0 { throw JournalError.system("create the lock file", path) }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                // A holder releasing the lock removes the file; if we locked a file that is no longer
                // the one at `path`, start again.
                var opened = stat()
                var named = stat()
                if fstat(fd, &opened) == 0, stat(path, &named) == 0, opened.st_dev == named.st_dev,
                    opened.st_ino == named.st_ino
                {
                    let previous = Self.contents(fd)
                    ftruncate(fd, 0)
                    // Who holds the lock is advice for a waiting command; failing to write it is no reason to fail.
                    lseek(fd, 0, SEEK_SET)
                    let lockPath = path
                    try? Array(me.utf8).withUnsafeBytes { try FileDescriptorIO.writeAll(fd, $0, path: lockPath) }
                    fsync(fd)
                    let path = self.path
                    Self.inProcess.withLock { $0[path] = (fd, 1) }
                    held = true
                    let tookOverStaleLock = !previous.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    // git's own lock files a killed baton left behind are the git layer's to remove.
                    Repository.removeStaleLockFiles(gitDirectory: gitDirectory, afterDeadHolder: tookOverStaleLock)
                    if tookOverStaleLock {
                        Self.removeDeadTemporaryFiles(gitDirectory: gitDirectory)
                        Repository.removeAbandonedObjectStaging(gitDirectory: gitDirectory)
                    }
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

    /// Gives the lock up (the outermost holder in this process removes it); safe to call twice.
    public func release() {
        guard held else { return }
        held = false
        let path = self.path
        Self.inProcess.withLock { entries in
            guard let entry = entries[path] else { return }
            if entry.depth > 1 {
                entries[path] = (entry.fd, entry.depth - 1)
            } else {
                entries[path] = nil
                unlink(path)
                close(entry.fd)
            }
        }
    }

    private static func contents(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pread(fd, &buffer, buffer.count, 0)
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
    }

    /// Removes the half-written temporary files (`.<name>.baton-<pid>.tmp`, see `AtomicFile`) that baton
    /// processes which no longer run left in the work tree and in `.git/baton`.
    static func removeDeadTemporaryFiles(gitDirectory: String) {
        func isDead(_ name: String) -> Bool {
            guard let pid = AtomicFile.writerPID(ofTemporary: name) else { return false }
            return pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
        }
        let own = JournalFiles(root: gitDirectory + "/baton")
        for entry in (try? own.entries("")) ?? [] where entry.kind == .file && isDead(entry.name) {
            try? own.remove(entry.name)
        }
        guard gitDirectory.hasSuffix("/.git") else { return }
        // The work tree is walked without following links: a linked folder may be anywhere on the disk.
        let workTree = JournalFiles(root: String(gitDirectory.dropLast(5)))
        workTree.walk(
            "", failed: { _, _ in },
            visit: { path, entry in
                if path == ".git" { return false }
                if entry.kind == .file && isDead(entry.name) { try? workTree.remove(path) }
                return true
            })
    }
}
