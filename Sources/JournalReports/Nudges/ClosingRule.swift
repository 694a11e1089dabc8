import Foundation
import JournalModel

/// When an ask's window counts as closing: a share of the window left (default a quarter), or a fixed time
/// before `respond_by` (`--soon 25%`, `--soon 2h`).
public struct ClosingRule: Sendable, Equatable {
    /// The share of the window (`respond_by` − `created`) left, in 0...1; nil when `before` applies.
    public var share: Double?
    /// A fixed time before `respond_by`, in seconds.
    public var before: TimeInterval?

    public static let quarter = ClosingRule(share: 0.25, before: nil)

    public init(share: Double?, before: TimeInterval?) {
        self.share = share
        self.before = before
    }

    /// `25%` (a share of the window) or a duration (`90m`, `2h`, `1d`); nil for anything else.
    public init?(_ text: String) {
        if text.hasSuffix("%"), let percent = Double(text.dropLast()), percent > 0, percent <= 100 {
            self.init(share: percent / 100, before: nil)
        } else if let seconds = try? DateExpression.parseDuration(text), seconds > 0 {
            self.init(share: nil, before: seconds)
        } else {
            return nil
        }
    }

    /// How long before `respond_by` the window of `ask` starts closing; nil for an ask without one.
    public func threshold(for ask: TaskDocument) -> TimeInterval? {
        guard let deadline = ask.respondBy else { return nil }
        if let before { return before }
        return max(0, deadline.date.timeIntervalSince(ask.created.date)) * (share ?? 0.25)
    }

    /// Open, not past `respond_by`, and within the closing time of it.
    public func isClosing(_ ask: TaskDocument, now: Date) -> Bool {
        guard ask.status.isOpen, let deadline = ask.respondBy, let threshold = threshold(for: ask) else {
            return false
        }
        let left = deadline.date.timeIntervalSince(now)
        return left >= 0 && left <= threshold
    }
}

/// How urgent an ask to me is: past its window, closing (see `ClosingRule`), or later.
public enum AskUrgency: String, Sendable, CaseIterable {
    case overdue, closing, later

    public static func of(_ ask: TaskDocument, now: Date, rule: ClosingRule = .quarter) -> AskUrgency {
        if let deadline = ask.respondBy, deadline.date < now { return .overdue }
        return rule.isClosing(ask, now: now) ? .closing : .later
    }

    /// The heading of the group in the inbox.
    var heading: String {
        switch self {
        case .overdue: "Overdue"
        case .closing: "Closing soon"
        case .later: "Later"
        }
    }
}
