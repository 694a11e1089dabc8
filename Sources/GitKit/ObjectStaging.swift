import Basics
import CGit2
import Foundation

/// A folder inside `objects/` that receives the loose objects of one change, so they can be made
/// durable together rather than one at a time as libgit2 writes them (an fsync of each object, then of
/// its folder, before the next is written): written without a flush, their write-back started together,
/// then each fsynced, renamed into its fan-out folder, and those folders fsynced, all before the branch
/// moves. On a file system with a journal the first fsync commits it for all of them; on any other, the
/// disk has the data of all of them before the first flush.
///
/// Nothing outside this process sees a staged object until it is renamed into place, and the branch moves
/// only after every rename is durable, so a crash at any point leaves either whole objects or a staging
/// folder no reference needs. An object written straight into `objects/` without a flush could instead
/// survive a crash as an empty file that a later write would take for the object. A crash leaves the
/// folder behind: `removeAbandoned` sweeps it, and `git gc` removes any `tmp_` folder two weeks old.
/// git's `core.fsyncMethod=batch` stages objects the same way (`tmp-objdir.c`), with one flush for all
/// and no fsync of each file, which relies on the file system's journal to keep the renames in order.
final class ObjectStaging {
    /// A step of `publish`, in the order it happens; tests watch them through `observer`.
    enum Step: Equatable {
        case syncFile(String)
        case move(from: String, to: String)
        case syncFolder(String)
    }

    /// Sees every step of every `publish` in the process (tests only).
    static let observer = Locked<(@Sendable (Step) -> Void)?>(nil)

    static let namePrefix = "tmp_baton-"

    let objectsFolder: String
    let folder: String

    /// Creates an empty staging folder in `objectsFolder` named for this process.
    init(objectsFolder: String) throws {
        self.objectsFolder = objectsFolder
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        folder = objectsFolder + "/" + Self.namePrefix + "\(getpid())-" + random
        guard mkdir(folder, 0o777) == 0 else { throw SystemError(operation: "create", path: folder) }
    }

    /// The staged objects, as (fan-out folder name, file name) pairs, sorted.
    private func stagedObjects() throws -> [(fanOut: String, name: String)] {
        var objects: [(String, String)] = []
        for fanOut in try entries(of: folder) where fanOut.utf8.count == 2 {
            for name in try entries(of: folder + "/" + fanOut) where !name.hasPrefix("tmp_") {
                objects.append((fanOut, name))
            }
        }
        return objects.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    /// Makes every staged object durable, moves it into `objects/`, makes the moves durable, and removes
    /// the staging folder. Throws at the first step that fails, leaving the rest staged (for `discard`).
    func publish() throws {
        let objects = try stagedObjects()
        try syncFiles(objects.map { "\(folder)/\($0.fanOut)/\($0.name)" })
        var touched: [String] = []
        var createdFanOut = false
        for (fanOut, name) in objects {
            let target = objectsFolder + "/" + fanOut
            if touched.last != target {
                if mkdir(target, 0o777) == 0 {
                    createdFanOut = true
                } else if errno != EEXIST {
                    throw SystemError(operation: "create", path: target)
                }
                touched.append(target)
            }
            let from = "\(folder)/\(fanOut)/\(name)"
            let to = "\(target)/\(name)"
            Self.report(.move(from: from, to: to))
            guard rename(from, to) == 0 else { throw SystemError(operation: "rename", path: from) }
        }
        if createdFanOut { try syncFolder(objectsFolder) }
        for target in touched { try syncFolder(target) }
        discard()
    }

    /// Removes the staging folder and whatever is still in it.
    func discard() {
        Self.removeTree(folder)
    }

    /// fsyncs every file of `paths`, after starting the write-back of all of them (Linux's
    /// `sync_file_range`), so the disk receives them together rather than one flush at a time.
    private func syncFiles(_ paths: [String]) throws {
        var descriptors: [Int32] = []
        defer { for fd in descriptors { close(fd) } }
        for path in paths {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw SystemError(operation: "open", path: path) }
            descriptors.append(fd)
            _ = baton_start_writeback(fd)
        }
        for (path, fd) in zip(paths, descriptors) {
            Self.report(.syncFile(path))
            guard fsync(fd) == 0 else { throw SystemError(operation: "fsync", path: path) }
        }
    }

