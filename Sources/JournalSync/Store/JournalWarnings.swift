import Basics
import Foundation
import JournalModel

/// One-line warnings about journal entries baton leaves alone (a symbolic link, a file too large to read),
/// so a command goes on with the other files. Each path is reported once per process, on stderr.
public final class JournalWarnings: Sendable {
    /// The warnings of this process.
    public static let shared = JournalWarnings()

    private let reported = Locked<Set<String>>([])
    /// The files skipped so far, by path, with the reason: what views list under "could not read".
    private let skippedFiles = Locked<[String: String]>([:])
    /// Old versions (in the git history) skipped so far, in the order met.
    private let skippedVersions = Locked<[UnreadableFile]>([])

    /// Reports that `path` was skipped, because of `reason` (a clause such as "is a symbolic link").
    func skipped(_ path: String, _ reason: String) {
        let line = "baton: warning: skipped \(TextSafety.singleLine(path)): \(TextSafety.singleLine(reason))"
        skippedFiles.withLock { $0[path] = $0[path] ?? reason }
        guard reported.withLock({ $0.insert(path).inserted }) else { return }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Reports a file that exists but does not parse (`baton: skipped <path>: <reason>`, once per path),
    /// and keeps it for `unreadableFiles`.
    public func unreadable(_ file: UnreadableFile) {
        skippedFiles.withLock { $0[file.path] = $0[file.path] ?? file.message }
        guard reported.withLock({ $0.insert(file.path).inserted }) else { return }
        let line = "baton: skipped \(TextSafety.singleLine(file.path)): \(TextSafety.singleLine(file.message))"
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Every file this process could not read (links, oversized or broken files), sorted by path.
    public var unreadableFiles: [UnreadableFile] {
        skippedFiles.withLock { files in
            files.map { UnreadableFile(path: $0.key, message: TextSafety.singleLine($0.value)) }
                .sorted { $0.path < $1.path }
        }
    }

    /// Keeps an old version of a file that a history view skipped (`message` names the commit), for the
    /// `unreadable` list of JSON output; the view itself tells the user.
    public func unreadableVersion(_ file: UnreadableFile) {
        skippedVersions.withLock { if !$0.contains(file) { $0.append(file) } }
    }

    /// The old versions this process skipped, in the order met.
    public var unreadableVersions: [UnreadableFile] { skippedVersions.withLock { $0 } }

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
