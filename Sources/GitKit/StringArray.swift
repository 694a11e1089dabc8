import CGit2
import Foundation

/// Owns C copies of Swift strings for the duration of a `git_strarray` call.
struct StringArray {
    private let strings: [String]

    init(_ strings: [String]) { self.strings = strings }

    /// Calls `body` with a `git_strarray` valid only inside the call.
    func withStrArray<T>(_ body: (inout git_strarray) throws -> T) rethrows -> T {
        var copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { for item in copies { free(item) } }
        return try copies.withUnsafeMutableBufferPointer { buf in
            var array = git_strarray(strings: buf.baseAddress, count: buf.count)
            return try body(&array)
        }
    }
}