    private func syncFolder(_ path: String) throws {
        Self.report(.syncFolder(path))
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError(operation: "open", path: path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw SystemError(operation: "fsync", path: path) }
    }

    private static func report(_ step: Step) {
        observer.withLock { $0 }?(step)
    }

    private func entries(of path: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw SystemError(operation: "read", path: path, code: EIO)
        }
    }

    /// Removes `path`, a staging folder (two levels of plain files), without following links.
    private static func removeTree(_ path: String) {
        let fm = FileManager.default
        for fanOut in (try? fm.contentsOfDirectory(atPath: path)) ?? [] {
            let sub = path + "/" + fanOut
            for name in (try? fm.contentsOfDirectory(atPath: sub)) ?? [] { unlink(sub + "/" + name) }
            if rmdir(sub) != 0 { unlink(sub) }
        }
        rmdir(path)
    }

    /// Removes the staging folders in `objectsFolder` whose process no longer runs (a crash or a kill
    /// between staging and publishing).
    static func removeAbandoned(objectsFolder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: objectsFolder)) ?? []
        where name.hasPrefix(namePrefix) {
            let pidText = name.dropFirst(namePrefix.count).prefix { $0 != "-" }
            guard let pid = Int32(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            removeTree(objectsFolder + "/" + name)
        }
    }
}

extension Repository {
    /// Removes the object staging folders that baton processes which no longer run left in
    /// `gitDirectory/objects` (see `ObjectStaging`); their objects were never referenced.
    public static func removeAbandonedObjectStaging(gitDirectory: String) {
        ObjectStaging.removeAbandoned(objectsFolder: gitDirectory + "/objects")
    }

    /// The `objects` folder of this repository (the common one, for a linked work tree).
    var objectsFolder: String {
        String(String(cString: git_repository_commondir(pointer)).dropLast(while: { $0 == "/" })) + "/objects"
    }

    /// Runs `body`, whose object writes (blobs, trees, commits) go to a staging folder without a flush, then
    /// makes them all durable with one journal commit and moves them into `objects/`: see `ObjectStaging`.
    /// On return every object `body` wrote is durable and in place; when `body` or the move throws, none
    /// that was still staged is kept. Only this repository's writes may run meanwhile: libgit2's fsync
    /// switch is process-wide, and it is off while `body` runs.
    public func withStagedObjectWrites<T>(_ body: () throws -> T) throws -> T {
        let staging = try ObjectStaging(objectsFolder: objectsFolder)
        do {
            let result = try withObjectDatabase(stagingIn: staging.folder, body)
            try staging.publish()
            return result
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Runs `body` with an object database whose writes go, unflushed, to a loose backend over `folder`,
    /// and whose reads also see every object of the repository's own database; restores that one after.
    private func withObjectDatabase<T>(stagingIn folder: String, _ body: () throws -> T) throws -> T {
        var original: OpaquePointer?
        try check(git_repository_odb(&original, pointer), "open the object database")
        defer { git_odb_free(original) }
        var staged: OpaquePointer?
        try check(git_odb_new(&staged), "create an object database")
        defer { git_odb_free(staged) }
        var backend: UnsafeMutablePointer<git_odb_backend>?
        try check(git_odb_backend_loose(&backend, folder, -1, 0, 0, 0), "open the staging folder \(folder)")
        // Above the repository's own backends (loose 1, packs 2), so new objects are written here.
        let added = git_odb_add_backend(staged, backend, 1000)
        if added != 0, let backend { backend.pointee.free?(backend) }
        try check(added, "open the staging folder \(folder)")
        try check(git_odb_add_disk_alternate(staged, objectsFolder), "open the object database")
        try check(git_repository_set_odb(pointer, staged), "use the staging folder")
        defer { _ = git_repository_set_odb(pointer, original) }
        _ = baton_git_enable_fsync(0)
        defer { _ = baton_git_enable_fsync(1) }
        return try body()
    }
}
