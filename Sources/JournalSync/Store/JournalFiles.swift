import Foundation
import JournalModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The journal's files, opened relative to its root without following a symbolic link on any component
/// of a path: each folder with `O_NOFOLLOW | O_DIRECTORY`, the file itself with `O_NOFOLLOW`, missing
/// folders made with `mkdirat`, writes renamed into place inside the opened folder. A teammate can push a
/// link to anywhere (`templates/daily.md -> ~/.ssh/id_ed25519`, `notes -> /tmp`); through this type baton
/// never reads or writes outside the journal, and never reads more than a limit from one file.
struct JournalFiles: Sendable {
    /// The work tree root (itself opened normally: the user chose it).
    let root: String

    /// Notes, tasks, templates and `baton.yml` are small; a larger one is refused.
    static let textLimit = 8 << 20
    /// Attachments are copied whole into the journal and into the site; a larger one is refused.
    static let attachmentLimit = 64 << 20

    /// What an entry of a folder is, without following it.
    enum Kind: Sendable, Equatable {
        case file, folder, symbolicLink, other
    }

    /// One entry of a folder.
    struct Entry: Sendable, Equatable {
        let name: String
        let kind: Kind
    }

    // MARK: Reading

    /// The text of the file `relative` (UTF-8, invalid bytes repaired), or nil when it does not exist.
    /// Throws `symbolicLink` when it or a folder on its path is a link, `badEntry` when it is not a
    /// regular file or holds more than `limit` bytes.
    func text(_ relative: String, limit: Int = textLimit) throws -> String? {
        try withOpenFile(relative) { fd in try readText(fd, relative, limit: limit) }
    }

