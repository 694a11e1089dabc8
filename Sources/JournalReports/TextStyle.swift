/// Terminal styling that switches itself off for pipes and `NO_COLOR`.
public struct TextStyle: Sendable {
    public let color: Bool

    public init(color: Bool) { self.color = color }

    func wrap(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    public func heading(_ text: String) -> String { wrap(text, "1") }
    public func alert(_ text: String) -> String { wrap(text, "31;1") }
    public func id(_ text: String) -> String { wrap(text, "33") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
}
