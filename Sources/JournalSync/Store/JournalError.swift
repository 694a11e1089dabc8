import Foundation
import GitKit
import JournalModel

/// Failures of the storage and sync layer, each with a message that says what to do next.
public enum JournalError: Error, LocalizedError, Equatable, Sendable {
    case notAJournal(path: String)
    case targetExists(path: String)
    case noIdentity
    case noRemote
    case offline(remote: String, detail: String)
    /// `baton clone` could not reach the remote: there is no local work to keep yet.
    case cloneUnreachable(remote: String, detail: String)
    case pushRejected(detail: String)
    case pushRaceLost(attempts: Int)
    /// The server refused the credentials, or none could be found; `detail` says which and what to do.
    case authenticationFailed(remote: String, detail: String)
    /// The TLS connection failed for another reason than the certificate (`hostKey` covers that).
    case tlsFailed(remote: String, detail: String)
    case busy(holder: String)
    case remoteRewritten(detail: String)
    case unsafePath(String)
    /// A journal path, or a folder on the way to it, is a symbolic link; baton never follows one.
    case symbolicLink(path: String)
    /// A journal path is not what baton can read or write there (a folder, a device, a file too large).
    case badEntry(path: String, problem: String)
    case operationInProgress
    /// The clone's index uses a git feature libgit2 cannot read: its name, and the git command that removes it.
    case unsupportedIndex(feature: String, remedy: String)
    /// A `filter.<driver>` has only a `process` command, which baton cannot run.
    case unrunnableFilter(driver: String)
    /// The server's certificate or ssh host key was refused; `advice` says whether an ssh host is unknown or its
    /// key changed, and what makes it trusted.
    case hostKey(remote: String, advice: String)
    /// `baton clone` fetched a repository that holds no baton journal; nothing was kept.
    case remoteHoldsNoJournal(remote: String)
    /// A file or folder could not be read or written (`operation` is the verb, `reason` the system's words).
    case io(operation: String, path: String, reason: String)
    /// A file the user asked to attach is not a regular file, or is too large.
    case cannotAttach(source: String, problem: String)
    /// A libgit2 call failed for another reason than those above.
    case git(operation: String, message: String)

    public var errorDescription: String? {
        switch self {
        case .notAJournal(let path):
            return
                "\(path) is not in a baton journal; run `baton init` to create one, `baton clone URL` to fetch one, or pass -C PATH"
        case .targetExists(let path):
            return "\(path) already exists and is not empty; choose a new folder"
        case .noIdentity:
            return
                "this clone has no handle; set one with `git config baton.me HANDLE` (or re-run init/clone with --me HANDLE)"
        case .noRemote:
            return "this journal has no remote; add one with `git remote add origin URL`"
        case .offline(let remote, let detail):
            return
                "cannot reach \(remote) (\(detail)); your work is committed locally and the next `baton sync` will deliver it"
        case .cloneUnreachable(let remote, let detail):
            return
                "cannot reach \(remote) (\(detail)); nothing was cloned. Check the address and your network, then run `baton clone` again"
        case .pushRejected(let detail):
            return
                "the remote refused the push: \(detail); your work is kept locally, ask the repository's owner about its rules"
        case .pushRaceLost(let attempts):
            return
                "others kept pushing while we merged (\(attempts) tries); your work is kept locally, run `baton sync` again"
        case .authenticationFailed(let remote, let detail):
            if RemoteAddress(remote).scheme == "ssh" {
                return "ssh could not log in to \(remote): \(detail). Check the key ssh offers (`ssh -v HOST`), "
                    + "your agent (`ssh-add -l`) and ~/.ssh/config"
            }
            return "authentication with \(remote) failed: \(detail)"
        case .tlsFailed(let remote, let detail):
            return
                "the TLS connection to \(remote) failed (\(detail)); check that the address is the server's HTTPS one "
                + "and that any proxy in between (http.proxy, HTTPS_PROXY) passes TLS through"
        case .busy(let holder):
            return "another baton command is working on this journal (\(holder)); try again when it is done"
        case .remoteRewritten(let detail):
            return
                "the remote's history was rewritten (\(detail)); nothing was pushed. Ask who force-pushed; to merge your work into the new history run `baton sync --accept-rewrite`"
        case .unsafePath(let path):
            return "\(path) is not a path inside the journal"
        case .symbolicLink(let path):
            return "\(TextSafety.singleLine(path)) is a symbolic link; baton never follows links in the journal, "
                + "so nothing was changed. Replace it with a real file or folder (e.g. `git rm` it) and try again"
        case .badEntry(let path, let problem):
            return "\(TextSafety.singleLine(path)) \(problem); nothing was changed. "
                + "Fix or remove it with git and try again"
        case .operationInProgress:
            return
                "a git merge or rebase is in progress in this clone; finish it with git (or `git merge --abort`) first"
        case .unsupportedIndex(let feature, let remedy):
            return "this clone's git index is \(feature), which baton cannot read; nothing was changed. "
                + "Run `\(remedy)`, then retry"
        case .unrunnableFilter(let driver):
            return "git's filter.\(driver) has only a `process` command, which baton cannot run; nothing was changed. "
                + "Set filter.\(driver).clean to an equivalent command, then retry"
        case .hostKey(_, let advice):
            return advice
        case .remoteHoldsNoJournal(let remote):
            return "clone \(remote) failed: it holds no baton journal; "
                + "create one with `baton init --remote \(remote)` and `baton sync`"
        case .io(let operation, let path, let reason):
            return "cannot \(operation) \(TextSafety.singleLine(path)) (\(reason)); "
                + "check its permissions and the free disk space, then try again"
        case .cannotAttach(let source, let problem):
            return "cannot attach \(TextSafety.singleLine(source)): \(problem); attach a regular file of at most "
                + "\(JournalFiles.attachmentLimit >> 20) MB (nothing was saved)"
        case .git(let operation, let message):
            return "\(operation) failed: \(message)"
        }
    }

