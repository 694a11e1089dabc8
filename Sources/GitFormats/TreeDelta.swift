/// A file that differs between two trees: its content and mode on each side (nil: absent).
public struct TreeDelta: Sendable, Equatable {
    public enum Status: Sendable, Equatable { case added, deleted, modified }
    public let path: String
    public let status: Status
    public let oldBlob: ObjectID?
    public let newBlob: ObjectID?
    public let oldMode: EntryMode?
    public let newMode: EntryMode?

    public init(
        path: String, status: Status, oldBlob: ObjectID?, newBlob: ObjectID?, oldMode: EntryMode? = nil,
        newMode: EntryMode? = nil
    ) {
        self.path = path
        self.status = status
        self.oldBlob = oldBlob
        self.newBlob = newBlob
        self.oldMode = oldMode ?? oldBlob.map { _ in .regular }
        self.newMode = newMode ?? newBlob.map { _ in .regular }
    }
}
