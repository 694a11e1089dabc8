extension JournalMerge {
    /// Three-way merge of one file's bytes; this is what sync calls.
    ///
    /// Text (valid UTF-8 without NUL bytes) that baton can read as its format is merged by
    /// `merge(path:base:ours:theirs:)`. Anything else is never merged as text: when both sides
    /// changed it differently, both versions are kept byte for byte, one at the path and the other
    /// in `keptBeside`. The one that stays is the side baton can read (a task file whose front
    /// matter one side broke keeps the readable side), otherwise the one whose bytes sort first,
    /// so the result does not depend on which clone merges. A merged task or note that baton could
    /// not read is never written either: both versions are kept instead.
    public static func mergeFile(
        path: String, base: [UInt8]?, ours: MergeFileSide,
        theirs: MergeFileSide
    ) -> FileMergeResult {
        let changedBoth = ours.bytes != theirs.bytes && ours.bytes != base && theirs.bytes != base
        if changedBoth, let ourBytes = ours.bytes, let theirBytes = theirs.bytes,
            let ourText = FormatCheck.text(ourBytes), let theirText = FormatCheck.text(theirBytes),
            FormatCheck.isReadable(ourText, path: path), FormatCheck.isReadable(theirText, path: path)
        {
            let result = merge(
                path: path, base: base.flatMap(FormatCheck.text),
                ours: MergeSide(text: ourText, author: ours.author),
                theirs: MergeSide(text: theirText, author: theirs.author))
            if case .content(let text) = result.outcome, FormatCheck.isReadable(text, path: path) {
                return FileMergeResult(
                    bytes: Array(text.utf8), keptBeside: nil, collisions: result.collisions,
                    summary: result.summary, settled: result.settled)
            }
        }
        return keepWhole(path: path, base: base, ours: ours, theirs: theirs)
    }

    /// The merge of two versions that are not merged as text: a side's exact bytes, or both.
    private static func keepWhole(
        path: String, base: [UInt8]?, ours: MergeFileSide,
        theirs: MergeFileSide
    ) -> FileMergeResult {
        func result(_ bytes: [UInt8]?, _ summary: String) -> FileMergeResult {
            FileMergeResult(bytes: bytes, keptBeside: nil, collisions: 0, summary: "\(path): \(summary)")
        }
        switch (ours.bytes, theirs.bytes) {
        case (nil, nil):
            return result(nil, "deleted on both sides")
        case (nil, let kept?), (let kept?, nil):
            let deletedBy = CollisionFormat.displayName(ours.bytes == nil ? ours.author : theirs.author)
            guard let base else { return result(kept, "added on one side") }
            if base == kept { return result(nil, "deleted by \(deletedBy)") }
            return result(kept, "kept the edited file (deleted by \(deletedBy))")
        case (let a?, let b?):
            if a == b { return result(a, "same on both sides") }
            if a == base { return result(b, "took \(CollisionFormat.displayName(theirs.author))'s version") }
            if b == base { return result(a, "took \(CollisionFormat.displayName(ours.author))'s version") }
            let (stays, beside) = firstStays(ours, theirs, path: path) ? (ours, theirs) : (theirs, ours)
            let kept = KeptVersion(bytes: beside.bytes!, author: beside.author)
            return FileMergeResult(
                bytes: stays.bytes, keptBeside: kept, collisions: 1,
                summary: "\(path): not merged as text; kept \(CollisionFormat.displayName(beside.author))'s version "
                    + "as \(kept.path(beside: path))")
        }
    }

    /// Whether `a` stays at the path and `b` goes beside it: the readable one stays, else the
    /// smaller bytes (then the smaller author).
    private static func firstStays(_ a: MergeFileSide, _ b: MergeFileSide, path: String) -> Bool {
        func readable(_ side: MergeFileSide) -> Bool {
            side.bytes.flatMap(FormatCheck.text).map { FormatCheck.isReadable($0, path: path) } ?? false
        }
        let (ra, rb) = (readable(a), readable(b))
        if ra != rb { return ra }
        let (x, y) = (a.bytes ?? [], b.bytes ?? [])
        if x != y { return x.lexicographicallyPrecedes(y) }
        return !Array(b.author.utf8).lexicographicallyPrecedes(Array(a.author.utf8))
    }
}
