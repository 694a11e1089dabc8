import CGit2
import Foundation

/// The one place that decides, before anything is written, whether baton's hand-written fast paths
/// over git's formats (the work-tree scan, blobs made from raw bytes, the raw index splice, raw tree
/// edits) may run for a repository. They give `git add`'s answer only when git would store a file's
/// bytes unchanged and the index holds nothing they do not understand; for anything else the reason
/// is named and libgit2 (with baton's clean-filter runner) does the work.
/// `BATON_GIT_FAST_PATHS=0` in the environment declines them everywhere.
public struct FastPathPolicy {
    let repository: Repository

    public init(repository: Repository) { self.repository = repository }

    /// Whether the environment turned the fast paths off.
    public static var disabledByEnvironment: Bool { FastPathSwitch.disabledByEnvironment }

    /// Why file contents may not be taken as raw bytes (filters, line-ending conversion, attributes),
    /// or nil when git would store every file of this repository byte for byte. `paths` are the
    /// journal-relative paths about to be committed: their folders' `.gitattributes` count too.
    public func contentRefusal(paths: [String] = []) -> String? {
        if Self.disabledByEnvironment { return "BATON_GIT_FAST_PATHS=0" }
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, repository.pointer) == 0 else { return "cannot read git config" }
        defer { git_config_free(config) }
        func setting(_ key: String) -> String? {
            var buf = git_buf()
            defer { git_buf_dispose(&buf) }
            guard git_config_get_string_buf(&buf, config, key) == 0, let text = buf.ptr else { return nil }
            return String(cString: text).lowercased()
        }
        if let crlf = setting("core.autocrlf"), crlf != "false" { return "core.autocrlf is \(crlf)" }
        for key in ["core.eol", "core.safecrlf", "core.attributesfile"] where setting(key) != nil {
            return "\(key) is set"
        }
        if let ignoreCase = setting("core.ignorecase"), ignoreCase != "false" { return "core.ignorecase is set" }
        if let symlinks = setting("core.symlinks"), symlinks == "false" { return "core.symlinks is false" }
        if hasFilterSettings(config) { return "a filter driver is configured" }
        let env = ProcessInfo.processInfo.environment
        let xdg =
            env["XDG_CONFIG_HOME"].map { $0 + "/git/attributes" }
            ?? env["HOME"].map { $0 + "/.config/git/attributes" }
        for file in [repository.gitDirectory + "/info/attributes", "/etc/gitattributes", xdg].compactMap({ $0 })
        where access(file, F_OK) == 0 {
            return "\(file) exists"
        }
        var folders: Set<String> = [""]
        for path in paths {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        for folder in folders {
            let file = folder.isEmpty ? ".gitattributes" : folder + "/.gitattributes"
            var st = FileStatus()
            if lstat(repository.workTree + "/" + file, &st) == 0 { return "\(file) exists" }
        }
        return nil
    }

    /// Why the raw index `index` may not be read or spliced by hand, or nil when it may
    /// (`IndexFastPathCheck`, the index format's part of this decision).
    func indexRefusal(_ index: IndexFile) -> String? {
        IndexFastPathCheck.refusal(index)
    }

    /// Whether the index on disk may be read and spliced by hand, with the reason when not.
    func indexRefusal() -> String? {
        guard let index = try? repository.indexFileCache.file(at: repository.gitDirectory + "/index") else {
            return "the index is missing or in a version the fast path does not read"
        }
        return indexRefusal(index)
    }

    /// Why the fast paths may not run for a write of `paths` at all (contents or index), or nil.
    public func refusal(paths: [String] = []) -> String? {
        contentRefusal(paths: paths) ?? indexRefusal()
    }

    /// True when any `filter.<driver>` setting exists in git's config.
    var hasFilterDrivers: Bool {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, repository.pointer) == 0 else { return true }
        defer { git_config_free(config) }
        return hasFilterSettings(config)
    }

    /// True when any `filter.*` setting exists (a clean or smudge driver, `process`, `required`).
    private func hasFilterSettings(_ config: OpaquePointer?) -> Bool {
        var found = false
        let walked = ConfigEntries.forEach(in: config, prefix: "filter.") { _, _ in
            found = true
            return false
        }
        return found || !walked
    }
}
