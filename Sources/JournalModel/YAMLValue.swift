import Yams

/// A YAML value as read from front matter, with map order and scalar quoting kept,
/// so unknown fields survive a rewrite unchanged.
public indirect enum YAMLValue: Sendable, Equatable {
    /// A scalar; `plain` is false when it was quoted or a block scalar (and is written quoted).
    case scalar(String, plain: Bool)
    /// A sequence; `flow` is true for the one-line `[a, b]` form.
    case list([YAMLValue], flow: Bool)
    /// A mapping, in file order.
    case map([YAMLField])

    /// A string that is written plain when that is safe, quoted otherwise.
    public static func string(_ text: String) -> YAMLValue { .scalar(text, plain: !YAMLScalar.needsQuotes(text)) }

    /// The scalar text, or nil for lists and maps.
    public var text: String? {
        if case .scalar(let s, _) = self { return s }
        return nil
    }

    /// True for an empty plain scalar or `~`/`null`.
    public var isNull: Bool {
        if case .scalar(let s, true) = self { return s.isEmpty || ["~", "null", "Null", "NULL"].contains(s) }
        return false
    }

    /// Reads a composed node; `source` (the YAML lines) tells flow lists from block lists,
    /// because Yams does not keep the sequence style.
    init(node: Node, source: [String]) {
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any)
        case .sequence(let sequence):
            let items = sequence.map { YAMLValue(node: $0, source: source) }
            self = .list(items, flow: YAMLValue.startsFlow(sequence.mark, in: source))
        case .mapping(let mapping):
            self = .map(
                mapping.map { YAMLField(key: $0.key.string ?? "", value: YAMLValue(node: $0.value, source: source)) })
        case .alias:
            self = .scalar("", plain: true)
        }
    }
}

extension YAMLValue {
    /// True when the text at `mark` (1-based line and column in scalars) is `[`.
    fileprivate static func startsFlow(_ mark: Mark?, in source: [String]) -> Bool {
        guard let mark, mark.line >= 1, mark.line <= source.count else { return false }
        let scalars = source[mark.line - 1].unicodeScalars
        guard mark.column >= 1, mark.column <= scalars.count else { return false }
        return scalars[scalars.index(scalars.startIndex, offsetBy: mark.column - 1)] == "["
    }
}

/// One `key: value` pair of a YAML mapping.
public struct YAMLField: Sendable, Equatable {
    public var key: String
    public var value: YAMLValue

    public init(key: String, value: YAMLValue) {
        self.key = key
        self.value = value
    }
}

/// Parsing and deterministic rendering of a front matter mapping.
public enum YAMLFields {
    /// The fields of a YAML mapping in order; an empty document gives no fields.
    /// Throws `YAMLFieldsError` with a short one-line detail (`line 3: ...`) counted from `firstLine`.
    /// baton's own one-line-per-field form is read by a fast path (`SimpleYAML`); everything else by Yams.
    /// Anchors, aliases, merge keys and oversized text are refused before anything is composed (`YAMLBounds`).
    public static func parse(_ yaml: String, firstLine: Int = 1) throws -> [YAMLField] {
        try YAMLBounds.checkSize(yaml)
        if let fields = SimpleYAML.parse(yaml) { return fields }
        return try parseComposing(yaml, firstLine: firstLine)
    }

    /// `parse` through Yams' composer, whatever the form.
    static func parseComposing(_ yaml: String, firstLine: Int = 1) throws -> [YAMLField] {
        try YAMLBounds.check(yaml, firstLine: firstLine)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw YAMLFieldsError(detail: describe(error, firstLine: firstLine))
        }
        guard let node else { return [] }
        guard case .mapping(let mapping) = node else {
            throw YAMLFieldsError(detail: "expected `key: value` lines, found a \(kind(of: node))")
        }
        let source = TextLines(yaml).lines
        var fields: [YAMLField] = []
        for pair in mapping {
            guard case .scalar(let key) = pair.key else {
                throw YAMLFieldsError(detail: "a key is not a plain word")
            }
            fields.append(YAMLField(key: key.string, value: YAMLValue(node: pair.value, source: source)))
        }
        return fields
    }

    /// Block-style YAML, one `key: value` line per field (nested maps indented by two spaces),
    /// each line ending in a newline.
    public static func render(_ fields: [YAMLField]) -> String {
        var out = ""
        for field in fields { renderField(field, indent: "", into: &out) }
        return out
    }

    private static func renderField(_ field: YAMLField, indent: String, into out: inout String) {
        let key = YAMLScalar.needsQuotes(field.key) ? YAMLScalar.quoted(field.key) : field.key
        switch field.value {
        case .map(let fields) where !fields.isEmpty:
            out += "\(indent)\(key):\n"
            for inner in fields { renderField(inner, indent: indent + "  ", into: &out) }
        case .list(let items, let flow) where !items.isEmpty && (!flow || items.contains(where: { $0.text == nil })):
            out += "\(indent)\(key):\n"
            for item in items { renderItem(item, indent: indent + "  ", into: &out) }
        default:
            let value = inline(field.value)
            out += value.isEmpty ? "\(indent)\(key):\n" : "\(indent)\(key): \(value)\n"
        }
    }

    private static func renderItem(_ item: YAMLValue, indent: String, into out: inout String) {
        switch item {
        case .map(let fields) where !fields.isEmpty:
            var inner = ""
            for field in fields { renderField(field, indent: indent + "  ", into: &inner) }
            // Put the first key on the dash line.
            out += indent + "- " + inner.dropFirst(indent.count + 2)
        case .list(let items, let flow) where !items.isEmpty && (!flow || items.contains(where: { $0.text == nil })):
            out += "\(indent)-\n"
            for nested in items { renderItem(nested, indent: indent + "  ", into: &out) }
        default:
            let value = inline(item)
            out += value.isEmpty ? "\(indent)-\n" : "\(indent)- \(value)\n"
        }
    }

    /// A one-line form: scalars, flow lists of scalars, `{}` and `[]`.
    static func inline(_ value: YAMLValue) -> String {
        switch value {
        case .scalar(let s, let plain):
            if plain && s.isEmpty { return "" }
            return plain && YAMLScalar.isSafePlain(s, inFlow: false) ? s : YAMLScalar.quoted(s)
        case .list(let items, _):
            let parts = items.map { item -> String in
                guard case .scalar(let s, let plain) = item else { return "[]" }
                return plain && YAMLScalar.isSafePlain(s, inFlow: true) && !s.isEmpty ? s : YAMLScalar.quoted(s)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .map:
            return "{}"
        }
    }

    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar: "single value"
        case .sequence: "list"
        case .mapping: "mapping"
        case .alias: "alias"
        }
    }

    private static func describe(_ error: any Error, firstLine: Int) -> String {
        guard let yamlError = error as? YamlError else { return TextSafety.singleLine("\(error)") }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return "line \(mark.line + firstLine - 1): \(problem)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            return
                "line \(context.mark.line + firstLine - 1): the key \(duplicates.joined(separator: ", ")) appears twice"
        case .reader(let problem, _, _, _):
            return problem
        default:
            return TextSafety.singleLine("\(yamlError)")
        }
    }
}

/// A YAML syntax problem, as one short line (`line 3: mapping values are not allowed here`).
public struct YAMLFieldsError: Error, Sendable, Equatable {
    public let detail: String
}
