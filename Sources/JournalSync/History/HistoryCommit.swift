import Foundation
import GitKit
import JournalModel

/// One commit of the journal's history, with the files it changed under the paths a query asked for.
/// Its fields are read from the commit when asked for, so a walk pays only for what a reader uses.
public struct HistoryCommit {
    let commit: Commit
    /// The changed files under the query's paths, in path order; empty when the commit changed none.
    public let files: [FileChange]

    /// The commit id (40 hex digits).
    public var id: String { commit.id.hex }
    /// The id's short form, as `git log --oneline` shows it.
    public var shortID: String { commit.id.short }
    /// The parents' ids: none for the first commit, one otherwise (two or more for a merge commit,
    /// reported only when the query asks for merges).
    public var parents: [String] { commit.parents.map { $0.hex } }
    /// Whether it has two parents or more (a merge), without spelling out their ids.
    public var isMerge: Bool { commit.parents.count > 1 }
    /// The author's email, without copying the rest of the signature.
    public var authorEmail: String { commit.author.email }
    public var author: Author { Author(commit.author) }
    public var committer: Author { Author(commit.committer) }
    public var message: String { commit.message }
    /// The first line of the message.
    public var summary: String { commit.summary }
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
