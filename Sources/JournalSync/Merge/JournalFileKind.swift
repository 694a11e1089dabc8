extension JournalMerge {
    /// Which merge strategy a journal path gets.
    enum JournalFileKind: Sendable, Equatable {
        /// `tasks/<id>.md`: a task or an ask.
        case task
        /// `notes/.../<day>.md`: a daily note.
        case note
        /// Anything else: plain line-wise merge.
        case other

        init(path: String) {
            var path = Substring(path)
            while path.hasPrefix("./") { path = path.dropFirst(2) }
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard let last = parts.last, last.hasSuffix(".md"), last.count > 3 else {
                self = .other
                return
            }
            if parts.count == 2, parts[0] == "tasks" {
                self = .task
            } else if parts.count >= 2, parts[0] == "notes" {
                self = .note
            } else {
                self = .other
            }
        }
    }
}
