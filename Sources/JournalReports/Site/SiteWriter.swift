import Foundation
import JournalModel
import JournalSync

/// Writes the dashboard into a folder: the pages, the stylesheet and copies of the attachments.
public enum SiteWriter {
    /// Builds the site from the journal and writes it to `folder`; returns the number of pages.
    /// Files and old versions that cannot be read are left out and told to `skipped`, one line each.
    @discardableResult
    public static func write(
        journal: Journal, to folder: String, zone: TimeZone, now: Timestamp,
        skipped: (@Sendable (String) -> Void)? = nil
    ) throws -> Int {
        let (tasks, unreadable) = journal.loadTasks()
        for file in unreadable { skipped?("skipped \(file.path): \(file.message)") }
        let events = try journal.history(JournalHistory.Query(skipped: skipped), tasks: tasks)
        var notes: [(author: String, day: LocalDay, note: DailyNote)] = []
        for path in journal.markdownFiles(under: JournalLayout.notesFolder) {
            guard case .note(let handle, let day) = JournalLayout.classify(path: path),
                let text = try journal.read(path)
            else { continue }
            do {
                notes.append((handle, day, try DailyNote.parse(text, path: path)))
            } catch {
                skipped?("skipped \(path): \((error as? LocalizedError)?.errorDescription ?? "\(error)")")
            }
        }
        let attachments = files(under: journal.root + "/" + JournalLayout.attachmentsFolder)
            .map { JournalLayout.attachmentsFolder + "/" + $0 }
        let input = SiteInput(
            team: journal.config.team, zone: zone, now: now, staleDays: journal.config.staleDays, tasks: tasks,
            notes: notes, events: events, attachments: attachments)
        let pages = SiteBuilder(input).pages()
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (relative, text) in pages {
            let path = folder + "/" + relative
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        for relative in attachments {
            let target = folder + "/" + relative
            try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if fm.fileExists(atPath: target) { try fm.removeItem(atPath: target) }
            try fm.copyItem(atPath: journal.root + "/" + relative, toPath: target)
        }
        return pages.count
    }

    /// Regular files under `folder`, relative to it, skipping hidden ones and symbolic links.
    static func files(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var out: [String] = []
        for case let item as String in walker {
            if item.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + item)
            if attributes?[.type] as? FileAttributeType == .typeRegular { out.append(item) }
        }
        return out.sorted()
    }
}
