/// A front matter field two clones changed differently, settled by a sync merge: which value was
/// kept, which was not, and who set each. A sync merge's commit message lists these (see
/// `CommitMessage.syncMerge`), so history can show the collision as one event.
public struct SettledCollision: Hashable, Sendable {
    /// The journal-relative path of the task or note.
    public var path: String
    /// The front matter key.
    public var field: String
    /// The value kept (nil: the field was removed).
    public var kept: String?
    /// Who set the kept value (commit author names, as the merge knows them).
    public var keptBy: String
    /// The value not kept (nil: that side removed the field).
    public var other: String?
    /// Who set the value not kept.
    public var otherBy: String

    public init(path: String, field: String, kept: String?, keptBy: String, other: String?, otherBy: String) {
        self.path = path
        self.field = field
        self.kept = kept
        self.keptBy = keptBy
        self.other = other
        self.otherBy = otherBy
    }

    /// How the line reads in a merge commit's message:
    /// `tasks/k7q2xm.md status: doing (Priya) vs blocked (Tom): blocked kept`.
    /// Values and names are escaped (`\\`, `\(`, `\)`, `\n`, `\u{…}` for other controls), so any
    /// text reads back exactly; `(removed)` stands for a removed field.
    public var line: String {
        let a = Self.escapedValue(other)
        let b = Self.escapedValue(kept)
        return "\(path) \(field): \(a) (\(Self.escape(otherBy))) vs \(b) (\(Self.escape(keptBy))): \(b) kept"
    }

    /// Reads `line` back; nil for anything else.
    public init?(line: String) {
        guard let space = line.firstIndex(of: " ") else { return nil }
        let path = String(line[..<space])
        let rest = line[line.index(after: space)...]
        guard let colon = rest.range(of: ": ") else { return nil }
        let field = String(rest[..<colon.lowerBound])
        var reader = EscapedReader(String(rest[colon.upperBound...]))
        guard !path.isEmpty, !field.isEmpty,
            let other = reader.value(until: " ("), let otherBy = reader.text(until: ")"), reader.skip(" vs "),
            let kept = reader.value(until: " ("), let keptBy = reader.text(until: ")"),
            reader.remainder == ": " + Self.escapedValue(kept) + " kept"
        else { return nil }
        self.init(path: path, field: field, kept: kept, keptBy: keptBy, other: other, otherBy: otherBy)
    }

    static let removed = "(removed)"

    static func escapedValue(_ value: String?) -> String {
        value.map(escape) ?? removed
    }

    static func escape(_ text: String) -> String { escaping.apply(text) }

    /// Backslash, parentheses and newline escaped; control and format characters as `\u{hex}`.
    private static let escaping = ScalarEscape(["\\": "\\\\", "(": "\\(", ")": "\\)", "\n": "\\n"]) { scalar in
        let category = scalar.properties.generalCategory
        guard category == .control || category == .format else { return nil }
        return "\\u{" + String(scalar.value, radix: 16) + "}"
    }
}

/// Reads the escaped parts of a `SettledCollision` line, left to right, scalar by scalar.
private struct EscapedReader {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// What is left to read.
    var remainder: String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[index...])
        return text
    }

    private func starts(with literal: String) -> Bool {
        let wanted = Array(literal.unicodeScalars)
        return scalars.count - index >= wanted.count && Array(scalars[index..<index + wanted.count]) == wanted
    }

    mutating func skip(_ literal: String) -> Bool {
        guard starts(with: literal) else { return false }
        index += literal.unicodeScalars.count
        return true
    }

    /// A value up to the unescaped `terminator`: `(removed)` is nil, anything else unescaped text.
    /// The outer optional is nil when the line is malformed.
    mutating func value(until terminator: String) -> String?? {
        if skip(SettledCollision.removed + terminator) { return .some(nil) }
        return text(until: terminator).map { .some($0) }
    }

    /// Unescaped text up to the first unescaped `terminator`, which is consumed.
    mutating func text(until terminator: String) -> String? {
        var out = String.UnicodeScalarView()
        while index < scalars.count {
            if skip(terminator) { return String(out) }
            let c = scalars[index]
            index += 1
            if c == "(" || c == ")" { return nil }
            guard c == "\\" else {
                out.append(c)
                continue
            }
            guard index < scalars.count else { return nil }
            let next = scalars[index]
            index += 1
            switch next {
            case "\\", "(", ")": out.append(next)
            case "n": out.append("\n")
            case "u":
                guard index < scalars.count, scalars[index] == "{",
                    let close = scalars[index...].firstIndex(of: "}"),
                    let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 1)..<close])), radix: 16),
                    let scalar = Unicode.Scalar(value)
                else { return nil }
                out.append(scalar)
                index = close + 1
            default: return nil
            }
        }
        return nil
    }
}
