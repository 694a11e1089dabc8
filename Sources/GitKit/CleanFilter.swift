import CGit2
import Foundation

extension Repository {
    /// Stores the blob `git add` would store for `file`: a symlink's target as it is; a file's bytes
    /// through the clean side of the `filter` attribute's driver (its configured command, run as git
    /// runs it), then libgit2's own filters for `text`, `eol`, `core.autocrlf` and `ident`.
    /// With `filtered == false` (`FastPathPolicy` found nothing that changes bytes) the bytes are stored as they are.
    public func createBlob(for file: WorkTreeFile, filtered: Bool) throws -> ObjectID {
        guard filtered, file.mode.isFile else {
            FastPathReport.fast(.blob)
            return try createBlob(file.data)
        }
        FastPathReport.declined(
            .blob, FastPathPolicy(repository: self).contentRefusal(paths: [file.path]) ?? "filters apply")
        return try createBlob(try filteredContent(of: file))
    }

    /// The bytes git stores for a work-tree file: cleaned by its filter driver, then libgit2's filters.
    func filteredContent(of file: WorkTreeFile) throws -> Data {
        guard file.mode.isFile else { return file.data }
        let cleaned = try CleanFilter(repository: self).run(path: file.path, data: file.data)
        return try builtinFiltered(path: file.path, data: cleaned)
    }

    /// `data` after libgit2's filters towards the object database (line endings, `ident`).
    private func builtinFiltered(path: String, data: Data) throws -> Data {
        var filters: OpaquePointer?
        try check(
            git_filter_list_load(&filters, pointer, nil, path, GIT_FILTER_TO_ODB, GIT_FILTER_DEFAULT.rawValue),
            "load filters for \(path)")
        guard let filters else { return data }
        defer { git_filter_list_free(filters) }
        var out = git_buf()
        defer { git_buf_dispose(&out) }
        guard !data.isEmpty else { return data }
        try data.withUnsafeBytes { raw in
            let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            try check(git_filter_list_apply_to_buffer(&out, filters, base, raw.count), "filter \(path)")
        }
        guard let bytes = out.ptr else { return Data() }
        return Data(bytes: bytes, count: out.size)
    }
}

extension Repository {
    /// The first filter driver configured with only a long-running `process` command (which baton
    /// cannot run), or nil: a commit of a file it applies to cannot store what git would.
    public func unrunnableFilterDriver() -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, pointer) == 0 else { return nil }
        defer { git_config_free(config) }
        var unrunnable: String?
        ConfigEntries.forEach(in: config, prefix: "filter.") { name, _ in
            guard name.hasSuffix(".process"), name.utf8.count >= "filter..process".utf8.count else { return true }
            let driver = String(name.dropFirst("filter.".count).dropLast(".process".count))
            if (try? configString("filter.\(driver).clean")) ?? nil == nil { unrunnable = driver }
            return unrunnable == nil
        }
        return unrunnable
    }
}

/// The clean command of a `filter.<driver>` that `.gitattributes` assigns to a path, run as git runs
/// it: `sh -c` with the file on standard input, `%f` replaced by the quoted path, in the work tree
/// root, its standard output taken as the content to store. libgit2 runs no external filters, so
/// without this a filter that scrubs secrets would be bypassed.
struct CleanFilter {
    let repository: Repository

    func run(path: String, data: Data) throws -> Data {
        func failure(_ message: String) -> CleanFilterError { CleanFilterError(path: path, message: message) }
        // git re-encodes such files to UTF-8; libgit2 1.5 cannot, so storing them raw would differ.
        if let encoding = try attribute("working-tree-encoding", path: path),
            !["utf-8", "utf8"].contains(encoding.lowercased())
        {
            throw failure(
                "\(path) has working-tree-encoding=\(encoding), which baton cannot convert; commit it with git")
        }
        guard let driver = try attribute("filter", path: path) else { return data }
        let required = (try? repository.configString("filter.\(driver).required"))??.lowercased() == "true"
        guard let command = try repository.configString("filter.\(driver).clean"), !command.isEmpty else {
            if (try? repository.configString("filter.\(driver).process")) != nil || required {
                throw failure(
                    "filter.\(driver) has no clean command baton can run (only `process`, or none); "
                        + "set filter.\(driver).clean, or commit this file with git")
            }
            return data
        }
        let quoted = "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command.replacingOccurrences(of: "%f", with: quoted)]
        process.currentDirectoryURL = URL(fileURLWithPath: repository.workTree)
        // The content goes in through an unlinked temporary file, so a filter that writes before it
        // has read everything cannot deadlock against us.
        var template = Array((repository.gitDirectory + "/baton-clean-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw SystemError(operation: "create a temporary file in", path: repository.gitDirectory) }
        unlink(template)
        let input = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        let output = Pipe()
        do {
            try input.write(contentsOf: data)
            try input.seek(toOffset: 0)
            process.standardInput = input
            process.standardOutput = output
            try process.run()
        } catch {
            throw failure("cannot run filter.\(driver).clean: \(error)")
        }
        let cleaned = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 0 { return cleaned }
        if required {
            let status = process.terminationStatus
            throw failure("filter.\(driver).clean exited with status \(status); fix the filter and retry")
        }
        return data  // as git does: a failing optional filter leaves the content as it is
    }

    /// The value of attribute `name` for `path` (nil: unset or unspecified).
    private func attribute(_ name: String, path: String) throws -> String? {
        var value: UnsafePointer<CChar>?
        try check(
            git_attr_get(&value, repository.pointer, UInt32(GIT_ATTR_CHECK_FILE_THEN_INDEX), path, name),
            "read attributes of \(path)")
        guard git_attr_value(value) == GIT_ATTR_VALUE_STRING, let value else { return nil }
        return String(cString: value)
    }
}

/// A path's clean filter could not be applied as git would apply it (an encoding baton cannot
/// convert, a driver it cannot run, a required filter that failed); `message` says what to do.
public struct CleanFilterError: Error, LocalizedError, Equatable, Sendable {
    /// The journal-relative path being cleaned.
    public let path: String
    /// What went wrong and what to do about it.
    public let message: String

    public var errorDescription: String? { "clean \(path) failed: \(message)" }
}
