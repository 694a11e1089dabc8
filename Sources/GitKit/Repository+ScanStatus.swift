extension Repository {
    /// The same answer as `status()`, computed the way git does it but on every core: the index is
    /// read raw, every tracked file is `lstat`ed on several threads and compared with the index's stat
    /// data, only files whose stat data changed (or that are "racy", written in the second the index
    /// was) are hashed, and every folder is listed to find new files. Nothing is skipped: every hand
    /// edit, new file and deletion anywhere in the work tree is found. Falls back to `status()` for
    /// what `FastPathPolicy` declines (conflicts, index v4 and unknown extensions, skip-worktree and
    /// assume-unchanged entries, symlinks, submodules, attributes, filters, CRLF settings).
    public func scanStatus() throws -> [StatusEntry] {
        if let entries = try WorkTreeScan(repository: self).run() {
            FastPathReport.fast(.status)
            return entries
        }
        FastPathReport.declined(.status, FastPathPolicy(repository: self).refusal() ?? "the work-tree scan declined")
        return try status()
    }
}
