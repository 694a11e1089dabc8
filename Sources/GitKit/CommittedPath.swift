/// A path a commit took from the work tree: the blob stored for it and the file it was read from,
/// or `file == nil` when the commit removed the path.
public struct CommittedPath {
    public let path: String
    public let blob: ObjectID?
    public let file: WorkTreeFile?
    /// The mode the commit stored (the file's own unless `core.filemode` is false).
    public let mode: EntryMode

    public init(path: String, blob: ObjectID?, file: WorkTreeFile?, mode: EntryMode? = nil) {
        self.path = path
        self.blob = blob
        self.file = file
        self.mode = mode ?? file?.mode ?? .regular
    }
}
