import JournalModel

extension JournalMerge {
    /// A field both sides changed differently, and the value that lost.
    struct FieldCollision: Equatable, Sendable {
        var key: String
        /// The kept value (nil: the field was removed).
        var winnerValue: String?
        /// The value that was not kept (nil: that side removed the field).
        var loserValue: String?
        /// Who set the losing value.
        var loserAuthor: String
        /// Who set the kept value.
        var winnerAuthor: String = ""
        /// The winning side's `updated` timestamp, raw, when it has one.
        var winnerUpdated: String?
    }

    /// Field-by-field three-way merge of front matter.
    ///
    /// A field changed on one side only takes that change (a removal included); both sides
    /// making the same change take it. When both changed a field differently, a deterministic
    /// winner is chosen and the loser's value is reported as a `FieldCollision`, so the caller
    /// can record it. Field order is the union of both sides' orders (see `SequenceUnion`).
    enum FieldMerge {
        /// How a field both sides changed differently is settled.
        enum Policy: Sendable {
            /// Tasks: the side whose `updated` is the later instant wins; on a tie the smaller raw
            /// value wins. `updated` itself takes the later instant and is never a collision.
            case latestUpdate
            /// Notes: the smaller raw value wins.
            case valueOrder
        }

        /// The front matter of the base and both sides (held as `ExactText` images), or nil when any of them
        /// has none that reads; the caller then merges the file as plain text.
        static func documents(base: [String], pair: MergePair) -> (
            FrontMatterLines, FrontMatterLines, FrontMatterLines
        )? {
            func read(_ lines: [String]) -> FrontMatterLines? { FrontMatterLines.parse(lines, text: ExactText.decode) }
            guard let baseDoc = read(base), let firstDoc = read(TextLines.split(pair.first)),
                let secondDoc = read(TextLines.split(pair.second))
            else { return nil }
            return (baseDoc, firstDoc, secondDoc)
        }

        /// The fields of three documents merged under `policy`.
        static func merge(
            _ base: FrontMatterLines, _ first: FrontMatterLines, _ second: FrontMatterLines, authors: MergeAuthors,
            policy: Policy
        ) -> (fields: [FrontMatterLines.Field], collisions: [FieldCollision]) {
            merge(base: base.fields, first: first.fields, second: second.fields, authors: authors, policy: policy)
        }

        static func merge(
            base: [FrontMatterLines.Field], first: [FrontMatterLines.Field], second: [FrontMatterLines.Field],
            authors: MergeAuthors, policy: Policy
        )
            -> (fields: [FrontMatterLines.Field], collisions: [FieldCollision])
        {
            func lookup(_ fields: [FrontMatterLines.Field], _ key: String) -> FrontMatterLines.Field? {
                fields.first { $0.key == key }
            }
            let firstUpdated = lookup(first, "updated")?.value
            let secondUpdated = lookup(second, "updated")?.value
            let keys = order(base: base.map(\.key), first: first.map(\.key), second: second.map(\.key))

            var merged: [FrontMatterLines.Field] = []
            var collisions: [FieldCollision] = []
            for key in keys {
                let original = lookup(base, key)
                let a = lookup(first, key)
                let b = lookup(second, key)
                let kept: FrontMatterLines.Field?
                if a == b || b == original {
                    kept = a
                } else if a == original {
                    kept = b
                } else if policy == .latestUpdate, key == "updated" {
                    kept = laterTimestamp(a, b)
                } else {
                    let firstWins = firstWinsCollision(
                        a, b, firstUpdated: firstUpdated,
                        secondUpdated: secondUpdated, policy: policy)
                    let (winner, loser) = firstWins ? (a, b) : (b, a)
                    kept = winner
                    collisions.append(
                        FieldCollision(
                            key: key, winnerValue: winner?.value, loserValue: loser?.value,
                            loserAuthor: firstWins ? authors.second : authors.first,
                            winnerAuthor: firstWins ? authors.first : authors.second,
                            winnerUpdated: firstWins ? firstUpdated : secondUpdated))
                }
                if let kept { merged.append(kept) }
            }
            return (merged, collisions)
        }

        /// The merged order of the keys, each once: the order of the side that reordered the keys it
        /// shares with the base (the first side's when both or neither did), with the other side's
        /// new keys united into it.
        static func order(base: [String], first: [String], second: [String]) -> [String] {
            func reordered(_ side: [String]) -> Bool {
                let shared = Set(side).intersection(base)
                return side.filter(shared.contains) != base.filter(shared.contains)
            }
            let (leading, other) = reordered(second) && !reordered(first) ? (second, first) : (first, second)
            var seen = Set<String>()
            return SequenceUnion.union(leading, other).filter { seen.insert($0).inserted }
        }

        /// Whether the first side's value wins a collision.
        static func firstWinsCollision(
            _ a: FrontMatterLines.Field?, _ b: FrontMatterLines.Field?,
            firstUpdated: String?, secondUpdated: String?,
            policy: Policy
        ) -> Bool {
            if policy == .latestUpdate {
                let ta = firstUpdated.flatMap(ISOInstant.instant)
                let tb = secondUpdated.flatMap(ISOInstant.instant)
                if ta != tb {
                    guard let ta else { return false }
                    guard let tb else { return true }
                    return ta > tb
                }
            }
            return !rawKey(b).lexicographicallyPrecedes(rawKey(a))
        }

        /// The later of two `updated` fields; on equal instants, the smaller raw text.
        static func laterTimestamp(_ a: FrontMatterLines.Field?, _ b: FrontMatterLines.Field?) -> FrontMatterLines
            .Field?
        {
            let ta = a.flatMap { ISOInstant.instant($0.value) }
            let tb = b.flatMap { ISOInstant.instant($0.value) }
            if ta != tb {
                guard let ta else { return b }
                guard let tb else { return a }
                return ta > tb ? a : b
            }
            return !rawKey(b).lexicographicallyPrecedes(rawKey(a)) ? a : b
        }

        /// The raw text a field is compared by; a missing field sorts first.
        private static func rawKey(_ field: FrontMatterLines.Field?) -> [String] {
            guard let field else { return [] }
            return [field.value, field.lines.joined(separator: "\n")]
        }

        /// A value flattened to one line, for a log line or note remark.
        static func flat(_ value: String) -> String {
            TextLines.split(value).map(TextLines.trim).filter { !$0.isEmpty }.joined(separator: " ")
        }

        private static func quoted(_ value: String) -> String {
            let text = flat(value)
            return text.isEmpty ? "(empty)" : "`\(text)`"
        }

        /// Human wording of a collision, e.g. ``merge kept status `done`; also set to `blocked` ``.
        static func describe(_ collision: FieldCollision) -> String {
            let kept =
                collision.winnerValue.map { "merge kept \(collision.key) \(quoted($0))" }
                ?? "merge removed \(collision.key)"
            let lost = collision.loserValue.map { "also set to \(quoted($0))" } ?? "also removed"
            return "\(kept); \(lost)"
        }
    }
}
