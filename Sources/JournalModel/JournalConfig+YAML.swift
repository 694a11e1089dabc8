import Foundation

extension JournalConfig {
    /// Reads `baton.yml`; missing keys keep their defaults, unknown keys are ignored.
    public static func parse(_ yaml: String) throws -> JournalConfig {
        var config = JournalConfig()
        for field in try fields(of: yaml) { try config.apply(field) }
        return config
    }

    /// The `key: value` fields of `baton.yml` (a leading byte order mark is ignored).
    static func fields(of yaml: String) throws -> [YAMLField] {
        do {
            return try YAMLFields.parse(FrontMatter.droppingByteOrderMark(yaml))
        } catch let error as YAMLFieldsError {
            throw ModelError.badConfig(error.detail)
        }
    }

    /// Sets the setting `field` names; unknown keys and empty values change nothing.
    mutating func apply(_ field: YAMLField) throws {
        guard !field.value.isNull else { return }
        switch field.key {
        case "team":
            team = try Self.text(field)
        case "timezone":
            timezone = try Self.zoneName(Self.text(field))
        case "ask_window_hours":
            askWindowHours = try Self.positive(field)
        case "stale_days":
            staleDays = try Self.positive(field)
        case "workdays":
            workdays = try Self.workdays(field.value, key: field.key)
        case "members":
            members = try Self.members(field.value)
        default:
            return
        }
    }

    /// `baton.yml` text with a comment on every key.
    public func render() -> String {
        let days = Weekday.allCases.filter(workdays.contains).map(\.shortName).joined(separator: ", ")
        let lines: [(String, String)] = [
            ("team: \(YAMLScalar.render(team))", "team name, shown in views"),
            ("timezone: \(YAMLScalar.render(timezone))", "default IANA zone, used when a reader's zone is unknown"),
            ("ask_window_hours: \(askWindowHours)", "default response window of `baton ask`"),
            ("workdays: [\(days)]", "\"yesterday\" skips the other days"),
            ("stale_days: \(staleDays)", "a task not updated for this many days is stale"),
        ]
        let settings = lines.map { setting, comment in
            let gap = setting.count < 26 ? String(repeating: " ", count: 28 - setting.count) : "   "
            return setting + gap + "# " + comment + "\n"
        }.joined()
        return settings + renderMembers()
    }

    /// The `members:` block, or nothing when there is no roster.
    public func renderMembers() -> String {
        guard let members else { return "" }
        guard !members.isEmpty else { return "members: []                 # the team roster\n" }
        var text = "members:                    # the team roster: handle, and optional name, zone, workdays, joined\n"
        for member in members {
            text += "  - handle: \(member.handle.value)\n"
            if let name = member.name { text += "    name: \(YAMLScalar.render(name))\n" }
            if let zone = member.zone { text += "    zone: \(YAMLScalar.render(zone))\n" }
            if let days = member.workdays {
                let names = Weekday.allCases.filter(days.contains).map(\.shortName).joined(separator: ", ")
                text += "    workdays: [\(names)]\n"
            }
            if let joined = member.joined { text += "    joined: \(joined)\n" }
        }
        return text
    }

    /// The zone named by `timezone` (UTC if it is unknown).
    public var timeZone: TimeZone {
        TimeZone(identifier: timezone) ?? TimeZone(secondsFromGMT: 0) ?? .current
    }

    private static func text(_ field: YAMLField) throws -> String {
        guard let text = field.value.text?.trimmingWhitespace(), !text.isEmpty else {
            throw ModelError.badConfig("\(field.key) must be a single value")
        }
        return text
    }

    private static func positive(_ field: YAMLField) throws -> Int {
        let raw = try text(field)
        guard let value = Int(raw), value > 0 else {
            throw ModelError.badConfig(
                "\(field.key) must be a whole number above 0, not \"\(TextSafety.singleLine(raw))\"")
        }
        return value
    }

    private static func zoneName(_ raw: String) throws -> String {
        guard TimeZone(identifier: raw) != nil else {
            throw ModelError.badConfig(
                "timezone \"\(TextSafety.singleLine(raw))\" is not an IANA zone such as Europe/Berlin")
        }
        return raw
    }

    private static func members(_ value: YAMLValue) throws -> [Member] {
        guard case .list(let items, _) = value else {
            if value.isNull { return [] }
            throw ModelError.badConfig("members must be a list of entries such as \"- handle: priya\"")
        }
        var seen: Set<String> = []
        return try items.map { item in
            let member = try Self.member(item)
            guard seen.insert(member.handle.value).inserted else {
                throw ModelError.badConfig("members lists \(member.handle.value) twice")
            }
            return member
        }
    }

    private static func member(_ item: YAMLValue) throws -> Member {
        switch item {
        case .scalar(let text, _):
            return Member(handle: try memberHandle(text))
        case .map(let fields):
            guard let raw = fields.first(where: { $0.key == "handle" })?.value.text else {
                throw ModelError.badConfig("each entry of members needs a handle, as in \"- handle: priya\"")
            }
            var member = Member(handle: try memberHandle(raw))
            for field in fields where !field.value.isNull {
                switch field.key {
                case "name": member.name = try text(field)
                case "zone", "timezone": member.zone = try zoneName(text(field))
                case "workdays": member.workdays = try workdays(field.value, key: "workdays of \(raw)")
                case "joined": member.joined = try joinedDay(text(field), of: raw)
                default: continue
                }
            }
            return member
        case .list:
            throw ModelError.badConfig("members must be a list of entries such as \"- handle: priya\"")
        }
    }

    private static func joinedDay(_ raw: String, of handle: String) throws -> LocalDay {
        guard let day = LocalDay(string: raw.trimmingWhitespace()) else {
            throw ModelError.badConfig(
                "joined of \(TextSafety.singleLine(handle)) must be a day such as 2026-11-18, not "
                    + "\"\(TextSafety.singleLine(raw))\"")
        }
        return day
    }

    private static func memberHandle(_ raw: String) throws -> Handle {
        do {
            return try Handle(raw.trimmingWhitespace())
        } catch {
            throw ModelError.badConfig("members: \"\(TextSafety.singleLine(raw))\" is not a handle such as priya")
        }
    }

    private static func workdays(_ value: YAMLValue, key: String) throws -> Set<Weekday> {
        let names: [String]
        switch value {
        case .list(let items, _):
            names = try items.map { item in
                guard let name = item.text else { throw ModelError.badConfig("\(key) must be a list of day names") }
                return name
            }
        case .scalar(let text, _):
            names = text.split(separator: ",").map(String.init)
        case .map:
            throw ModelError.badConfig("\(key) must be a list such as [mon, tue, wed, thu, fri]")
        }
        var days: Set<Weekday> = []
        for name in names {
            guard let day = Weekday(name: name) else {
                throw ModelError.badConfig("\(key): \"\(TextSafety.singleLine(name))\" is not a day name such as mon")
            }
            days.insert(day)
        }
        guard !days.isEmpty else { throw ModelError.badConfig("\(key) must name at least one day") }
        return days
    }
}
