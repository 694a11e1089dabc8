import Foundation

extension SearchTerms {
    /// The lines of a daily note (its body: bullets, continuation lines and free text) that match, each
    /// dated by its bullet's `HH:MM` (a continuation line by its bullet's), else by the start of the day.
    /// Throws as `DailyNote.parse` does.
    public func hits(inNote text: String, path: String, author: String, day: LocalDay, clock: AuthorClock) throws
        -> [SearchHit]
    {
        let note = try DailyNote.parse(text, path: path)
        let lines = TextLines(text).lines
        let bodyStart = FrontMatter.closingLineIndex(lines).map { $0 + 1 } ?? 0
        let dayStart =
            clock.bulletTime("00:00", day: day, author: author, noteOffset: note.utcOffset)?.date
            ?? day.startDate(in: TimeZone(secondsFromGMT: 0)!)
        var hits: [SearchHit] = []
        // The `HH:MM` of the bullet a line belongs to; made an instant only for a line that matches.
        var bulletTime: String?
        for index in bodyStart..<max(bodyStart, lines.count) {
            let raw = lines[index].stripCR()
            var shown = raw.trimmingWhitespace()
            if raw.hasPrefix("- ") || raw.hasPrefix("* ") {
                shown = String(raw.dropFirst(2)).trimmingWhitespace()
                bulletTime = NoteBullet(bullet: shown).time
            } else if !raw.hasPrefix("  ") {
                bulletTime = nil
            }
            shown = Self.bounded(shown)
            guard !shown.isEmpty, mayMatch(line: shown), matches(in: shown) != nil else { continue }
            let at =
                bulletTime.flatMap { clock.bulletTime($0, day: day, author: author, noteOffset: note.utcOffset)?.date }
                ?? dayStart
            hits.append(
                SearchHit(
                    path: path, kind: .note, part: .note, day: day, author: author, at: at, line: shown,
                    lineNumber: index + 1))
        }
        return hits
    }

    /// The lines of a task or ask that match: its title and description (dated by its creation, written by
    /// who created it) and its log lines with their hand-written continuation lines (dated and written by
    /// the entry).
    public func hits(inTask task: TaskDocument, clock: AuthorClock) -> [SearchHit] {
        let kind: SearchHit.Kind = task.kind == .ask ? .ask : .task
        let creator =
            task.log.first(where: { $0.text == "created" || $0.text.hasPrefix("created:") })?.author
            ?? task.from ?? task.owner
        let createdDay = clock.day(of: task.created, by: creator)
        var hits: [SearchHit] = []
        var position = 0
        func check(_ text: String, part: SearchHit.Part, author: String, day: LocalDay, at: Date) {
            position += 1
            let shown = Self.bounded(text.trimmingWhitespace())
            guard !shown.isEmpty, mayMatch(line: shown), matches(in: shown) != nil else { return }
            hits.append(
                SearchHit(
                    path: task.path, kind: kind, part: part, taskID: task.id, title: task.title, day: day,
                    author: author, at: at, line: shown, lineNumber: position))
        }
        check(task.title, part: .title, author: creator, day: createdDay, at: task.created.date)
        // An ask's question is both its title and its description: one hit, not two.
        let title = task.title.trimmingWhitespace()
        for line in TextLines(task.description).lines where line.trimmingWhitespace() != title {
            check(line, part: .description, author: creator, day: createdDay, at: task.created.date)
        }
        for entry in task.log {
            let day = clock.day(of: entry.at, by: entry.author)
            check(entry.text, part: .log, author: entry.author, day: day, at: entry.at.date)
            for line in entry.continuation {
                check(line, part: .log, author: entry.author, day: day, at: entry.at.date)
            }
        }
        for line in TextLines(task.trailingBody).lines {
            check(line, part: .description, author: creator, day: createdDay, at: task.created.date)
        }
        return hits
    }

    /// How much of one line a search reads: a longer line (a hostile file can hold one of 8 MiB) is matched and
    /// shown by its first `shownCharacters` characters, so matching stays cheap and bounded in memory.
    static let longestLine = 16_384
    static let shownCharacters = 4_096

    static func bounded(_ line: String) -> String {
        line.utf8.count > longestLine ? String(line.prefix(shownCharacters)) + "…" : line
    }
}
