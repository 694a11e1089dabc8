import JournalModel

extension JournalMerge {
    /// Whether text can be merged as text, and whether baton can read it as its own format.
    enum FormatCheck {
        /// The text of `bytes` when they are text: valid UTF-8 without NUL bytes, and no larger than the
        /// cap on journal files (a merge of a huge file by lines would cost a multiple of it). Otherwise nil.
        static func text(_ bytes: [UInt8]) -> String? {
            guard bytes.count <= ModelError.maxFileBytes, !bytes.contains(0) else { return nil }
            var iterator = bytes.makeIterator()
            var codec = UTF8()
            var text = String.UnicodeScalarView()
            while true {
                switch codec.decode(&iterator) {
                case .scalarValue(let scalar): text.append(scalar)
                case .emptyInput: return String(text)
                case .error: return nil
                }
            }
        }

        /// Whether baton reads `text` at `path` without error: a task file (`tasks/<id>.md`) must parse
        /// as a task, a daily note's front matter as YAML, `baton.yml` as the settings. Other files are
        /// always readable.
        static func isReadable(_ text: String, path: String) -> Bool {
            if path == "baton.yml" { return (try? JournalConfig.parse(text)) != nil }
            switch JournalFileKind(path: path) {
            case .task:
                let name = path.split(separator: "/").last.map { String($0.dropLast(3)) } ?? ""
                return !TaskID.isValid(name) || (try? TaskDocument.parse(text, path: path)) != nil
            case .note: return (try? DailyNote.parse(text, path: path)) != nil
            case .other: return true
            }
        }
    }
}
