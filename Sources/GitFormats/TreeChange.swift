/// One change to a tree: put a blob (or, with `.gitlink`, a submodule commit) at a path, or remove
/// whatever is there.
public enum TreeChange: Sendable, Equatable {
    case upsert(path: String, blob: ObjectID, mode: EntryMode = .regular)
    case remove(path: String)
}
