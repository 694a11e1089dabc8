/// A path whose work-tree or index state differs from HEAD.
public struct StatusEntry: Sendable, Equatable {
    public enum Change: Sendable, Equatable { case added, modified, deleted, conflicted }
    public let path: String
    public let change: Change

    package init(path: String, change: Change) {
        self.path = path
        self.change = change
    }
}
