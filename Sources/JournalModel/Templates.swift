import Foundation
import Mustache

/// Renders the Mustache templates, preferring the journal's `templates/<name>.md` over the built-in ones.
/// The journal's files are read by the caller (the storage layer, which never follows a symbolic link).
public struct Templates: Sendable {
    /// The text of the journal's override of a template (by file name, `daily.md`), or nil to use the
    /// built-in one.
    public typealias Overrides = @Sendable (_ name: String) throws -> String?

    private let overrides: Overrides

    /// Templates with the journal's `overrides`; without them, only the built-ins.
    public init(overrides: @escaping Overrides = { _ in nil }) {
        self.overrides = overrides
    }

    /// A new daily note: front matter and the three empty sections.
    public func dailyNote(author: Handle, day: LocalDay, offset: String) throws -> String {
        let text = try render("daily.md", ["author": author.value, "date": day.description, "utc_offset": offset])
        do {
            _ = try DailyNote.parse(text, path: "daily.md")
        } catch {
            throw ModelError.badTemplate("daily.md", "the result is not a valid note: \(error.localizedDescription)")
        }
        return text
    }

    /// A new task file that `TaskDocument.parse` accepts.
    public func task(
        id: String, title: String, owner: Handle, author: Handle, created: Timestamp,
        due: LocalDay? = nil, tags: [String] = [], description: String = ""
    ) throws -> String {
        var context = commonContext(id: id, title: title, author: author, created: created, due: due, tags: tags)
        context["owner"] = owner.value
        let body = trimBlankLines(TextLines(description).lines.map { $0.stripCR() })
        if !body.isEmpty { context["description"] = body }
        return try checkedTask(render("task.md", context), name: "task.md")
    }

    /// A new ask file (`kind: ask`, owned by `to`) that `TaskDocument.parse` accepts;
    /// without a title, the first line of `text` is used.
    public func ask(
        id: String, title: String? = nil, from: Handle, to: Handle, text: String, created: Timestamp,
        respondBy: Timestamp, due: LocalDay? = nil, tags: [String] = []
    ) throws -> String {
        let question = trimBlankLines(TextLines(text).lines.map { $0.stripCR() })
        let heading = title ?? Templates.titleFrom(question)
        var context = commonContext(id: id, title: heading, author: from, created: created, due: due, tags: tags)
        context["owner"] = to.value
        context["from"] = from.value
        context["to"] = to.value
        context["respond_by"] = respondBy.description
        context["text"] = question
        return try checkedTask(render("ask.md", context), name: "ask.md")
    }

    /// Renders any template (a built-in one or a journal's own) with a context of strings, numbers, bools,
    /// arrays and dictionaries.
    public func render(_ name: String, _ context: [String: Any]) throws -> String {
        let source = try templateText(name)
        do {
            let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}\n" + source)
            return template.render(context)
        } catch {
            throw ModelError.badTemplate(name, TextSafety.singleLine("\(error)"))
        }
    }

    /// The text of a template: the journal's override if it has one, else the built-in one.
    public func templateText(_ name: String) throws -> String {
        if let override = try overrides(name) { return override }
        guard let builtin = BuiltinTemplates.text(named: name) else {
            throw ModelError.badTemplate(name, "there is no such template")
        }
        return builtin
    }

    /// A one-line title from the first line of a text, at most 72 characters.
    static func titleFrom(_ text: String) -> String {
        let first = TextSafety.singleLine(TextLines(text).lines.first ?? "")
        guard first.count > 72 else { return first }
        return String(first.prefix(71)).trimmingWhitespace() + "…"
    }

    private func commonContext(
        id: String, title: String, author: Handle, created: Timestamp, due: LocalDay?, tags: [String]
    ) -> [String: Any] {
        let cleanTitle = TextSafety.singleLine(title)
        var context: [String: Any] = [
            "id": YAMLScalar.render(id), "title": YAMLScalar.render(cleanTitle), "title_text": cleanTitle,
            "author": author.value, "created": created.description,
        ]
        if let due { context["due"] = due.description }
        let cleanTags = tags.map(TextSafety.singleLine).filter { !$0.isEmpty }
        if !cleanTags.isEmpty { context["tags"] = YAMLFields.inline(.list(cleanTags.map { .string($0) }, flow: true)) }
        return context
    }

    private func checkedTask(_ text: String, name: String) throws -> String {
        do {
            _ = try TaskDocument.parse(text, path: name)
        } catch {
            throw ModelError.badTemplate(name, "the result is not a valid task file: \(error.localizedDescription)")
        }
        return text
    }
}
