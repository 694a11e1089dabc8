import Foundation
import JournalModel

/// The keys that name what a reader saw (an ask, a hand-off, a mention, an answer, a note bullet) in the
/// device's seen state: stable across runs and syncs, short, and free of teammates' raw text.
enum ItemKey {
    static func ask(_ task: TaskDocument) -> String { "ask:\(task.id)" }

    static func handoff(_ task: TaskDocument, _ entry: LogEntry) -> String {
        "handoff:\(task.id):\(entry.at.date.timeIntervalSince1970):\(entry.author)"
    }

    static func answer(_ task: TaskDocument, _ entry: LogEntry) -> String {
        "answer:\(task.id):\(entry.at.date.timeIntervalSince1970):\(entry.author)"
    }

    static func mention(path: String, text: String) -> String { "mention:\(path):\(digest(text))" }

    static func bullet(path: String, section: NoteSection, text: String) -> String {
        "bullet:\(path):\(section.rawValue):\(digest(text))"
    }

    static func closing(_ task: TaskDocument, deadline: Timestamp) -> String {
        "closing:\(task.id):\(deadline.date.timeIntervalSince1970)"
    }

    /// 64-bit FNV-1a of the text, as hex: enough to tell lines of one file apart.
    static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
