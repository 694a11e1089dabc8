import Foundation
import JournalModel

extension Responsiveness {
    /// The measures as a JSON object (README's "JSON output", `responsiveness`): durations in whole seconds,
    /// `null` when there is nothing to measure.
    public func jsonObject() -> [String: Any] {
        func seconds(_ value: Int?) -> Any { value ?? NSNull() }
        func windows(_ w: Windows) -> [String: Any] {
            [
                "received": w.received, "answered": w.answered, "answered_in_window": w.answeredInWindow,
                "waiting_past_window": w.waitingPastWindow, "median_seconds": seconds(w.medianSeconds),
                "p90_seconds": seconds(w.p90Seconds),
            ]
        }
        return [
            "percentile_rule": "nearest-rank",
            "responders": responders.map { r in windows(r.windows).merging(["handle": r.handle]) { a, _ in a } },
            "team": windows(team),
            "participation": participation.map {
                ["handle": $0.handle, "days_with_note": $0.daysWithNote, "working_days": $0.workingDays]
            },
            "blockers": [
                "cleared": blockers.cleared, "median_cleared_seconds": seconds(blockers.medianClearedSeconds),
                "longest_cleared_seconds": seconds(blockers.longestClearedSeconds), "still_open": blockers.stillOpen,
                "longest_open_seconds": seconds(blockers.longestOpenSeconds),
            ],
        ]
    }
}

extension Relay {
    /// A hand-off as JSON; the time in full ISO 8601 with the author's offset.
    static func jsonObject(_ h: Handoff) -> [String: Any] {
        [
            "task": h.taskID, "title": h.title, "from": h.from, "to": h.to, "note": h.note ?? NSNull(),
            "at": h.at.description,
        ]
    }

    /// One person's hand-offs and counts, merged into their object in the digest's `people`.
    func jsonFields(of handle: String) -> [String: Any] {
        let c = counts(of: handle)
        return [
            "handoffs_given": given(by: handle).map(Self.jsonObject),
            "handoffs_received": received(by: handle).map(Self.jsonObject),
            "counts": [
                "notes": c.notes, "tasks_created": c.tasksCreated, "tasks_done": c.tasksDone, "handed_on": c.handedOn,
                "asks_made": c.asksMade, "asks_answered": c.asksAnswered,
            ],
        ]
    }
}
