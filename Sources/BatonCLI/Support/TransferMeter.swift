import Basics
import Foundation
import JournalSync

/// Draws transfer progress on one terminal line (stderr), redrawing at most ten times a second and only
/// when the text changes, and ending each transfer's line once. Only numbers are shown, never URLs or server text.
final class TransferMeter: Sendable {
    private let label: String
    private let drawn = Locked(Drawn())

    /// What the terminal line shows now.
    private struct Drawn {
        var lastLine = ""
        var ended = false
        var lastDraw = Date.distantPast
    }

    init(label: String) { self.label = label }

    func show(_ p: TransferProgress) {
        guard p.totalObjects > 0 else { return }
        let percent = p.receivedObjects * 100 / p.totalObjects
        let kib = p.receivedBytes / 1024
        let done = p.receivedObjects == p.totalObjects && p.indexedDeltas == p.totalDeltas
        let what = p.isPush ? "Sending" : label
        let line = "\(what): \(percent)% (\(p.receivedObjects)/\(p.totalObjects) objects, \(kib) KiB)"
        drawn.withLock { drawn in
            if line == drawn.lastLine && (drawn.ended || !done) { return }
            if line != drawn.lastLine {
                if !done && !drawn.ended && Date().timeIntervalSince(drawn.lastDraw) < 0.1 { return }
                drawn.ended = false
            }
            drawn.lastLine = line
            drawn.lastDraw = Date()
            FileHandle.standardError.write(Data(("\r" + line + (done ? "\n" : "")).utf8))
            if done { drawn.ended = true }
        }
    }
}
