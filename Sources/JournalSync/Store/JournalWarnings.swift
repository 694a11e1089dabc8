import Basics
import Foundation
import JournalModel

/// One-line warnings about journal entries baton leaves alone (a symbolic link, a file too large to read),
/// so a command goes on with the other files. Each path is reported once per process, on stderr.
public final class JournalWarnings: Sendable {
    /// The warnings of this process.
    public static let shared = JournalWarnings()

    private let reported = Locked<Set<String>>([])

    /// Reports that `path` was skipped, because of `reason` (a clause such as "is a symbolic link").
    func skipped(_ path: String, _ reason: String) {
        let line = "baton: warning: skipped \(TextSafety.singleLine(path)): \(reason)"
        guard reported.withLock({ $0.insert(path).inserted }) else { return }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Reports that `path` was skipped because of `error` (a link or a bad entry is named by the error).
    public func skipped(_ path: String, error: Error) {
        switch error {
        case JournalError.symbolicLink(let link):
            skipped(link, Self.linkReason)
        case JournalError.badEntry(let bad, let problem):
            skipped(bad, problem)
        default:
            skipped(path, TextSafety.singleLine((error as? LocalizedError)?.errorDescription ?? "\(error)"))
        }
    }

    /// Why a link is skipped.
    static let linkReason = "is a symbolic link, and baton never follows links in the journal"
}
