import Basics
import Foundation
import GitKit

/// Keeps a clone in sync: syncs soon after each local commit and every `interval`, backs off while the
/// remote cannot be reached, and returns when `shouldStop` says so (checked several times a second).
public final class SyncWatcher {
    private let journal: Journal
    private let interval: TimeInterval
    private let options: TransferOptions
    private let log: (String) -> Void
    /// Seconds to wait after a local commit before syncing, so a burst of commands syncs once.
    public var settleDelay: TimeInterval = 1
    /// The first retry delay while offline; it doubles up to `interval`.
    public var firstBackoff: TimeInterval = 2
    /// Called after each sync and every `checkInterval` in between (e.g. to tell what arrived, or which
    /// windows near their end), on the watcher's thread.
    public var check: (() -> Void)?
    /// Seconds between `check` calls while no sync runs.
    public var checkInterval: TimeInterval = 60

    public init(journal: Journal, interval: TimeInterval, options: TransferOptions, log: @escaping (String) -> Void) {
        self.journal = journal
        self.interval = interval
        self.options = options
        self.log = log
    }

    /// Runs until `shouldStop()` returns true; a sync in progress is finished first.
    public func run(shouldStop: () -> Bool) {
        var lastHead = journal.headSnapshot()
        var nextSync = Date()
        var backoff = firstBackoff
        var changeSeen: Date?
        var nextCheck = Date().addingTimeInterval(checkInterval)
        while !shouldStop() {
            let head = journal.headSnapshot()
            if head != lastHead {
                lastHead = head
                changeSeen = Date()
            }
            let now = Date()
            let localChangeDue = changeSeen.map { now.timeIntervalSince($0) >= settleDelay } ?? false
            if localChangeDue || now >= nextSync {
                changeSeen = nil
                let ok = syncOnce()
                lastHead = journal.headSnapshot()
                if ok {
                    backoff = firstBackoff
                    nextSync = Date().addingTimeInterval(interval)
                } else {
                    nextSync = Date().addingTimeInterval(min(backoff, interval))
                    backoff = min(backoff * 2, interval)
                }
                check?()
                nextCheck = Date().addingTimeInterval(checkInterval)
            } else if let check, Date() >= nextCheck {
                check()
                nextCheck = Date().addingTimeInterval(checkInterval)
            }
            usleep(200_000)
        }
        log("stopped")
    }

    /// One sync, logged as one line; false when it failed.
    private func syncOnce() -> Bool {
        let stamp = Self.stampFormatter.string(from: Date())
        do {
            let report = try journal.sync(options: options)
            log("\(stamp) synced: \(report.summary)")
            return true
        } catch {
            let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            log("\(stamp) sync failed: \(message)")
            return false
        }
    }

    /// The time stamp that starts each of the watcher's lines: `2026-11-25 12:00:00 +01:00`.
    public static func stamp(_ date: Date = Date()) -> String { stampFormatter.string(from: date) }

    private static let stampFormatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss ZZZZZ"
        return f
    }()
}

extension Journal {
    /// The current HEAD commit as text, to notice new local commits cheaply.
    func headSnapshot() -> String {
        (try? repository.headCommit())?.map(\.hex) ?? ""
    }
}
