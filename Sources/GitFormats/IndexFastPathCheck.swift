import Foundation

/// The index format's part of `FastPathPolicy` (GitKit): whether a raw index holds only what the
/// hand-written index code understands. Pure format logic over `IndexFile`, no libgit2.
package enum IndexFastPathCheck {
    /// Why the raw index `index` may not be read or spliced by hand, or nil when it may: versions 2
    /// and 3 only, known extensions only, no conflict, skip-worktree, intent-to-add or assume-unchanged
    /// entries, regular files only, and no `.gitattributes` tracked anywhere.
    package static func refusal(_ index: IndexFile) -> String? {
        let understood = IndexSplice.droppableExtensions
        if let unknown = index.extensions.first(where: { !understood.contains($0.signature) }) {
            return "the index has a \(unknown.signature) extension"
        }
        if let memo = index.fastPathRefusalMemo { return memo }
        var refusal: String?
        let refused = IndexFile.stageMask | IndexFile.extendedFlag | IndexFile.assumeValidFlag
        if index.flagsOfAllEntries & refused != 0 {
            let i = (0..<index.count).first { index.flags($0) & refused != 0 }!
            refusal = "\(index.path(i)) has index flags (conflict, skip-worktree, intent-to-add or assume-unchanged)"
        }
        if refusal == nil {
            index.forEachEntry(0..<index.count) { i in
                refusal = entryRefusal(index, i)
                return refusal == nil
            }
        }
        index.fastPathRefusalMemo = .some(refusal)
        return refusal
    }

    private static func entryRefusal(_ index: IndexFile, _ i: Int) -> String? {
        let mode = index.mode(i)
        if mode != 0o100644 && mode != 0o100755 { return "\(index.path(i)) is not a regular file in the index" }
        let path = index.pathBytes(i)
        let name = ".gitattributes"
        if path.count >= 14, path[path.count - 1] == UInt8(ascii: "s"),
            memcmp(path.baseAddress! + path.count - 14, name, 14) == 0,
            path.count == 14 || path[path.count - 15] == UInt8(ascii: "/")
        {
            return "\(index.path(i)) is tracked"
        }
        return nil
    }
}
