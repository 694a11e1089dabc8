import Foundation

/// File checks GitKit needs, kept in one place.
enum FileManagerShim {
    static func fileExists(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
    }
}
