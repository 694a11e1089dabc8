import Foundation
import GitKit
import JournalModel

/// One commit of the journal's history, with the files it changed under the paths a query asked for.
public struct HistoryCommit {
    /// The commit id (40 hex digits).
    public let id: String
    /// The id's short form, as `git log --oneline` shows it.
    public let shortID: String
    /// The parents' ids: none for the first commit, one otherwise (merge commits are not reported).
    public let parents: [String]
    public let author: Author
    public let committer: Author
    public let message: String
    /// The changed files under the query's paths, in path order; empty when the commit changed none.
    public let files: [FileChange]

    /// The first line of the message.
    public var summary: String {
        String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}

/// A file a commit added, changed or deleted: its version before and after.
public struct FileChange {
    public let path: String
    /// Nil when the commit added the file.
    public let old: FileVersion?
    /// Nil when the commit deleted the file.
    public let new: FileVersion?
}

/// One version of a file in the history. The text is read only when asked for, so a reader that
/// has seen a version before (same `id`) can skip reading it again.
public struct FileVersion {
    /// Identifies the content: two versions with the same id have the same bytes.
    public let id: String
    let object: ObjectID
    let repository: Repository

    /// The text, refused before it is read when larger than the cap on journal files
    /// (`ModelError.fileTooLarge`); a failure to read it is a `JournalError`.
    public func text(path: String) throws -> String {
        do {
            let size = try repository.objectSize(object)
            if size > ModelError.maxFileBytes { throw ModelError.fileTooLarge(path: path, bytes: size) }
            return String(decoding: try repository.blobData(object), as: UTF8.self)
        } catch {
            throw JournalError(error) ?? error
        }
    }
}
