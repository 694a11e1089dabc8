import Foundation
import JournalModel

/// A file copied into the journal's `attachments/` folder, ready to be committed with a note or task.
public struct PreparedAttachment: Sendable, Equatable {
    /// Journal-relative path: `attachments/<handle>/<YYYY-MM-DD>-<random6>-<safe name>`.
    public let path: String
    /// The safe file name (without the date and random prefix).
    public let name: String
    public let data: Data

    /// Images are shown inline (`![name](...)`), other files are linked (`[name](...)`).
    public var isImage: Bool {
        let ext = (name as NSString).pathExtension.lowercased()
        return ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"].contains(ext)
    }

    /// The Markdown link to this attachment from the journal file at `from` (e.g. `tasks/k7q2xm.md`).
    public func markdown(from file: String) -> String {
        let depth = file.split(separator: "/").count - 1
        let target = String(repeating: "../", count: depth) + path
        return (isImage ? "!" : "") + "[\(name)](\(target))"
    }
}

extension Journal {
    /// Reads the files at `sources` and names their copies so two people never collide:
    /// the handle's own folder, the day and six random characters before a safe version of the name.
    public func prepareAttachments(_ sources: [String], for me: Handle, day: LocalDay) throws -> [PreparedAttachment] {
        var taken = Set<String>()
        return try sources.map { source in
            let data = try Self.attachmentData(source)
            let name = Self.safeFileName((source as NSString).lastPathComponent)
            var path: String
            repeat {
                let random = TaskID.generate(avoiding: [])
                path = "\(JournalLayout.attachmentsFolder)/\(me.value)/\(day)-\(random)-\(name)"
            } while try taken.contains(path) || files.kind(of: path) != nil
            taken.insert(path)
            return PreparedAttachment(path: path, name: name, data: data)
        }
    }

    /// The bytes of a file the user asked to attach, at most 64 MB.
    static func attachmentData(_ source: String) throws -> Data {
        do {
            guard let bytes = try FileText.bytes(atPath: source, limit: JournalFiles.attachmentLimit) else {
                throw JournalError.system("read", source)
            }
            return Data(bytes)
        } catch let failure as FileText.Failure {
            let problem: String
            switch failure {
            case .notRegular: problem = "it is not a regular file"
            case .tooLarge: problem = "it is larger than \(JournalFiles.attachmentLimit >> 20) MB"
            case .system(let code): throw JournalError.system("read", source, errno: code)
            }
            throw JournalError.cannotAttach(source: source, problem: problem)
        }
    }

    /// `text` followed by Markdown links to the attachments, as seen from the journal file `file`.
    public static func text(_ text: String, linking attachments: [PreparedAttachment], from file: String) -> String {
        let links = attachments.map { $0.markdown(from: file) }
        return ([text].filter { !$0.isEmpty } + links).joined(separator: " ")
    }

    /// Writes `files` and the attachments and commits them all in one commit, holding the lock.
    @discardableResult
    public func save(_ files: [String: String], attachments: [PreparedAttachment], message: CommitMessage) throws
        -> String
    {
        if attachments.isEmpty { return try save(files, message: message) }
        let lock = try takeLockAndRepair()
        defer { lock.release() }
        try checkCanCommit()
        for attachment in attachments {
            try self.files.write(attachment.data, to: attachment.path)
        }
        for (relative, text) in files.sorted(by: { $0.key < $1.key }) {
            try self.files.write(Data(text.utf8), to: relative)
        }
        let paths = files.keys.sorted() + attachments.map(\.path)
        return try commitLocked(paths: paths, message: message).hex
    }

    /// A file name made of letters, digits, `.`, `-` and `_`, at most 60 characters, never hidden.
    static func safeFileName(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            let ok =
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
            if ok {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasPrefix(".") || out.hasPrefix("-") { out.removeFirst() }
        if out.count > 60 {
            let ext = (out as NSString).pathExtension
            out = String(out.prefix(ext.isEmpty ? 60 : 59 - ext.count)) + (ext.isEmpty ? "" : "." + ext)
        }
        return out.isEmpty ? "file" : out
    }
}
