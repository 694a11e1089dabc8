import Foundation
import JournalSync

/// Draws transfer progress on one terminal line (stderr), redrawing at most ten times a second and only
/// when the text changes, and ending each transfer's line once. Only numbers are shown, never URLs or server text.
final class TransferMeter: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private var lastLine = ""
    private var ended = false
    private var lastDraw = Date.distantPast

    init(label: String) { self.label = label }

    func show(_ p: TransferProgress) {
        guard p.totalObjects > 0 else { return }
        let percent = p.receivedObjects * 100 / p.totalObjects
        let kib = p.receivedBytes / 1024
        let done = p.receivedObjects == p.totalObjects && p.indexedDeltas == p.totalDeltas
        let what = p.isPush ? "Sending" : label
        let line = "\(what): \(percent)% (\(p.receivedObjects)/\(p.totalObjects) objects, \(kib) KiB)"
        lock.lock()
        defer { lock.unlock() }
        if line == lastLine && (ended || !done) { return }
        if line != lastLine {
            if !done && !ended && Date().timeIntervalSince(lastDraw) < 0.1 { return }
            ended = false
        }
        lastLine = line
        lastDraw = Date()
        FileHandle.standardError.write(Data(("\r" + line + (done ? "\n" : "")).utf8))
        if done { ended = true }
    }
}
