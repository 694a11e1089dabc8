import Foundation
import JournalModel

extension Digest {
    /// The digest as stable JSON (documented in README's "JSON output"): keys sorted, absent values `null`,
    /// times ISO 8601 in the reader's zone (`local_at`: in the author's), days `YYYY-MM-DD` (an event's `day`
    /// is its author's local day).
    public func json() throws -> String {
        func time(_ t: Timestamp?) -> Any { t.map { $0.converted(to: zone).description } ?? NSNull() }
        func opt(_ s: String?) -> Any { s ?? NSNull() }
        func local(_ t: Timestamp, _ by: String) -> [String: Any] {
            [
                "local_at": clock.authors.local(t, by: by).description,
                "day": clock.authors.day(of: t, by: by).description,
            ]
        }
        var object: [String: Any] = [
            "responsiveness": responsiveness.jsonObject(),
            "team": team,
            "since": since.description,
            "until": until.description,
            "timezone": zone.identifier,
            "period": periodJSON,
            "generated": time(generated),
            "stale_days": staleDays,
            "people": people.map { person -> [String: Any] in
                relay.jsonFields(of: person.handle).merging([
                    "handle": person.handle,
                    "notes": person.notes.map { note -> [String: Any] in
                        var sections: [String: Any] = [:]
                        for section in NoteSection.allCases {
                            let bullets = note.sections.first { $0.section == section }?.bullets ?? []
                            sections[section.rawValue] = bullets.map { bullet -> [String: Any] in
                                [
                                    "time": opt(bullet.time), "text": bullet.text, "at": time(bullet.at),
                                    "local_at": opt(
                                        bullet.at.map { clock.authors.local($0, by: person.handle).description }),
                                ]
                            }
                        }
                        return ["day": note.day.description, "sections": sections, "attachments": note.attachments]
                    },
                    "status_changes": person.statusChanges.map {
                        [
                            "task": $0.taskID, "title": $0.title, "from": opt($0.from), "to": opt($0.to), "by": $0.by,
                            "at": time($0.at),
                        ].merging(local($0.at, $0.by)) { a, _ in a }
                    },
                    "blockers_raised": person.blockersRaised.map {
                        [
                            "task": $0.taskID, "title": $0.title, "reason": opt($0.reason), "by": $0.by,
                            "at": time($0.at),
                        ].merging(local($0.at, $0.by)) { a, _ in a }
                    },
                    "blockers_cleared": person.blockersCleared.map {
                        ["task": $0.taskID, "title": $0.title, "by": $0.by, "at": time($0.at)].merging(
                            local($0.at, $0.by)
                        ) { a, _ in a }
                    },
                ]) { a, _ in a }
            },
            "blocked": blocked.map {
                [
                    "task": $0.taskID, "title": $0.title, "owner": $0.owner, "reason": opt($0.reason),
                    "since": time($0.since),
                ]
            },
            "overdue": overdue.map {
                ["task": $0.taskID, "title": $0.title, "owner": $0.owner, "due": $0.due.description]
            },
            "stale": stale.map {
                ["task": $0.taskID, "title": $0.title, "owner": $0.owner, "updated": time($0.updated), "days": $0.days]
            },
            "late_asks": lateAsks.map {
                [
                    "ask": $0.askID, "title": $0.title, "from": $0.from, "to": $0.to, "respond_by": time($0.respondBy),
                    "answered_at": time($0.answeredAt), "answered_by": opt($0.answeredBy), "status": $0.status,
                ]
            },
        ]
        object["missing_notes"] = MissingNotes.json(missingNotes)
        object["unreadable"] = UnreadableList.json(unreadable)
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

extension Digest {
    /// `{"kind": "this_week_so_far" | "last_week" | "days", "week": "2026-W49" | null, "label": ...}`.
    var periodJSON: [String: Any] {
        let kind: String
        let week: Any
        switch periodKind {
        case .thisWeekSoFar(let w): (kind, week) = ("this_week_so_far", w.description)
        case .lastWeek(let w): (kind, week) = ("last_week", w.description)
        case .days: (kind, week) = ("days", NSNull())
        }
        return ["kind": kind, "week": week, "label": ReadingPeriod(first: since, last: until, kind: periodKind).label]
    }
}
