import JournalModel

extension JournalMerge {
    /// Strategy for `tasks/<id>.md` (tasks and asks): front matter by field, log by union,
    /// description and any text after the log by diff3.
    ///
    /// A field collision is settled by `FieldMerge.Policy.latestUpdate` and the losing value is
    /// recorded as a log entry at the winner's `updated` time, by the loser:
    /// ``- <updated> tom: merge kept status `done`; also set to `blocked` ``.
    enum TaskMerge {
        /// A task body split at its `## Log` heading.
        struct Body: Equatable {
            var description: [String]
            /// The log section's lines after the heading, nil when there is no `## Log`.
            var log: [String]?
            /// The log heading line as written, nil when there is no `## Log`.
            var heading: String?
            /// Everything from the first heading after the log.
            var after: [String]

            /// The log heading is found as the task reader finds it (`FenceTracker.logHeadingIndex`);
            /// the log ends at the next `# ` or `## ` heading outside code fences.
            init(_ lines: [String]) {
                guard let heading = FenceTracker.logHeadingIndex(lines) else {
                    self.description = lines
                    self.log = nil
                    self.heading = nil
                    self.after = []
                    return
                }
                var fence = FenceTracker()
                let rest = lines[(heading + 1)...]
                let end =
                    rest.firstIndex { line in
                        !fence.update(line) && (line.hasPrefix("# ") || line.hasPrefix("## "))
                    } ?? lines.endIndex
                self.heading = lines[heading]
                description = Array(lines[..<heading])
                log = Array(lines[(heading + 1)..<end])
                after = Array(lines[end...])
            }
        }

        /// The merged task, or nil when some version's front matter cannot be parsed.
        static func merge(base: [String], pair: MergePair) -> Resolution<String>? {
            guard let (baseDoc, firstDoc, secondDoc) = FieldMerge.documents(base: base, pair: pair) else { return nil }
            let authors = pair.authors
            let fields = FieldMerge.merge(baseDoc, firstDoc, secondDoc, authors: authors, policy: .latestUpdate)
            let (b, x, y) = (Body(baseDoc.body), Body(firstDoc.body), Body(secondDoc.body))
            let description = PlainTextMerge.merge(
                base: b.description, first: x.description,
                second: y.description, authors: authors)
            let after = PlainTextMerge.merge(base: b.after, first: x.after, second: y.after, authors: authors)

            let merged = fields.fields
            let records = fields.collisions.map { record($0, mergedFields: merged, logs: [x.log, y.log]) }
            let log: [String]?
            if records.isEmpty, x.log == y.log || y.log == b.log {
                log = x.log
            } else if records.isEmpty, x.log == b.log {
                log = y.log
            } else {
                log = LogMerge.merge(
                    base: b.log ?? [], first: x.log ?? [], second: y.log ?? [], authors: authors,
                    extraEntries: records)
            }

            var body = description.elements
            if let log {
                if let last = body.last, !TextLines.isBlank(last) { body.append("") }
                body += [x.heading ?? y.heading ?? "## Log"] + log
                if !after.elements.isEmpty, let last = body.last, !TextLines.isBlank(last) { body.append("") }
            }
            body += after.elements
            let document = FrontMatterLines(
                opening: firstDoc.opening, fields: merged, closing: firstDoc.closing, body: body)
            return Resolution(
                elements: document.lines,
                collisions: fields.collisions.count + description.collisions + after.collisions,
                settled: fields.collisions)
        }

        /// The log entry recording a lost field value.
        static func record(
            _ collision: FieldCollision, mergedFields: [FrontMatterLines.Field],
            logs: [[String]?]
        ) -> String {
            let merged = mergedFields.first { $0.key == "updated" }?.value
            let latestLog = logs.compactMap { $0 }.flatMap { LogMerge.parse($0).entries }
                .filter { $0.instant != nil }
                .max { $0.instant! < $1.instant! }
                .map { String($0.lines[0].dropFirst(2).prefix { $0 != " " }) }
            let candidates = [collision.winnerUpdated, merged, latestLog].compactMap { $0.map(TextLines.trim) }
            let timestamp = candidates.first { ISOInstant.instant($0) != nil } ?? "1970-01-01T00:00:00Z"
            let handle = CollisionFormat.handle(collision.loserAuthor)
            return "- \(timestamp) \(handle): \(FieldMerge.describe(collision))"
        }
    }
}
