import Foundation
import JournalModel
import JournalSync

/// `baton member list`: each member with their zone and working days (their own, or the team's).
public struct RosterView: Sendable {
    public var roster: Roster
    public var config: JournalConfig

    public init(roster: Roster, config: JournalConfig) {
        self.roster = roster
        self.config = config
    }

    /// One line per member; the heading says where the roster comes from.
    public func text(style: TextStyle) -> String {
        let source =
            roster.isConfigured
            ? "Roster (members: in baton.yml)"
            : "Roster: no members: in baton.yml, so everyone who wrote in the last \(Roster.recentDays) days"
        var lines = [style.heading(source)]
        if roster.members.isEmpty { lines.append("  nobody yet; add someone with `baton member add HANDLE`") }
        for member in roster.members {
            let handle = member.handle.value
            let name = member.name.map { " (\(TerminalText.clean($0, keepNewlines: false)))" } ?? ""
            let days = Self.days(config.workdays(of: handle))
            let joined = member.joined.map { "  since \($0)" } ?? ""
            lines.append("  \(handle)\(name)  \(config.timeZone(of: handle).identifier)  \(days)\(joined)")
        }
        return lines.joined(separator: "\n")
    }

    /// `{"configured": true, "members": [{"handle", "name", "zone", "workdays", "joined"}]}`, zone and days
    /// resolved; `joined` is null when the roster does not say.
    public func json() throws -> String {
        let members: [[String: Any]] = roster.members.map { member in
            let handle = member.handle.value
            return [
                "handle": handle, "name": member.name ?? NSNull(), "zone": config.timeZone(of: handle).identifier,
                "workdays": Weekday.allCases.filter(config.workdays(of: handle).contains).map(\.shortName),
                "joined": member.joined?.description ?? NSNull(),
            ]
        }
        let object: [String: Any] = ["configured": roster.isConfigured, "members": members]
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func days(_ days: Set<Weekday>) -> String {
        Weekday.allCases.filter(days.contains).map(\.shortName).joined(separator: ",")
    }
}
