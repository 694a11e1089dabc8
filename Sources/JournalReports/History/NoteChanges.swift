import JournalModel

/// Derives the bullets added to a daily note between two versions.
public enum NoteChanges {
    /// Bullets of `new` (by section) that `old` did not have, counting duplicates.
    public static func addedBullets(_ old: DailyNote?, _ new: DailyNote) -> [(section: NoteSection, text: String)] {
        var added: [(NoteSection, String)] = []
        for section in NoteSection.allCases {
            var remaining: [String: Int] = [:]
            for bullet in old?.bullets(in: section) ?? [] { remaining[bullet, default: 0] += 1 }
            for bullet in new.bullets(in: section) {
                if let n = remaining[bullet], n > 0 {
                    remaining[bullet] = n - 1
                } else {
                    added.append((section, bullet))
                }
            }
        }
        return added
    }

    /// Splits `HH:MM text` into the time and the text; a bullet without a time keeps all its text.
    public static func splitTime(_ bullet: String) -> (time: String?, text: String) {
        let b = Array(bullet.utf8)
        let digits = [0, 1, 3, 4].allSatisfy { $0 < b.count && (48...57).contains(b[$0]) }
        guard b.count >= 5, digits, b[2] == UInt8(ascii: ":"), b.count == 5 || b[5] == UInt8(ascii: " ") else {
            return (nil, bullet)
        }
        return (String(bullet.prefix(5)), String(bullet.dropFirst(6)))
    }

    /// The instant `HH:MM` on `day` at the note's UTC offset (nil when the offset is unknown).
    public static func timestamp(day: LocalDay, time: String, offset: Int?) -> Timestamp? {
        guard let offset else { return nil }
        return Timestamp(iso: "\(day)T\(time):00" + Timestamp.offsetString(seconds: offset))
    }
}
