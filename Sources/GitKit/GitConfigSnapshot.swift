import CGit2

/// A read-only snapshot of git's configuration as git reads it: a repository's local config over the
/// global, XDG and system files, or only those files when there is no repository yet (clone).
public final class GitConfigSnapshot {
    /// One `name = value` entry; `name` is as libgit2 gives it (section and key lower case, subsection as written).
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    let pointer: OpaquePointer

    /// The configuration `repository` sees, or git's default files when it is nil.
    init(repository: OpaquePointer?) throws {
        var config: OpaquePointer?
        if let repository {
            try check(git_repository_config_snapshot(&config, repository), "read git config")
        } else {
            var files: OpaquePointer?
            try check(git_config_open_default(&files), "read git config")
            defer { git_config_free(files) }
            try check(git_config_snapshot(&config, files), "read git config")
        }
        pointer = config!
    }

    /// The configuration of `repository` (local, global and system).
    public convenience init(_ repository: Repository) throws {
        try self.init(repository: repository.pointer)
    }

    /// git's default configuration files (global, XDG, system), as for a clone.
    public convenience init() throws {
        try self.init(repository: nil)
    }

    deinit { git_config_free(pointer) }

    /// The last value of `key`, or nil when unset.
    public func string(_ key: String) -> String? {
        var buf = git_buf()
        defer { git_buf_dispose(&buf) }
        guard git_config_get_string_buf(&buf, pointer, key) == 0, let text = buf.ptr else { return nil }
        return String(cString: text)
    }

    /// `key` read as git reads a boolean (`true`/`yes`/`on`/`1`, `false`/`no`/`off`/`0`, empty is false);
    /// nil when unset or not a boolean.
    public func bool(_ key: String) -> Bool? {
        var value: Int32 = 0
        guard git_config_get_bool(&value, pointer, key) == 0 else { return nil }
        return value != 0
    }

    /// Every entry whose name starts with `prefix` (such as `"http."`), in the order git reads them
    /// (system, global, local; within a file, top to bottom).
    public func entries(withPrefix prefix: String) -> [Entry] {
        var found: [Entry] = []
        ConfigEntries.forEach(in: pointer, prefix: prefix) { name, value in
            found.append(Entry(name: name, value: value))
            return true
        }
        return found
    }
}
