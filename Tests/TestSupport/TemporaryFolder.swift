import Foundation

/// A folder under the system's temporary directory, unique per instance, removed by
/// `remove()` or at the latest when the instance is released.
public final class TemporaryFolder: @unchecked Sendable {
    /// Absolute path with symbolic links resolved (on macOS `/var` is `/private/var`),
    /// so it compares equal to paths that baton and git print.
    public let path: String
    private let lock = NSLock()
    private var removed = false

    public init(prefix: String = "baton-itest") throws {
        let base = FileManager.default.temporaryDirectory
        let name = "\(prefix)-\(UUID().uuidString.prefix(12).lowercased())"
        let url = base.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = TemporaryFolder.realPath(url.path)
    }

    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// `path/component` (components may contain `/`).
    public func sub(_ component: String) -> String {
        (path as NSString).appendingPathComponent(component)
    }

    /// Creates `path/component` (and parents) and returns its path.
    @discardableResult
    public func makeFolder(_ component: String) throws -> String {
        let p = sub(component)
        try FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        return p
    }

    public func remove() {
        lock.lock()
        defer { lock.unlock() }
        guard !removed else { return }
        removed = true
        try? FileManager.default.removeItem(atPath: path)
    }

    deinit { remove() }

    public static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Small file helpers used by the tests (plain reads and writes, as a person with an editor would do).
public enum Files {
    public static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    public static func write(_ text: String, to path: String, executable: Bool = false) throws {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        if executable {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
    }

    public static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    public static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Relative paths of all regular files under `root`, skipping `.git`.
    public static func workTreeFiles(_ root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var result: [String] = []
        while let rel = walker.nextObject() as? String {
            if rel == ".git" || rel.hasPrefix(".git/") {
                walker.skipDescendants()
                continue
            }
            let full = (root as NSString).appendingPathComponent(rel)
            if !isDirectory(full) { result.append(rel) }
        }
        return result.sorted()
    }

    public static func contents(ofFolder path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }
}
