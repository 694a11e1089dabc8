extension JournalMerge {
    /// The name of a version kept beside the merged file: `<stem>.conflict-<who><.extension>`.
    ///
    /// `<who>` is the author of the kept version as a handle (`tom`, `maria-lopez`). The extension
    /// stays last so the copy opens like the original: `shared/logo.png` keeps Tom's version as
    /// `shared/logo.conflict-tom.png`, `tasks/k7q2xm.md` as `tasks/k7q2xm.conflict-tom.md` (not a task
    /// id, so task views skip it), `Makefile` as `Makefile.conflict-tom`. When that name is taken,
    /// `-2`, `-3`, ... follow the handle.
    enum KeptBesideName {
        static func path(beside original: String, author: String, attempt: Int = 1) -> String {
            let slash = original.lastIndex(of: "/")
            let folder = slash.map { String(original[...$0]) } ?? ""
            let name = slash.map { String(original[original.index(after: $0)...]) } ?? original
            var stem = name
            var suffix = ""
            if let dot = name.lastIndex(of: "."), dot != name.startIndex {
                stem = String(name[..<dot])
                suffix = String(name[dot...])
            }
            let who = CollisionFormat.handle(author) + (attempt > 1 ? "-\(attempt)" : "")
            return "\(folder)\(stem).conflict-\(who)\(suffix)"
        }
    }
}
