import JournalModel

extension JournalMerge {
    /// Strategy for daily notes (`notes/**.md`): front matter by field, sections matched by
    /// heading, bullets of the standard sections united, all other text by diff3.
    ///
    /// A front matter collision keeps the smaller raw value and records the other one as a line
    /// right after the front matter: ``*(merge kept utc_offset `"+05:30"`; also set to `"+01:00"` by lee)*``.
    enum NoteMerge {
        static let bulletSections: Set<String> = ["## Yesterday", "## Today", "## Blockers"]

        /// A note body split at its `## ` headings.
        struct Body {
            var preamble: [String]
            /// Sections in order; `key` is the trimmed heading plus, when the heading repeats,
            /// its occurrence number, so that sections match by heading text.
            var sections: [(key: String, heading: String, lines: [String])]

            init(_ lines: [String]) {
                preamble = []
                sections = []
                var occurrences: [String: Int] = [:]
                for line in lines {
                    if line.hasPrefix("## ") {
                        let text = TextLines.trimTrailing(line)
                        occurrences[text, default: 0] += 1
                        let count = occurrences[text]!
                        sections.append((count == 1 ? text : "\(text)\n\(count)", line, []))
                    } else if sections.isEmpty {
                        preamble.append(line)
                    } else {
                        sections[sections.count - 1].lines.append(line)
                    }
                }
            }

            func section(_ key: String) -> (heading: String, lines: [String])? {
                sections.first { $0.key == key }.map { ($0.heading, $0.lines) }
            }
        }

        /// The merged note, or nil when some version's front matter cannot be parsed.
        static func merge(base: [String], pair: MergePair) -> Resolution<String>? {
            guard let (baseDoc, firstDoc, secondDoc) = FieldMerge.documents(base: base, pair: pair) else { return nil }
            let authors = pair.authors
            let fields = FieldMerge.merge(baseDoc, firstDoc, secondDoc, authors: authors, policy: .valueOrder)
            let (b, x, y) = (Body(baseDoc.body), Body(firstDoc.body), Body(secondDoc.body))
            var collisions = fields.collisions.count

            let preamble = PlainTextMerge.merge(
                base: b.preamble, first: x.preamble, second: y.preamble,
                authors: authors)
            collisions += preamble.collisions
            var body = preamble.elements
            if !fields.collisions.isEmpty {
                while let last = body.last, TextLines.isBlank(last) { body.removeLast() }
                body.append("")
                body += fields.collisions.map {
                    "*(\(FieldMerge.describe($0)) by \(CollisionFormat.displayName($0.loserAuthor)))*"
                }
                body.append("")
            }

            let keys = SequenceUnion.union(x.sections.map(\.key), y.sections.map(\.key))
            for key in keys {
                guard
                    let section = mergeSection(
                        key, base: b.section(key), first: x.section(key),
                        second: y.section(key), authors: authors)
                else { continue }
                collisions += section.collisions
                if let last = body.last, !TextLines.isBlank(last) { body.append("") }
                body += section.elements
            }
            return Resolution(
                elements: FrontMatterLines(
                    opening: firstDoc.opening, fields: fields.fields, closing: firstDoc.closing, body: body
                ).lines,
                collisions: collisions, settled: fields.collisions)
        }

        /// One section (heading line included), or nil when it was removed.
        private static func mergeSection(
            _ key: String, base: (heading: String, lines: [String])?,
            first: (heading: String, lines: [String])?, second: (heading: String, lines: [String])?,
            authors: MergeAuthors
        ) -> Resolution<String>? {
            switch (first, second) {
            case (let first?, let second?):
                let baseLines = base?.lines ?? []
                let merged =
                    bulletSections.contains(TextLines.trimTrailing(first.heading))
                    ? NoteBullets.merge(base: baseLines, first: first.lines, second: second.lines, authors: authors)
                    : PlainTextMerge.merge(base: baseLines, first: first.lines, second: second.lines, authors: authors)
                return Resolution(elements: [first.heading] + merged.elements, collisions: merged.collisions)
            case (let only?, nil), (nil, let only?):
                // Added on one side, or removed on one side: a removal wins only over no change.
                if let base, base.lines == only.lines, base.heading == only.heading { return nil }
                return Resolution(elements: [only.heading] + only.lines, collisions: 0)
            case (nil, nil):
                return nil
            }
        }
    }
}
