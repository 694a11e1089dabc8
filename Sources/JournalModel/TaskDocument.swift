/// One file in `tasks/`: a task or an ask, with its front matter, description and log.
public struct TaskDocument: Sendable, Equatable {
    public var id: String
    public var kind: TaskKind
    /// One line of text.
    public var title: String
    public var status: TaskStatus
    /// Handle text of the person who has it now (for an ask: the person asked); may be empty.
    public var owner: String
    public var created: Timestamp
    /// Set on every change.
    public var updated: Timestamp
    public var due: LocalDay?
    public var tags: [String]
    /// The reason of the last block, kept while the status is `blocked`.
    public var blockedReason: String?
    /// Asks only: who asked.
    public var from: String?
    /// Asks only: who is asked.
    public var to: String?
    /// Asks only: when an answer is due.
    public var respondBy: Timestamp?
    /// Front matter keys baton does not know, in file order, written after the known ones.
    public var extraFields: [YAMLField]
    /// The Markdown before `## Log`, without surrounding blank lines.
    public var description: String
    public var log: [LogEntry]
    /// Text after `## Log` that is not a log line, without surrounding blank lines.
    public var trailingBody: String

    public init(
        id: String, kind: TaskKind = .task, title: String, status: TaskStatus = .todo, owner: String,
        created: Timestamp, updated: Timestamp? = nil, due: LocalDay? = nil, tags: [String] = [],
        blockedReason: String? = nil, from: String? = nil, to: String? = nil, respondBy: Timestamp? = nil,
        extraFields: [YAMLField] = [], description: String = "", log: [LogEntry] = [], trailingBody: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.status = status
        self.owner = owner
        self.created = created
        self.updated = updated ?? created
        self.due = due
        self.tags = tags
        self.blockedReason = blockedReason
        self.from = from
        self.to = to
        self.respondBy = respondBy
        self.extraFields = extraFields
        self.description = description
        self.log = log
        self.trailingBody = trailingBody
    }

    /// The file's path in the journal.
    public var path: String { JournalLayout.taskPath(id: id) }

    /// Adds the people the front matter names (owner, asker, the one asked) to `handles`.
    public func insertHandles(into handles: inout Set<String>) {
        handles.insert(owner)
        if let from { handles.insert(from) }
        if let to { handles.insert(to) }
    }

    /// Appends `- <at> <author>: <text>` to the log and sets `updated` to `at`.
    public mutating func record(_ text: String, by author: String, at: Timestamp) {
        log.append(LogEntry(at: at, author: author, text: TextSafety.singleLine(text)))
        updated = at
    }

    /// The value of an unknown front matter key, if present.
    public func extraField(_ key: String) -> YAMLValue? {
        extraFields.first(where: { $0.key == key })?.value
    }

    /// The front matter keys baton reads itself.
    static let knownKeys: Set<String> = [
        "id", "kind", "title", "status", "owner", "from", "to", "respond_by",
        "created", "updated", "due", "tags", "blocked_reason",
    ]
}
