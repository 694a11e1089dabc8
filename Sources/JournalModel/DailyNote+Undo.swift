extension DailyNote {
    /// The bullet `removeLastBullet` would take: the latest `HH:MM` of any section (of equal times, the one
    /// furthest down the file; bullets without a time only when no bullet has one), as `NoteBullet`.
    public var lastBullet: NoteBullet? {
        lastBulletLines().map { NoteBullet(bullet: $0.text) }
    }

    /// Removes the last bullet written (see `lastBullet`) with its continuation lines, keeping every other
    /// byte; returns it, or nil when the note has no bullet.
    public mutating func removeLastBullet() -> NoteBullet? {
        guard let found = lastBulletLines() else { return nil }
        text.lines.removeSubrange(found.lines)
        return NoteBullet(bullet: found.text)
    }

    /// The line range and text (after `- `, continuation lines joined with `\n`) of the last bullet.
    private func lastBulletLines() -> (lines: Range<Int>, text: String)? {
        var bullets: [(lines: Range<Int>, text: String)] = []
        for section in NoteSection.allCases {
            for range in ranges(of: section) {
                var open: (start: Int, text: String)?
                var end = range.lowerBound
                func close() {
                    if let current = open { bullets.append((current.start..<end, current.text)) }
                    open = nil
                }
                for index in range {
                    let line = text.lines[index].stripCR()
                    if line.hasPrefix("- ") || line.hasPrefix("* ") {
                        close()
                        open = (index, String(line.dropFirst(2)).trimmingTrailingSpaces())
                        end = index + 1
                    } else if let current = open, line.hasPrefix("  "), !line.trimmingWhitespace().isEmpty {
                        open = (current.start, current.text + "\n" + String(line.dropFirst(2)).trimmingTrailingSpaces())
                        end = index + 1
                    } else {
                        close()
                    }
                }
                close()
            }
        }
        let timed = bullets.filter { NoteBullet(bullet: $0.text).time != nil }
        let candidates = timed.isEmpty ? bullets : timed
        return candidates.max { a, b in
            let (ta, tb) = (NoteBullet(bullet: a.text).time ?? "", NoteBullet(bullet: b.text).time ?? "")
            return ta != tb ? ta < tb : a.lines.lowerBound < b.lines.lowerBound
        }
    }
}
