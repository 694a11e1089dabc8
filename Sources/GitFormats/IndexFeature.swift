/// A feature of git's index file that libgit2 1.5 cannot read, so that baton must not write the
/// index (or commit) until the user turns it off.
public enum IndexFeature: Sendable, Equatable {
    /// `core.splitIndex`: the index has a `link` extension pointing at a shared index.
    case splitIndex
    /// `index.sparse`: the index holds whole folders of a sparse checkout (`sdir`).
    case sparseIndex
    /// Anything else libgit2 refused, with its message.
    case other(String)

    /// How the feature is named to the user.
    public var name: String {
        switch self {
        case .splitIndex: return "split (core.splitIndex)"
        case .sparseIndex: return "a sparse index (index.sparse)"
        case .other(let message): return "unreadable (\(message))"
        }
    }

    /// The command that turns the feature off.
    public var remedy: String {
        switch self {
        case .splitIndex: return "git config core.splitIndex false && git update-index --no-split-index"
        case .sparseIndex: return "git sparse-checkout init --no-sparse-index"
        case .other: return "git update-index --index-version 2"
        }
    }
}
