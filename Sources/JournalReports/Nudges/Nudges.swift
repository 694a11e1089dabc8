import Foundation
import JournalModel

/// One line telling me of something: a new ask, hand-off, mention or answer, or an ask window closing.
public struct Nudge: Sendable, Equatable {
    /// Its key in the device's seen state, so each nudge is told once.
    public var key: String
    /// The line, with teammates' text as written (print it through `TerminalText.clean`).
    public var line: String
}

/// What `baton remind` and `sync --watch` tell: what arrived for me, and the asks to me or from me that near
/// their window.
public enum Nudges {
    /// Every nudge that holds now, in a fixed order: new asks, hand-offs, mentions, answers, closing windows.
    public static func of(inbox: Inbox, tasks: [TaskDocument], now: Date) -> [Nudge] {
        let me = inbox.me
        var nudges: [Nudge] = []
        for ask in inbox.asksToMe {
            let due = ask.respondBy.map { ", " + RelativeTime.due($0.date, now: now) } ?? ""
            nudges.append(
                Nudge(key: ItemKey.ask(ask), line: "new ask from \(ask.from ?? "?"): \(ask.title) (\(ask.id)\(due))"))
        }
        for task in inbox.handoffs {
            guard let key = inbox.handoffKey(task),
                let entry = task.log.last(where: { $0.author != me && Inbox.isHandoff($0.text, to: me) })
            else { continue }
            let note =
                entry.text.split(separator: ":", maxSplits: 1).dropFirst().first
                .map { ": " + $0.trimmingCharacters(in: .whitespaces) } ?? ""
            nudges.append(Nudge(key: key, line: "handed to you by \(entry.author): \(task.title) (\(task.id))\(note)"))
        }
        for mention in inbox.mentions {
            let place = mention.task.map { "\(mention.source.rawValue) \($0)" } ?? "their note of \(mention.day)"
            nudges.append(Nudge(key: mention.key, line: "\(mention.author) mentioned you in \(place): \(mention.text)"))
        }
        for ask in inbox.answers {
            guard let key = inbox.answerKey(ask),
                let entry = ask.log.last(where: { $0.author != me && $0.text.hasPrefix("replied:") })
            else { continue }
            let text = entry.text.dropFirst("replied:".count).trimmingCharacters(in: .whitespaces)
            nudges.append(Nudge(key: key, line: "\(entry.author) answered your ask \(ask.id): \(text)"))
        }
        for ask in inbox.asksToMe where inbox.rule.isClosing(ask, now: now) {
            guard let deadline = ask.respondBy else { continue }
            let left = RelativeTime.span(deadline.date.timeIntervalSince(now))
            nudges.append(
                Nudge(
                    key: ItemKey.closing(ask, deadline: deadline),
                    line: "ask \(ask.id) from \(ask.from ?? "?") closes in \(left): \(ask.title)"))
        }
        let mine = tasks.filter { $0.kind == .ask && $0.from == me && inbox.rule.isClosing($0, now: now) }
            .filter { ask in !ask.log.contains { $0.author != me && isAnswer($0.text) } }
            .sorted { ($0.respondBy?.date ?? now, $0.id) < ($1.respondBy?.date ?? now, $1.id) }
        for ask in mine {
            guard let deadline = ask.respondBy else { continue }
            let left = RelativeTime.span(deadline.date.timeIntervalSince(now))
            let to = ask.to ?? ask.owner
            nudges.append(
                Nudge(
                    key: ItemKey.closing(ask, deadline: deadline),
                    line:
                        "your ask \(ask.id) to \(to) closes in \(left) with no answer yet: \(ask.title)"
                ))
        }
        return nudges
    }

    /// The nudges not told before (all of them when nothing was told yet on this device).
    public static func untold(_ nudges: [Nudge], told: Set<String>?) -> [Nudge] {
        guard let told else { return nudges }
        return nudges.filter { !told.contains($0.key) }
    }

    static func isAnswer(_ text: String) -> Bool {
        text.hasPrefix("replied:") || text == "done" || text.hasPrefix("done:")
    }
}