    /// True for a link or an unreadable entry in the journal: content to skip, not a failure of baton.
    var isBadEntry: Bool {
        switch self {
        case .symbolicLink, .badEntry: return true
        default: return false
        }
    }

}

extension JournalError {
    /// Where a lower layer's failure happened: how a transport failure reads depends on it.
    enum Context: Sendable {
        /// In this clone: its files, index, references and objects.
        case local
        /// Fetching from or pushing to `url`; `secrets` (tokens, passwords) never reach the message.
        case remote(url: String, secrets: [String?])
        /// Cloning `url`: there is no local work yet, so an unreachable remote is `cloneUnreachable`.
        case clone(url: String, secrets: [String?])
    }

    /// The one translation of a lower layer's failure into this layer's terms: a `JournalError` stays
    /// as it is; a `SystemError` becomes `.io`; a `GitError` whose lock is held becomes `.busy`, and a
    /// transport failure (under `.remote` or `.clone`) `.offline` (`.cloneUnreachable`),
    /// `.authenticationFailed`, `.hostKey`, `.tlsFailed` or `.pushRejected`, with the URL shown
    /// without credentials and every secret scrubbed; any other libgit2 failure is `.git`.
    /// Nil for an error of another layer (e.g. JournalModel's), which callers pass on unchanged.
    init?(_ error: any Error, context: Context) {
        switch error {
        case let error as JournalError:
            self = error
        case let error as SystemError:
            self = .system(error.operation, error.path, errno: error.code)
        case let error as CleanFilterError:
            self = .git(operation: "clean \(error.path)", message: error.message)
        case let error as GitError:
            self = Self.mapping(error, context: context)
        default:
            return nil
        }
    }

    /// `JournalError(_:context:)` for a failure in this clone, for the layers above that read it.
    public init?(_ error: any Error) {
        self.init(error, context: .local)
    }

    /// Runs `body`, throwing any failure as `JournalError(_:context:)` translates it.
    static func translating<T>(_ context: Context = .local, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw JournalError(error, context: context) ?? error }
    }

    private static func mapping(_ error: GitError, context: Context) -> JournalError {
        if error.kind == .locked {
            return .busy(
                holder: "a git command holds a lock in .git (\(error.message)); "
                    + "if no git command is running, delete that .lock file")
        }
        let url: String
        let secrets: [String?]
        switch context {
        case .local: return .git(operation: error.operation, message: error.message)
        case .remote(let remoteURL, let hidden), .clone(let remoteURL, let hidden):
            (url, secrets) = (remoteURL, hidden)
        }
        let remote = RemoteDisplay.redacted(url)
        let message = GitError.redacting(error.message, url: url, secrets: secrets.compactMap { $0 })
        switch error.kind {
        case .unreachable:
            if case .clone = context { return .cloneUnreachable(remote: remote, detail: message) }
            return .offline(remote: remote, detail: message)
        case .authentication: return .authenticationFailed(remote: remote, detail: message)
        case .tls: return .tlsFailed(remote: remote, detail: message)
        case .rejected: return .pushRejected(detail: message)
        case .certificate:
            let advice = HostKeyAdvice.message(remote: remote, rejection: error.hostKey, detail: message)
            return .hostKey(remote: remote, advice: advice)
        default: return .git(operation: GitError.redacting(error.operation, url: url, secrets: []), message: message)
        }
    }

    /// A failed system call of this layer's own on `path` (journal-relative where possible).
    static func system(_ operation: String, _ path: String, errno code: Int32 = errno) -> JournalError {
        let failure = SystemError(operation: operation, path: path, code: code)
        return .io(operation: failure.operation, path: failure.path, reason: failure.reason)
    }
}
