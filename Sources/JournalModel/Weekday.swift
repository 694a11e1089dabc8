/// A day of the week, numbered ISO style (Monday = 1 ... Sunday = 7).
public enum Weekday: Int, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    case mon = 1
    case tue, wed, thu, fri, sat, sun

    /// Parses "monday", "mon", "tues", "thurs" (any prefix of the full name, at least three letters).
    public init?(name: String) {
        let text = name.trimmingWhitespace().lowercased()
        guard text.count >= 3,
            let match = Weekday.allCases.first(where: { $0.fullName.hasPrefix(text) })
        else { return nil }
        self = match
    }

    /// Like `init?(name:)`, throwing `ModelError.badWeekday`.
    public static func parse(_ name: String) throws -> Weekday {
        guard let day = Weekday(name: name) else { throw ModelError.badWeekday(name) }
        return day
    }

    /// "mon", "tue", ...
    public var shortName: String { String(fullName.prefix(3)) }

    /// "monday", "tuesday", ...
    public var fullName: String {
        switch self {
        case .mon: "monday"
        case .tue: "tuesday"
        case .wed: "wednesday"
        case .thu: "thursday"
        case .fri: "friday"
        case .sat: "saturday"
        case .sun: "sunday"
        }
    }

    public var description: String { shortName }

    /// Monday to Friday.
    public static let workweek: Set<Weekday> = [.mon, .tue, .wed, .thu, .fri]

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
