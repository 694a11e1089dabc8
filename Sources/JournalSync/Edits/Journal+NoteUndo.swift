import Foundation
import JournalModel

extension Journal {
    /// Removes my last bullet of `day`'s note (`DailyNote.removeLastBullet`) and commits the note as a new
    /// commit (`note: <me> <day> (undo)`), so history keeps the bullet. Returns the path and the bullet.
    public func undoLastBullet(day: LocalDay) throws -> (path: String, bullet: NoteBullet) {
        let me = try requireMe()
        let path = notePath(for: me, day: day)
        // Read and save under one lock, so a concurrent sync cannot change the note in between.
        return try withLockTaken {
            guard let current = try read(path) else { throw EditRefusal.nothingToUndo(path: path) }
            let style = try rewriteStyle(of: path)
            var note = try DailyNote.parse(current, path: path)
            guard let removed = note.removeLastBullet() else { throw EditRefusal.nothingToUndo(path: path) }
            try save([path: style.apply(note.render())], message: .noteUndone(author: me.value, day: day))
            return (path, removed)
        }
    }
}
