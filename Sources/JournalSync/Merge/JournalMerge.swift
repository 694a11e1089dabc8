import JournalModel

/// The three-way merge of one journal file, free of git.
///
/// The sync code calls `mergeFile` (bytes in, bytes out) for a path changed on both sides since the
/// common ancestor; it keeps files that are not text, or that baton cannot read, whole (see
/// `mergeFile`) and merges the rest with `merge` (text in, text out).
/// Guarantees: no conflict markers are ever added; nothing either side wrote is lost (true
/// collisions keep both versions, attributed, see `CollisionFormat`); the content does not
/// depend on which side is "ours"; `merge(base, X, X) == X` and `merge(X, X, Y) == Y`; the
/// output ends with exactly one newline.
///
/// Strategies by path: `tasks/<id>.md` (see `TaskMerge`), `notes/**.md` (see `NoteMerge`),
/// anything else or any file whose front matter does not parse (see `PlainTextMerge`).
public enum JournalMerge {
    /// Three-way merge of one journal file. `path` is relative to the journal root and picks the strategy.
    /// Lines are compared by their bytes (see `ExactText`), so a change of Unicode normalization is a change.
    /// Sync calls `mergeFile`, which also keeps files that are not text, or not readable, whole.
    public static func merge(path: String, base: String?, ours: MergeSide, theirs: MergeSide) -> MergeResult {
        func image(_ side: MergeSide) -> MergeSide {
            MergeSide(text: side.text.map(ExactText.encode), author: ExactText.encode(side.author))
        }
        var result = mergeImages(
            path: ExactText.encode(path), base: base.map(ExactText.encode),
            ours: image(ours), theirs: image(theirs))
        if case .content(let text) = result.outcome { result.outcome = .content(ExactText.decode(text)) }
        result.summary = ExactText.decode(result.summary)
        result.settled = result.settled.map { settled in
            SettledCollision(
                path: path, field: ExactText.decode(settled.field), kept: settled.kept.map(ExactText.decode),
                keptBy: ExactText.decode(settled.keptBy), other: settled.other.map(ExactText.decode),
                otherBy: ExactText.decode(settled.otherBy))
        }
        return result
    }

    /// `merge` on `ExactText` images.
    private static func mergeImages(path: String, base: String?, ours: MergeSide, theirs: MergeSide) -> MergeResult {
        let base = base.map(TextLines.normalize)
        switch (ours.text.map(TextLines.normalize), theirs.text.map(TextLines.normalize)) {
        case (nil, nil):
            return MergeResult(outcome: .deleted, collisions: 0, summary: "\(path): deleted on both sides")
        case (nil, let kept?):
            return oneSideDeleted(path: path, base: base, kept: kept, deletedBy: ours.author)
        case (let kept?, nil):
            return oneSideDeleted(path: path, base: base, kept: kept, deletedBy: theirs.author)
        case (let a?, let b?):
            if a == b {
                return MergeResult(outcome: .content(a), collisions: 0, summary: "\(path): same on both sides")
            }
            if a == base { return took(b, author: theirs.author, path: path) }
            if b == base { return took(a, author: ours.author, path: path) }
            let pair = MergePair((a, ours.author), (b, theirs.author))
            return mergeBoth(path: path, base: base, pair: pair)
        }
    }

    private static func oneSideDeleted(path: String, base: String?, kept: String, deletedBy: String) -> MergeResult {
        let who = CollisionFormat.displayName(deletedBy)
        guard let base else {
            return MergeResult(outcome: .content(kept), collisions: 0, summary: "\(path): added on one side")
        }
        if base == kept {
            return MergeResult(outcome: .deleted, collisions: 0, summary: "\(path): deleted by \(who)")
        }
        return MergeResult(
            outcome: .content(kept), collisions: 0,
            summary: "\(path): kept the edited file (deleted by \(who))")
    }

    private static func took(_ text: String, author: String, path: String) -> MergeResult {
        MergeResult(
            outcome: .content(text), collisions: 0,
            summary: "\(path): took \(CollisionFormat.displayName(author))'s version")
    }

    private static func mergeBoth(path: String, base: String?, pair: MergePair) -> MergeResult {
        let baseLines = TextLines.split(base ?? "")
        let kind = JournalFileKind(path: path)
        var what: String
        var merged: Resolution<String>?
        switch kind {
        case .task:
            merged = TaskMerge.merge(base: baseLines, pair: pair)
            what = "fields merged"
        case .note:
            merged = NoteMerge.merge(base: baseLines, pair: pair)
            what = "note merged"
        case .other:
            merged = nil
            what = "merged"
        }
        if merged == nil {
            merged = PlainTextMerge.merge(
                base: baseLines, first: TextLines.split(pair.first),
                second: TextLines.split(pair.second), authors: pair.authors,
                style: CollisionFormat.Style(path: path))
            what = kind == .other ? "merged" : "merged as plain text"
        }
        let result = merged!
        if base == nil { what = "added on both sides, " + what }
        if result.collisions > 0 {
            what +=
                result.collisions == 1
                ? ", 1 collision kept both ways" : ", \(result.collisions) collisions kept both ways"
        }
        let settled = result.settled.map { collision in
            SettledCollision(
                path: path, field: collision.key, kept: collision.winnerValue, keptBy: collision.winnerAuthor,
                other: collision.loserValue, otherBy: collision.loserAuthor)
        }
        return MergeResult(
            outcome: .content(TextLines.join(result.elements)),
            collisions: result.collisions, summary: "\(path): \(what)", settled: settled)
    }
}
