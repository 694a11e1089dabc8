import CGit2
import Foundation

/// Walks a libgit2 config's entries by name prefix, without `git_config_iterator_glob_new`: that one runs a
/// PCRE2 match per entry, which allocates 20 KB of match frames each time (a page fault per entry on every
/// command start).
enum ConfigEntries {
    /// Calls `body` with each entry of `config` whose name starts with `prefix` (byte for byte; libgit2
    /// gives section and key names lower case), in the order git reads them, until `body` returns false.
    /// False when the config could not be walked.
    @discardableResult
    static func forEach(
        in config: OpaquePointer?, prefix: String, _ body: (_ name: String, _ value: String) -> Bool
    ) -> Bool {
        var iterator: OpaquePointer?
        guard git_config_iterator_new(&iterator, config) == 0 else { return false }
        defer { git_config_iterator_free(iterator) }
        let length = prefix.utf8.count
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0 {
            guard let entry, let name = entry.pointee.name, strncmp(name, prefix, length) == 0 else { continue }
            let value = entry.pointee.value.map { String(cString: $0) } ?? ""
            if !body(String(cString: name), value) { break }
        }
        return true
    }
}
