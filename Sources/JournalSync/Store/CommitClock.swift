import Basics
import Foundation

/// The clock every commit baton makes is dated by (author and committer time): the system clock, or
/// a fixed moment for scripts and tests (the CLI fixes it from `BATON_NOW`).
public final class CommitClock: Sendable {
    /// The clock of this process.
    public static let shared = CommitClock()

    private let fixed = Locked<(date: Date, offsetSeconds: Int)?>(nil)

    public init() {}

    /// Dates every later commit at `date`, written at UTC offset `offsetSeconds`; nil: the system clock again.
    public func fix(at date: Date?, offsetSeconds: Int = 0) {
        fixed.withLock { $0 = date.map { ($0, offsetSeconds) } }
    }

    /// The current moment.
    public var now: Date { fixed.withLock { $0?.date } ?? Date() }

    /// The UTC offset to write a commit time `date` with: the fixed one, else the process's zone's.
    public func offsetSeconds(for date: Date) -> Int {
        fixed.withLock { $0?.offsetSeconds } ?? TimeZone.current.secondsFromGMT(for: date)
    }
}
