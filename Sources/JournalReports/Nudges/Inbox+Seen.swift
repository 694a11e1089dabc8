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
}
