import Foundation
import Testing

@testable import GitKit

#if canImport(Glibc)
    import Glibc
#endif

/// Operating-system failures are `SystemError`s, libgit2's are `GitError`s, and a detached HEAD has a
/// kind of its own; the descriptor loops finish their work when a signal interrupts them.
@Suite struct SystemErrorTests {
    @Test func aDetachedHeadHasItsOwnKind() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        let repo = try Repository.create(at: sb.path("work"))
        let first = try commitFiles(repo, ["a.md": "a\n"], message: "first", second: 10)
        try sb.git(["checkout", "-q", "--detach", first.hex], in: repo.workTree)
        #expect {
            try repo.headBranchReference()
        } throws: { error in
            guard let error = error as? GitError else { return false }
            return error.kind == .detachedHead && error.message.contains("git checkout main")
        }
    }

    @Test func aWorkTreeFileThatCannotBeReadIsASystemErrorNamingIt() throws {
        let sb = try Sandbox()
        defer { sb.remove() }
        // Reading the root folder as if it were a file's folder fails with the system's reason.
        #expect(throws: SystemError(operation: "read", path: "a.md", code: ENOENT)) {
            try WorkTreeFile.read(root: sb.path("missing"), relative: "a.md")
        }
        let error = SystemError(operation: "write", path: "tasks/x.md", code: EACCES)
        #expect(error.reason == String(cString: strerror(EACCES)))
        #expect(error.errorDescription?.contains("cannot write tasks/x.md (\(error.reason))") == true)
        #expect(error.errorDescription?.contains("try again") == true)
    }

    @Test func redactionHidesTheURLsPasswordAndEverySecret() {
        let url = "https://alice:hunter22@example.org/x.git"
        let error = GitError(
            operation: "fetch \(url)", code: -1, errorClass: 0, message: "token tok123 refused at \(url)"
        ).redacting(url: url, secrets: ["tok123"])
        #expect(error.operation == "fetch https://alice@example.org/x.git")
        #expect(error.message == "token *** refused at https://alice@example.org/x.git")
        #expect(GitError.redacting("hunter22", url: url, secrets: []) == "***")
        let detached = GitError.detachedHead(operation: "read HEAD").redacting(url: nil, secrets: [])
        #expect(detached.kind == .detachedHead)
    }

    @Test func writeAllAndReadToEndMoveMoreThanAPipeHolds() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let (reader, writer) = (ends[0], ends[1])
        defer { close(reader) }
        let payload = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let thread = Thread {
            try? payload.withUnsafeBytes { raw in
                try FileDescriptorIO.writeAll(writer, raw, path: "pipe")
            }
            close(writer)
        }
        thread.start()
        let read = try FileDescriptorIO.readToEnd(reader, path: "pipe")
        #expect(read == payload)
    }

    @Test func readSomeRetriesWhenASignalInterruptsIt() throws {
        // A handler installed without SA_RESTART makes a blocked read(2) fail with EINTR.
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        action.sa_flags = 0
        var previous = sigaction()
        #expect(sigaction(SIGUSR2, &action, &previous) == 0)
        defer { sigaction(SIGUSR2, &previous, nil) }
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let (reader, writer) = (ends[0], ends[1])
        defer {
            close(reader)
            close(writer)
        }
        let target = pthread_self()
        let thread = Thread {
            usleep(100_000)
            pthread_kill(target, SIGUSR2)
            usleep(100_000)
            _ = write(writer, "late", 4)
        }
        thread.start()
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = try buffer.withUnsafeMutableBytes { raw in
            try FileDescriptorIO.readSome(reader, into: raw, path: "pipe")
        }
        #expect(Array(buffer[0..<count]) == Array("late".utf8))
    }
}
