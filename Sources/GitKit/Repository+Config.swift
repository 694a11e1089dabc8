import CGit2

extension Repository {
    /// Reads a config value as git would (local, then global and system); nil when unset.
    public func configString(_ key: String) throws -> String? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, pointer), "read git config")
        defer { git_config_free(config) }
        var buf = git_buf()
        defer { git_buf_dispose(&buf) }
        let status = git_config_get_string_buf(&buf, config, key)
        if status == GIT_ENOTFOUND.rawValue { return nil }
        try check(status, "read git config \(key)")
        return String(cString: buf.ptr)
    }

    /// Sets a value in this clone's own `.git/config`.
    public func setLocalConfig(_ key: String, _ value: String) throws {
        var config: OpaquePointer?
        try check(git_repository_config(&config, pointer), "open git config")
        defer { git_config_free(config) }
        var local: OpaquePointer?
        try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "open local git config")
        defer { git_config_free(local) }
        try check(git_config_set_string(local, key, value), "set git config \(key)")
    }

    /// The commit identity from `user.name` and `user.email`, as git uses it; nil when either is unset.
    public func configuredSignature() -> Signature? {
        guard let name = try? configString("user.name"), let email = try? configString("user.email"),
            !name.isEmpty
        else { return nil }
        return Signature(name: name, email: email)
    }
}
