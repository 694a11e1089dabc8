import Foundation
import GitKit

/// Draws transfer progress on one terminal line (stderr).
enum TransferMeter {
    static func show(_ p: TransferProgress, label: String) {
        guard p.totalObjects > 0 else { return }
        let percent = p.receivedObjects * 100 / p.totalObjects
        let kib = p.receivedBytes / 1024
        let done = p.receivedObjects == p.totalObjects && p.indexedDeltas == p.totalDeltas
        let line = "\r\(label): \(percent)% (\(p.receivedObjects)/\(p.totalObjects) objects, \(kib) KiB)" + (done ? "\n" : "")
        FileHandle.standardError.write(Data(line.utf8))
    }
}
