import Foundation
import JournalModel
import JournalSync

extension Inbox {
    /// Applies what this device has seen: drops the mentions and answers `inbox --seen` cleared, and marks
    /// as new every item that was not in the inbox at the last look (everything, before the first one).
    public mutating func apply(_ seen: SeenState, mentions found: [Mention]) {
        presentClearable = Set(found.map(\.key)).union(answers.compactMap(answerKey))
        mentions = found.filter { !seen.cleared.contains($0.key) }
        answers = answers.filter { ask in answerKey(ask).map { !seen.cleared.contains($0) } ?? true }
        let looked = seen.inboxLooked ?? []
        newKeys = itemKeys.subtracting(looked)
    }

    /// The keys of everything the inbox shows now, to save as the last look.
    public var itemKeys: Set<String> {
        var keys = Set(asksToMe.map(ItemKey.ask))
        for task in handoffs { if let key = handoffKey(task) { keys.insert(key) } }
        for ask in answers { if let key = answerKey(ask) { keys.insert(key) } }
        for mention in mentions { keys.insert(mention.key) }
        return keys
    }

    /// The keys `inbox --seen` clears: the mentions and answers shown now.
    public var clearableKeys: Set<String> {
        Set(mentions.map(\.key)).union(answers.compactMap(answerKey))
    }

    /// The cleared keys worth keeping: those of mentions and answers still in the journal, shown or not.
    public func keptCleared(_ cleared: Set<String>) -> Set<String> { cleared.intersection(presentClearable) }

    /// The key of an answer: the latest reply by someone else, so a new reply shows the ask again.
    func answerKey(_ ask: TaskDocument) -> String? {
        ask.log.last { $0.author != me && $0.text.hasPrefix("replied:") }.map { ItemKey.answer(ask, $0) }
    }

    /// The key of a hand-off: the log line that handed the task to me.
    func handoffKey(_ task: TaskDocument) -> String? {
        task.log.last { $0.author != me && Self.isHandoff($0.text, to: me) }.map { ItemKey.handoff(task, $0) }
    }

    func isNew(ask: TaskDocument) -> Bool { newKeys.contains(ItemKey.ask(ask)) }
    func isNew(handoff task: TaskDocument) -> Bool { handoffKey(task).map(newKeys.contains) ?? false }
    func isNew(answer ask: TaskDocument) -> Bool { answerKey(ask).map(newKeys.contains) ?? false }
    func isNew(_ mention: Mention) -> Bool { newKeys.contains(mention.key) }

    /// The asks to me, grouped by urgency (overdue, closing, later), each group oldest `respond_by` first.
    func asksByUrgency(now: Date) -> [(AskUrgency, [TaskDocument])] {
        AskUrgency.allCases.map { urgency in
            (urgency, asksToMe.filter { AskUrgency.of($0, now: now, rule: rule) == urgency })
        }.filter { !$0.1.isEmpty }
    }

    /// `  k7q2xm  from alice: need the keys  due in 3h (Tue 1 Dec 12:00 +01:00)  NEW`
    func askLine(_ ask: TaskDocument, now: Date, zone: TimeZone, style: TextStyle) -> String {
        func clean(_ text: String) -> String { TerminalText.clean(text, keepNewlines: false) }
        var when = ""
        if let deadline = ask.respondBy {
            let relative = RelativeTime.due(deadline.date, now: now)
            let text = "\(relative) (\(deadline.rendered(in: zone)))"
            when = "  " + (deadline.date < now ? style.alert(text) : text)
        }
        let mark = isNew(ask: ask) ? "  " + style.alert("NEW") : ""
        return "    \(style.id(ask.id))  from \(clean(ask.from ?? "?")): \(clean(ask.title))\(when)\(mark)"
    }

    /// The `Mentions` section: who mentioned me where, newest first, until `inbox --seen` clears them.
    func mentionLines(zone: TimeZone, style: TextStyle) -> [String] {
        var lines = [style.heading("Mentions (\(mentions.count))")]
        if mentions.isEmpty { lines.append("  none") }
        for mention in mentions {
            let when = mention.at.map { $0.rendered(in: zone) } ?? mention.day.description
            let mark = isNew(mention) ? "  " + style.alert("NEW") : ""
            let place = mention.task.map { "\(mention.source.rawValue) \(style.id($0))" } ?? mention.path
            lines.append(
                "  \(when) \(TerminalText.clean(mention.author, keepNewlines: false)) in \(place)\(mark)")
            lines.append("      " + TerminalText.clean(mention.text, keepNewlines: false))
        }
        return lines
    }

    /// A mention as JSON: `source`, `author`, `path`, `task`, `day`, `at`, `text`, `new`.
    struct MentionJSON: Encodable {
        let source: String
        let author: String
        let path: String
        let task: String?
        let day: String
        let at: String?
        let text: String
        let new: Bool

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(source, forKey: .source)
            try c.encode(author, forKey: .author)
            try c.encode(path, forKey: .path)
            try c.encode(task, forKey: .task)
            try c.encode(day, forKey: .day)
            try c.encode(at, forKey: .at)
            try c.encode(text, forKey: .text)
            try c.encode(new, forKey: .new)
        }

        enum Keys: String, CodingKey { case source, author, path, task, day, at, text, new }
    }

    func mentionJSON(_ mention: Mention) -> MentionJSON {
        MentionJSON(
            source: mention.source.rawValue, author: mention.author, path: mention.path, task: mention.task,
            day: mention.day.description, at: mention.at?.description, text: mention.text, new: isNew(mention))
    }

    /// A task object with the inbox's own keys beside the task's: `new`, and for asks to me `urgency` and
    /// `due_in_seconds` (negative once overdue, null without `respond_by`).
    struct ItemJSON: Encodable {
        let task: TaskJSON
        let new: Bool
        let urgency: String?
        let dueInSeconds: Int?
        let withUrgency: Bool

        enum Keys: String, CodingKey {
            case new, urgency
            case dueInSeconds = "due_in_seconds"
        }

        func encode(to encoder: Encoder) throws {
            try task.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(new, forKey: .new)
            if withUrgency {
                try c.encode(urgency, forKey: .urgency)
                try c.encode(dueInSeconds, forKey: .dueInSeconds)
            }
        }
    }

    func askJSON(_ ask: TaskDocument, now: Date) -> ItemJSON {
        ItemJSON(
            task: TaskJSON(ask, now: now), new: isNew(ask: ask),
            urgency: AskUrgency.of(ask, now: now, rule: rule).rawValue,
            dueInSeconds: ask.respondBy.map { Int($0.date.timeIntervalSince(now).rounded(.down)) }, withUrgency: true)
    }

    func itemJSON(_ task: TaskDocument, now: Date, new: Bool) -> ItemJSON {
        ItemJSON(task: TaskJSON(task, now: now), new: new, urgency: nil, dueInSeconds: nil, withUrgency: false)
    }
}
