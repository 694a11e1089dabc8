import Foundation

extension TaskDocument {
    /// The title of a task file that does not read as a whole (a typo in another field, say): its front
    /// matter's `title:` line alone, for views that still name the task. Nil when there is no such line or it
    /// does not read either. Reads at most the first 200 lines.
    public static func salvagedTitle(from text: String) -> String? {
        let lines = text.split(separator: "\n", maxSplits: 200, omittingEmptySubsequences: false).prefix(200)
            .map(String.init)
        guard let field = FrontMatterLines.parse(lines)?.field("title"),
            let value = SimpleYAML.parse(field.lines.joined(separator: "\n"))?.first?.value.text
        else { return nil }
        let title = TextSafety.singleLine(value).trimmingCharacters(in: .whitespaces)
        return title.isEmpty ? nil : title
    }
}
