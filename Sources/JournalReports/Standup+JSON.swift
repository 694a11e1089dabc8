import Foundation
import JournalModel
import JournalSync

extension Standup {
    /// The standup as JSON: `day`, `notes: [{author, sections: {yesterday, today, blockers}}]` (bullets as
    /// written), `missing_notes: [{member, day}]` and `unreadable: [{path, error}]`.
    public func json() throws -> String {
        let notes: [[String: Any]] = entries.map { entry in
            var sections: [String: Any] = [:]
            for section in NoteSection.allCases { sections[section.rawValue] = entry.note.bullets(in: section) }
            return ["author": entry.author, "sections": sections]
        }
        let object: [String: Any] = [
            "day": day.description, "notes": notes, "missing_notes": MissingNotes.json(missing),
            "unreadable": UnreadableList.json(unreadable),
        ]
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
