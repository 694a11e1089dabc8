import Foundation
import GitKit
import JournalModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which lines a search keeps, besides matching its words.
public struct SearchFilter: Sendable, Equatable {
    /// Which files a search reads.
    public enum Scope: String, Sendable, CaseIterable {
        case all, notes, tasks
    }

    /// Only lines this person wrote.
    public var member: String?
    /// Only lines of these days (the author's local day), both ends included.
    public var since: LocalDay?
    public var until: LocalDay?
    /// Only tasks and asks with this tag (notes have no tags).
    public var tag: String?
    public var scope: Scope

    public init(
        member: String? = nil, since: LocalDay? = nil, until: LocalDay? = nil, tag: String? = nil,
        scope: Scope = .all
    ) {
        self.member = member
        self.since = since
        self.until = until
        self.tag = tag
        self.scope = scope
    }

    func keeps(_ hit: SearchHit) -> Bool {
        if let member, hit.author != member { return false }
        if let since, hit.day < since { return false }
        if let until, hit.day > until { return false }
        return true
    }

    /// Whether a note of `day` can hold a kept line (its lines all have the note's day).
    func keepsNote(of day: LocalDay) -> Bool {
        if tag != nil || scope == .tasks { return false }
        if let since, day < since { return false }
        if let until, day > until { return false }
        return true
    }
}

