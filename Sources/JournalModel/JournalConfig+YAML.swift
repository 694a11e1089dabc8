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
            let name = try Self.text(field)
            guard TimeZone(identifier: name) != nil else {
                throw ModelError.badConfig(
                    "timezone \"\(TextSafety.singleLine(name))\" is not an IANA zone such as Europe/Berlin")
            }
            timezone = name
        case "ask_window_hours":
            askWindowHours = try Self.positive(field)
        case "stale_days":
            staleDays = try Self.positive(field)
        case "workdays":
            workdays = try Self.workdays(field)
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
        return lines.map { setting, comment in
            let gap = setting.count < 26 ? String(repeating: " ", count: 28 - setting.count) : "   "
            return setting + gap + "# " + comment + "\n"
        }.joined()
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

    private static func workdays(_ field: YAMLField) throws -> Set<Weekday> {
        let names: [String]
        switch field.value {
        case .list(let items, _):
            names = try items.map { item in
                guard let name = item.text else { throw ModelError.badConfig("workdays must be a list of day names") }
                return name
            }
        case .scalar(let text, _):
            names = text.split(separator: ",").map(String.init)
        case .map:
            throw ModelError.badConfig("workdays must be a list such as [mon, tue, wed, thu, fri]")
        }
        var days: Set<Weekday> = []
        for name in names {
            guard let day = Weekday(name: name) else {
                throw ModelError.badConfig("workdays: \"\(TextSafety.singleLine(name))\" is not a day name such as mon")
            }
            days.insert(day)
        }
        guard !days.isEmpty else { throw ModelError.badConfig("workdays must name at least one day") }
        return days
    }
}
