/// The object database as the hand-written format code needs it: trees read and written as raw
/// bytes, a few lookups, and files hashed as blobs. GitKit's `Repository` implements it over libgit2;
/// errors thrown are the implementation's own (GitKit's `GitError`).
public protocol GitObjectDatabase: AnyObject {
    /// The bytes of the tree `id`; throws when it is missing or not a tree.
    func readTree(_ id: RawObjectID) throws -> any StoredObjectBytes
    /// Whether `id` names a blob the database holds (reads only the object's header).
    func isBlob(_ id: RawObjectID) throws -> Bool
    /// Stores `bytes` as a tree object and returns its id.
    func writeTree(_ bytes: UnsafeRawBufferPointer) throws -> RawObjectID
    /// The id of the empty tree, stored if needed.
    func emptyTree() throws -> ObjectID
    /// The id of the entry `name` of tree `tree` when it is a tree, or nil.
    func subtreeID(named name: [UInt8], in tree: RawObjectID) throws -> RawObjectID?
    /// Calls `body` with each entry of tree `id` (name, id, whether it is a tree, mode as libgit2
    /// reports it), in the tree's order.
    func forEachEntry(
        ofTree id: RawObjectID,
        _ body: (_ name: [UInt8], _ id: RawObjectID, _ isTree: Bool, _ mode: UInt32) throws -> Void
    ) throws
    /// The tree of the commit HEAD names, or nil when HEAD is unborn or missing.
    func headTreeID() throws -> RawObjectID?
    /// Hashes a file (by its absolute C path) as a blob, as `git hash-object` would without filters;
    /// nil when it cannot be read. Safe to call from several threads at once.
    var blobHasher: BlobHasher { get }
}

/// Hashes the file at an absolute C path as a blob; nil when it cannot be read.
public typealias BlobHasher = @Sendable (UnsafePointer<CChar>) -> RawObjectID?

/// An object's bytes as the object database holds them, valid for as long as this value lives.
public protocol StoredObjectBytes: AnyObject {
    /// The object's content (no header).
    var bytes: UnsafeRawBufferPointer { get }
}

/// A repository with a work tree, as the work-tree scan and the raw index splice see it: where its
/// files and its index are, and the settings and rules those fast paths must respect.
public protocol GitWorkTreeRepository: GitObjectDatabase {
    /// The work tree's absolute path, without a trailing slash.
    var workTree: String { get }
    /// The `.git` folder's absolute path, without a trailing slash.
    var gitDirectory: String { get }
    /// A config value as git would read it; nil when unset.
    func configString(_ key: String) throws -> String?
    /// Whether git's ignore rules exclude the work-tree-relative `path` (false when they cannot be read).
    func isIgnoredPath(_ path: String) -> Bool
    /// Why file contents may not be taken as raw bytes here (filters, line endings, attributes), or
    /// nil when git would store every file byte for byte (`FastPathPolicy.contentRefusal`).
    func fastPathContentRefusal() -> String?
    /// The index file as last parsed, shared by every fast path that reads or rewrites it
    /// (`IndexFileCache`: read again whenever the file on disk changed).
    var indexFileCache: IndexFileCache { get }
}