extension Journal {
    /// Every line of the notes (`notes/<handle>/<year>/<day>.md`) and task and ask files (`tasks/<id>.md`) in
    /// the work tree that holds all of `terms`, newest first, and the files that could not be read. Only those
    /// folders are read (never `.git`, never through a link); a file is parsed only when its bytes can hold
    /// every word, on every core.
    public func search(_ terms: SearchTerms, filter: SearchFilter = SearchFilter()) -> (
        hits: [SearchHit], unreadable: [UnreadableFile]
    ) {
        guard !terms.isEmpty else { return ([], []) }
        let clock = AuthorClock(config: config)
        let folders = filter.scope != .tasks && filter.tag == nil ? noteFolders(filter: filter) : []
        let ids = filter.scope != .notes ? taskIDs() : []
        let files = files
        let tasksFolder = ids.isEmpty ? nil : try? files.openFolder(JournalLayout.tasksFolder)
        defer { if let tasksFolder { close(tasksFolder) } }
        // One job per folder of notes and per slice of task ids, taken by the cores as they come free.
        let slice = 128
        let taskJobs = tasksFolder == nil ? 0 : (ids.count + slice - 1) / slice
        var slots = [[Result<[SearchHit], UnreadableError>]](repeating: [], count: folders.count + taskJobs)
        slots.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            Parallel.forEach(out.count) { job in
                if job < folders.count {
                    out[job] = Self.searchNoteFolder(
                        folders[job], terms: terms, filter: filter, clock: clock, files: files)
                } else if let tasksFolder {
                    let first = (job - folders.count) * slice
                    out[job] = ids[first..<min(ids.count, first + slice)].compactMap { id in
                        let result = Self.searchTask(
                            id, in: tasksFolder, terms: terms, tag: filter.tag, clock: clock, files: files)
                        if case .success(let found) = result, found.isEmpty { return nil }
                        return result
                    }
                }
            }
        }
        var hits: [SearchHit] = []
        var unreadable: [UnreadableFile] = []
        // Each job's hits are freed once copied: they never all sit in memory twice.
        hits.reserveCapacity(
            slots.reduce(0) { total, slot in
                slot.reduce(total) { if case .success(let found) = $1 { $0 + found.count } else { $0 } }
            })
        for job in slots.indices {
            for result in slots[job] {
                switch result {
                case .success(let found): hits += found.filter(filter.keeps)
                case .failure(let error): unreadable.append(error.file)
                }
            }
            slots[job] = []
        }
        hits.sort(by: SearchHit.newestFirst)
        unreadable.sort { $0.path < $1.path }
        return (hits, unreadable)
    }

    /// A file a search could not read, as an error so it can travel in a `Result`.
    struct UnreadableError: Error {
        let file: UnreadableFile
    }

    // MARK: - notes

    /// One folder of notes: `notes/<handle>/<year>`.
    private struct NoteFolder: Sendable {
        let handle: String
        let path: String
    }

    /// The folders of notes (`notes/<handle>/<year>`) that can hold a line `filter` keeps.
    private func noteFolders(filter: SearchFilter) -> [NoteFolder] {
        var folders: [NoteFolder] = []
        for author in noteAuthors() where filter.member == nil || filter.member == author {
            let base = JournalLayout.notesFolder + "/" + author
            let years: [JournalFiles.Entry]
            do {
                years = try files.entries(base)
            } catch {
                JournalWarnings.shared.skipped(base, error: error)
                continue
            }
            for entry in years where entry.name.utf8.count == 4 && Int(entry.name) != nil {
                let year = Int(entry.name)!
                if let since = filter.since, year < since.year { continue }
                if let until = filter.until, year > until.year { continue }
                switch entry.kind {
                case .folder: folders.append(NoteFolder(handle: author, path: base + "/" + entry.name))
                case .symbolicLink: JournalWarnings.shared.skipped(base + "/" + entry.name, JournalWarnings.linkReason)
                case .file, .other: continue
                }
            }
        }
        return folders
    }

    private static func searchNoteFolder(
        _ folder: NoteFolder, terms: SearchTerms, filter: SearchFilter, clock: AuthorClock, files: JournalFiles
    ) -> [Result<[SearchHit], UnreadableError>] {
        let fd: Int32?
        let entries: [JournalFiles.Entry]
        do {
            fd = try files.openFolder(folder.path)
            entries = try files.entries(folder.path)
        } catch {
            JournalWarnings.shared.skipped(folder.path, error: error)
            return []
        }
        guard let fd else { return [] }
        defer { close(fd) }
        // Only files with hits, or that could not be read: not one result per note of a ten-year journal.
        var results: [Result<[SearchHit], UnreadableError>] = []
        for entry in entries where entry.name.hasSuffix(".md") {
            guard let day = LocalDay(string: String(entry.name.dropLast(3))), filter.keepsNote(of: day) else {
                continue
            }
            let path = folder.path + "/" + entry.name
            if entry.kind == .symbolicLink {
                JournalWarnings.shared.skipped(path, JournalWarnings.linkReason)
                continue
            }
            guard entry.kind == .file else { continue }
            let result =
                Result { () throws -> [SearchHit] in
                    guard let bytes = try files.bytes(in: fd, folder: folder.path, name: entry.name),
                        terms.mayMatch(bytes), terms.someLineMayMatch(bytes)
                    else { return [] }
                    return try terms.hits(
                        inNote: String(decoding: bytes, as: UTF8.self), path: path, author: folder.handle, day: day,
                        clock: clock)
                }.mapError { UnreadableError(file: UnreadableFile(path: path, message: skipReason($0))) }
            if case .success(let found) = result, found.isEmpty { continue }
            results.append(result)
        }
        return results
    }

    // MARK: - tasks

    /// The hits of the task file `id` (in the open `tasks` folder), when it has the tag (if one is asked for).
    private static func searchTask(
        _ id: String, in folder: Int32, terms: SearchTerms, tag: String?, clock: AuthorClock, files: JournalFiles
    ) -> Result<[SearchHit], UnreadableError> {
        Result {
            guard let bytes = try files.bytes(in: folder, folder: JournalLayout.tasksFolder, name: id + ".md"),
                terms.mayMatch(bytes), terms.someLineMayMatch(bytes)
            else { return [] }
            let task = try Journal.parseTask(String(decoding: bytes, as: UTF8.self), id: id)
            if let tag = tag?.lowercased(), !task.tags.contains(where: { $0.lowercased() == tag }) { return [] }
            return terms.hits(inTask: task, clock: clock)
        }.mapError { error in
            UnreadableError(file: UnreadableFile(path: JournalLayout.taskPath(id: id), message: skipReason(error)))
        }
    }
}
