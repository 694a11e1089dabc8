extension TaskDocument {
    /// Reads a task file; `path` is used in error messages.
    /// Throws `ModelError.badFrontMatter` when the YAML is broken or id, title or status is missing or invalid.
    public static func parse(_ text: String, path: String) throws -> TaskDocument {
        try parse(text, path: path, readBody: { _ in true })
    }

    /// `parse`, reading the description and log only when `readBody` says so for the task as its
    /// front matter describes it (otherwise they are left empty). For read-only reports that need
    /// the log of a few tasks among thousands; such a document must never be written back.
    public static func parse(_ text: String, path: String, readBody: (TaskDocument) -> Bool) throws -> TaskDocument {
        func fail(_ detail: String) -> ModelError { .badFrontMatter(path: path, detail: detail) }

        try ModelError.checkSize(text, path: path)
        let (yamlText, body) = FrontMatter.split(text)
        guard let yamlText else { throw fail("the file does not start with a --- line") }
        let fields: [YAMLField]
        do {
            fields = try YAMLFields.parse(yamlText, firstLine: 2)
        } catch let error as YAMLFieldsError {
            throw fail(error.detail)
        }
        let reader = FieldReader(fields: fields, fail: fail)

        guard let id = try reader.string("id") else { throw fail("the field id is missing") }
        guard TaskID.isValid(id) else { throw fail("id \"\(TextSafety.singleLine(id))\" is not a valid id") }
        guard let title = try reader.string("title") else { throw fail("the field title is missing") }
        guard let statusText = try reader.string("status") else { throw fail("the field status is missing") }
        guard let status = TaskStatus(rawValue: statusText.lowercased()) else {
            let all = TaskStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail("status \"\(TextSafety.singleLine(statusText))\" is not one of \(all)")
        }
        let kind: TaskKind
        if let kindText = try reader.string("kind") {
            guard let parsed = TaskKind(rawValue: kindText.lowercased()) else {
                throw fail("kind \"\(TextSafety.singleLine(kindText))\" is not task or ask")
            }
            kind = parsed
        } else {
            kind = .task
        }
        let created = try reader.timestamp("created")
        let updated = try reader.timestamp("updated")
        guard let firstTime = created ?? updated else { throw fail("the field created is missing") }

        var task = TaskDocument(
            id: id, kind: kind, title: title, status: status, owner: try reader.handle("owner") ?? "",
            created: firstTime, updated: updated ?? firstTime, due: try reader.day("due"), tags: try reader.tags(),
            blockedReason: try reader.string("blocked_reason"), from: try reader.handle("from"),
            to: try reader.handle("to"), respondBy: try reader.timestamp("respond_by"),
            extraFields: fields.filter { !knownKeys.contains($0.key) },
            description: "", log: [], trailingBody: ""
        )
        if readBody(task) { (task.description, task.log, task.trailingBody) = parseBody(body) }
        return task
    }

    /// Splits the body at the first `## Log` line (outside code fences).
    static func parseBody(_ body: String) -> (description: String, log: [LogEntry], trailing: String) {
        let lines = TextLines(body).lines.map { $0.stripCR() }
        let logStart = FenceTracker.logHeadingIndex(lines)
        guard let logStart else { return (trimBlankLines(lines), [], "") }
        var log: [LogEntry] = []
        var trailing: [String] = []
        var continuing = false
        for line in lines[(logStart + 1)...] {
            if let entry = LogEntry(line: line) {
                log.append(entry)
                continuing = true
            } else if continuing, LogEntry.isContinuation(line) {
                log[log.count - 1].continuation.append(line)
            } else {
                trailing.append(line)
                continuing = false
            }
        }
        return (trimBlankLines(Array(lines[..<logStart])), log, trimBlankLines(trailing))
    }
}

/// Lines joined with `\n`, without leading and trailing blank lines.
func trimBlankLines(_ lines: [String]) -> String {
    let isBlank: (String) -> Bool = { $0.trimmingWhitespace().isEmpty }
    guard let first = lines.firstIndex(where: { !isBlank($0) }),
        let last = lines.lastIndex(where: { !isBlank($0) })
    else { return "" }
    return lines[first...last].joined(separator: "\n")
}

/// Typed access to front matter fields, reporting bad values through `fail`.
private struct FieldReader {
    let fields: [YAMLField]
    let fail: (String) -> ModelError

    func value(_ key: String) -> YAMLValue? {
        guard let value = fields.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    func string(_ key: String) throws -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.text else { throw fail("the field \(key) must be a single value, not a list") }
        return text
    }

    /// A person's handle (`owner`, `from`, `to`); an empty value counts as unset.
    func handle(_ key: String) throws -> String? {
        guard let text = try string(key), !text.isEmpty else { return nil }
        guard Handle.isValid(text) else {
            let shown = TextSafety.singleLine(text)
            throw fail("\(key) \"\(shown)\" is not a handle (lower-case letters, digits, '-', '_')")
        }
        return text
    }

    func timestamp(_ key: String) throws -> Timestamp? {
        guard let text = try string(key) else { return nil }
        guard let stamp = Timestamp(iso: text) else {
            throw fail("\(key) \"\(TextSafety.singleLine(text))\" is not a timestamp like 2026-11-24T09:14:05+05:30")
        }
        return stamp
    }

    func day(_ key: String) throws -> LocalDay? {
        guard let text = try string(key) else { return nil }
        guard let day = LocalDay(string: text.trimmingWhitespace()) else {
            throw fail("\(key) \"\(TextSafety.singleLine(text))\" is not a day YYYY-MM-DD")
        }
        return day
    }

    func tags() throws -> [String] {
        switch value("tags") {
        case nil:
            return []
        case .scalar(let text, _):
            return text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        case .list(let items, _):
            return try items.compactMap { item in
                guard let text = item.text else { throw fail("tags must be a list of words") }
                return item.isNull ? nil : text
            }
        case .map:
            throw fail("tags must be a list of words, such as [db, migration]")
        }
    }
}