    /// `text` of the file `name` in `folder`, a descriptor from `openFolder(folder)`: many files of one
    /// folder are read without opening the path to it each time.
    func text(in fd: Int32, folder: String, name: String, limit: Int = textLimit) throws -> String? {
        let relative = folder + "/" + name
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/") else {
            throw JournalError.unsafePath(relative)
        }
        return try withOpenFile(in: fd, name: name, relative: relative) { fd in
            try readText(fd, relative, limit: limit)
        }
    }

    /// The bytes of the file `name` in `folder` (a descriptor from `openFolder(folder)`), refused as `text` is.
    func bytes(in fd: Int32, folder: String, name: String, limit: Int = textLimit) throws -> [UInt8]? {
        let relative = folder + "/" + name
        guard !name.isEmpty, name != ".", name != "..", !name.utf8.contains(UInt8(ascii: "/")) else {
            throw JournalError.unsafePath(relative)
        }
        return try withOpenFile(in: fd, name: name, relative: relative) { fd in try read(fd, relative, limit: limit) }
    }

    /// The bytes of the file `relative`, or nil when it does not exist; refused as `text` is.
    func data(_ relative: String, limit: Int) throws -> Data? {
        try withOpenFile(relative) { fd in Data(try read(fd, relative, limit: limit)) }
    }

    /// What `relative` is, without following it; nil when it does not exist. Throws when a folder on
    /// its path is a link.
    func kind(of relative: String) throws -> Kind? {
        let (folder, name) = try split(relative)
        guard let fd = try openFolder(folder) else { return nil }
        defer { close(fd) }
        return Self.kind(in: fd, name: name)
    }

    /// The entries of the folder `relative` ("" is the root), unsorted, without `.` and `..`; empty when
    /// it does not exist. Throws when it or a folder on its path is a link.
    func entries(_ relative: String) throws -> [Entry] {
        guard let fd = try openFolder(relative) else { return [] }
        guard let dir = fdopendir(fd) else {
            close(fd)
            return []
        }
        defer { closedir(dir) }
        var out: [Entry] = []
        while let item = readdir(dir) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(item.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .symbolicLink
            case Int32(DT_UNKNOWN): kind = Self.kind(in: dirfd(dir), name: name) ?? .other
            default: kind = .other
            }
            out.append(Entry(name: name, kind: kind))
        }
        return out
    }

    /// Journal-relative paths of the regular files under `folder` (hidden names skipped), sorted. Links
    /// are not followed: each one met, `folder` itself included, is passed to `skipped` with the error
    /// that names it.
    func regularFiles(under folder: String, skipped: (String, Error) -> Void) -> [String] {
        var out: [String] = []
        walk(folder, failed: skipped) { path, entry in
            if entry.name.hasPrefix(".") { return false }
            switch entry.kind {
            case .file: out.append(path)
            case .folder: return true
            case .symbolicLink: skipped(path, JournalError.symbolicLink(path: path))
            case .other: break
            }
            return false
        }
        return out.sorted()
    }

    /// Visits every entry under `folder` ("" is the root), depth first, never through a link: `visit`
    /// gets each entry's journal-relative path and says whether to go into a folder. A folder that cannot
    /// be listed is passed to `failed`.
    func walk(_ folder: String, failed: (String, Error) -> Void, visit: (String, Entry) -> Bool) {
        var pending = [folder]
        while let current = pending.popLast() {
            let items: [Entry]
            do {
                items = try entries(current)
            } catch {
                failed(current, error)
                continue
            }
            for item in items {
                let path = current.isEmpty ? item.name : current + "/" + item.name
                if visit(path, item) && item.kind == .folder { pending.append(path) }
            }
        }
    }

    // MARK: Writing

    /// Writes `data` to `relative` atomically (a temporary file in the same folder, fsync, `renameat`),
    /// making missing folders. Refuses, before writing anything, when `relative` or a folder on its path
    /// is a link or is not what it should be. A replaced file keeps its mode.
    func write(_ data: Data, to relative: String) throws {
        let (folder, name) = try split(relative)
        guard let fd = try openFolder(folder, create: true) else { throw JournalError.unsafePath(relative) }
        defer { close(fd) }
        var info = stat()
        var keptMode: mode_t?
        if fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
            switch Self.kind(info.st_mode) {
            case .file: keptMode = info.st_mode & 0o7777
            case .symbolicLink: throw JournalError.symbolicLink(path: relative)
            case .folder: throw JournalError.badEntry(path: relative, problem: "is a folder, where baton keeps a file")
            case .other: throw JournalError.badEntry(path: relative, problem: "is not a regular file")
            }
        }
        try AtomicFile.write(data, in: fd, name: name, keepingMode: keptMode, displayPath: relative)
    }

    /// Removes the file `relative` (a link is removed, never followed); nothing when it does not exist.
    func remove(_ relative: String) throws {
        let (folder, name) = try split(relative)
        guard let fd = try openFolder(folder) else { return }
        defer { close(fd) }
        if unlinkat(fd, name, 0) != 0 && errno != ENOENT {
            throw JournalError.system("remove", relative)
        }
    }

    // MARK: Opening

    /// An open descriptor of the folder `relative` ("" is the root), or nil when it does not exist; with
    /// `create`, missing folders are made. Throws `symbolicLink` naming the first link on the way.
    func openFolder(_ relative: String, create: Bool = false) throws -> Int32? {
        if !relative.isEmpty { try Journal.checkRelative(relative) }
        var fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw JournalError.notAJournal(path: root) }
        var walked = ""
        for part in relative.split(separator: "/").map(String.init) {
            walked = walked.isEmpty ? part : walked + "/" + part
            let flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
            var next = openat(fd, part, flags)
            if next < 0 && errno == ENOENT && create {
                if mkdirat(fd, part, 0o755) != 0 && errno != EEXIST {
                    let code = errno
                    close(fd)
                    throw JournalError.system("create", walked, errno: code)
                }
                next = openat(fd, part, flags)
            }
            if next < 0 {
                let code = errno
                let kind = Self.kind(in: fd, name: part)
                close(fd)
                if code == ENOENT && kind == nil { return nil }
                switch kind {
                case .symbolicLink: throw JournalError.symbolicLink(path: walked)
                case .folder, nil:
                    throw JournalError.system("open", walked, errno: code)
                case .file, .other: throw JournalError.badEntry(path: walked, problem: "is not a folder")
                }
            }
            close(fd)
            fd = next
        }
        return fd
    }

    /// Runs `body` on the open file `relative`; nil when it (or a folder on its path) does not exist.
    private func withOpenFile<T>(_ relative: String, _ body: (Int32) throws -> T) throws -> T? {
        let (folder, name) = try split(relative)
        guard let dir = try openFolder(folder) else { return nil }
        defer { close(dir) }
        return try withOpenFile(in: dir, name: name, relative: relative, body)
    }

    /// Runs `body` on the file `name` of the open folder `dir`, opened without following a link.
    private func withOpenFile<T>(
        in dir: Int32, name: String, relative: String, _ body: (Int32) throws -> T
    ) throws -> T? {
        // O_NONBLOCK: a pipe in the work tree cannot hang the read (it is refused as not a file).
        let fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            switch Self.kind(in: dir, name: name) {
            case nil: return nil
            case .symbolicLink: throw JournalError.symbolicLink(path: relative)
            case .folder: throw JournalError.badEntry(path: relative, problem: Self.folderProblem)
            case .file, .other:
                throw JournalError.system("read", relative, errno: code)
            }
        }
        defer { close(fd) }
        return try body(fd)
    }

    private func read(_ fd: Int32, _ relative: String, limit: Int) throws -> [UInt8] {
        try explained(fd, relative, limit: limit) { () throws(FileText.Failure) in try FileText.bytes(fd, limit: limit)
        }
    }

    private func readText(_ fd: Int32, _ relative: String, limit: Int) throws -> String {
        try explained(fd, relative, limit: limit) { () throws(FileText.Failure) in try FileText.text(fd, limit: limit) }
    }

    /// `body`'s result, its failure turned into an error that names `relative`.
    private func explained<T>(
        _ fd: Int32, _ relative: String, limit: Int, _ body: () throws(FileText.Failure) -> T
    ) throws -> T {
        do {
            return try body()
        } catch .notRegular {
            var info = stat()
            let isFolder = fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            throw JournalError.badEntry(
                path: relative, problem: isFolder ? Self.folderProblem : "is not a regular file")
        } catch .tooLarge {
            throw JournalError.badEntry(
                path: relative, problem: "is larger than \(limit >> 20) MB, more than a journal file holds")
        } catch .system(let code) {
            throw JournalError.system("read", relative, errno: code)
        }
    }

    /// The folder part and the name of a journal-relative path, after checking it stays in the journal.
    private func split(_ relative: String) throws -> (folder: String, name: String) {
        try Journal.checkRelative(relative)
        guard let slash = relative.lastIndex(of: "/") else { return ("", relative) }
        return (String(relative[..<slash]), String(relative[relative.index(after: slash)...]))
    }

    private static let folderProblem = "is a folder, where baton expects a file"

    private static func kind(in folder: Int32, name: String) -> Kind? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return kind(info.st_mode)
    }

    private static func kind(_ mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }
}
