import Foundation
import Synchronization
import TestSupport
import Testing

/// A mistyped command ends with exit 64 every time. The usage exit once raced libgit2's start-up on
/// another thread and crashed now and then (a segmentation fault in a few runs out of a hundred), so
/// each case runs many times, two at once to vary the timing.
@Suite("Usage errors never crash")
struct UsageExitTests {
    static let mistakes: [[String]] = [
        ["frobnicate"], ["note", "--no-such-flag"], ["task", "list", "--format"], ["sync", "extra", "words"],
    ]

    @Test("each usage error exits 64, 150 runs of each", arguments: mistakes)
    func usageErrorExits64(_ args: [String]) throws {
        let executable = try BatonBinary.require()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sandbox = try Sandbox.make(home: folder.sub("home"))
        let codes = Mutex<[Int32: Int]>([:])
        DispatchQueue.concurrentPerform(iterations: 150) { _ in
            let r = sandbox.baton(executable, args, in: folder.path, timeout: 30)
            codes.withLock { $0[r.status, default: 0] += 1 }
        }
        let seen = codes.withLock { $0 }
        #expect(seen == [64: 150], "exit codes for \(args): \(seen)")
    }
}
