import Foundation

/// How an existing journal file's bytes are laid out, so that baton's rewrite of it keeps them: a file
/// written with CRLF line endings stays CRLF, one that starts with a byte order mark keeps it, and a
/// file that is not UTF-8 text is refused rather than repaired into U+FFFD (which would lose its bytes).
struct RewriteStyle: Sendable, Equatable {
    /// The file's lines end in CRLF.
    var crlf = false
    /// The file starts with a UTF-8 byte order mark.
    var byteOrderMark = false

    /// The style of `bytes`; throws `badEntry` when they are not valid UTF-8.
    static func of(_ bytes: Data, path: String) throws -> RewriteStyle {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw JournalError.badEntry(
                path: path, problem: "is not UTF-8 text, and rewriting it would lose bytes (save it as UTF-8 first)")
        }
        return RewriteStyle(
            crlf: bytes.firstRange(of: Data("\r\n".utf8)) != nil, byteOrderMark: bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    }

    /// `text` (as baton renders it, LF line endings) in this style.
    func apply(_ text: String) -> String {
        var out = text
        if crlf { out = out.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n") }
        if byteOrderMark, !out.unicodeScalars.starts(with: ["\u{FEFF}"]) { out = "\u{FEFF}" + out }
        return out
    }
}

extension Journal {
    /// The style of the journal file at `relative` (the default for a file that does not exist yet).
    func rewriteStyle(of relative: String) throws -> RewriteStyle {
        guard let bytes = try files.data(relative, limit: JournalFiles.textLimit) else { return RewriteStyle() }
        return try RewriteStyle.of(bytes, path: relative)
    }
}
