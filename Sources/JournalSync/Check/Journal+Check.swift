import Foundation
import JournalModel

/// A journal file that does not parse, with the line at fault.
public struct FileProblem: Sendable, Equatable {
    public var path: String
    /// The 1-based line the problem is on (nil when the file cannot be read at all, e.g. a link).
    public var line: Int?
    public var reason: String

    /// `tasks/k7q2xm.md:4: status "blokced" is not one of ...`.
    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): \(reason)"
    }
}

extension Journal {
    /// Every task, note, time-away file and `baton.yml` in the work tree that baton cannot read, sorted by path.
    public func checkFiles() -> [FileProblem] {
        var paths = [JournalLayout.configFile]
        paths += taskIDs().map { JournalLayout.taskPath(id: $0) }
        paths += markdownFiles(under: JournalLayout.notesFolder)
        var problems = formatProblems(in: paths) + awayProblems()
        // Links and oversized files met on the way (listing folders) have no line.
        for file in JournalWarnings.shared.unreadableFiles where !problems.contains(where: { $0.path == file.path }) {
            problems.append(FileProblem(path: file.path, line: nil, reason: file.message))
        }
        return problems.sorted { $0.path < $1.path }
    }

    /// The problems of those `paths` that are journal files (tasks, notes, `baton.yml`) and do not parse.
    public func formatProblems(in paths: [String]) -> [FileProblem] {
        var problems: [FileProblem] = []
        for path in paths {
            let kind = JournalLayout.classify(path: path)
            let text: String?
            do {
                switch kind {
                case .config, .note, .task: text = try read(path)
                default: continue
                }
            } catch {
                problems.append(FileProblem(path: path, line: nil, reason: Self.skipReason(error)))
                continue
            }
            guard let text else { continue }
            do {
                switch kind {
                case .config: _ = try JournalConfig.parse(text)
                case .note: _ = try DailyNote.parse(text, path: path)
                case .task(let id): _ = try Journal.parseTask(text, id: id)
                default: break
                }
            } catch {
                let detail = Self.problemDetail(error)
                problems.append(FileProblem(path: path, line: FaultLine.locate(detail, in: text), reason: detail))
            }
        }
        return problems
    }

    /// The words of a parse error without the path and the advice around them.
    static func problemDetail(_ error: Error) -> String {
        switch error {
        case ModelError.badFrontMatter(_, let detail): return TextSafety.singleLine(detail)
        case ModelError.badConfig(let detail): return TextSafety.singleLine(detail)
        case ModelError.idMismatch(_, let id): return "id: \(TextSafety.singleLine(id)) is not the file's name"
        default: return TextSafety.singleLine(skipReason(error))
        }
    }
}
