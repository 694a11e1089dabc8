import Foundation
import GitKit
import JournalModel
import Testing

@testable import JournalSync

/// Every lower-layer failure reaches the user through `JournalError(_:context:)`, the one translation.
@Suite("Journal error translation (unit)")
struct JournalErrorTranslationTests {
    private func gitError(_ code: Int32, _ errorClass: Int32 = 0, _ message: String = "m") -> GitError {
        GitError(operation: "op", code: code, errorClass: errorClass, message: message)
    }

    @Test func aSystemErrorBecomesAnIOErrorThatSaysWhatToDo() throws {
        let error = try #require(JournalError(SystemError(operation: "write", path: "tasks/x.md", code: ENOSPC)))
        #expect(error == .io(operation: "write", path: "tasks/x.md", reason: String(cString: strerror(ENOSPC))))
        let message = try #require(error.errorDescription)
        #expect(message.contains("cannot write tasks/x.md") && message.contains("then try again"))
        #expect(
            JournalError.system("read", "notes/a.md", errno: EACCES)
                == .io(operation: "read", path: "notes/a.md", reason: String(cString: strerror(EACCES))))
    }

    @Test func aHeldGitLockIsBusyWhereverItHappens() {
        let locked = gitError(-14)  // GIT_ELOCKED
        for context in [JournalError.Context.local, .remote(url: "https://h/x", secrets: [])] {
            guard case .busy = JournalError(locked, context: context) else {
                Issue.record("not busy under \(context)")
                continue
            }
        }
    }

    @Test func transportFailuresDependOnTheContext() {
        let unreachable = gitError(-1, 12, "failed to connect")  // GIT_ERROR_NET
        let url = "https://bob:pw1234@example.org/x.git"
        #expect(JournalError(unreachable) == .git(operation: "op", message: "failed to connect"))
        #expect(
            JournalError(unreachable, context: .remote(url: url, secrets: []))
                == .offline(remote: "https://bob@example.org/x.git", detail: "failed to connect"))
        #expect(
            JournalError(unreachable, context: .clone(url: url, secrets: []))
                == .cloneUnreachable(remote: "https://bob@example.org/x.git", detail: "failed to connect"))
        let refused = gitError(-16, 0, "token abc123 refused")  // GIT_EAUTH
        #expect(
            JournalError(refused, context: .remote(url: url, secrets: ["abc123", nil]))
                == .authenticationFailed(remote: "https://bob@example.org/x.git", detail: "token *** refused"))
    }

    @Test func journalErrorsStayAndOtherLayersPassThrough() {
        #expect(JournalError(JournalError.noRemote) == .noRemote)
        #expect(JournalError(ModelError.unknownID("k7q2xm")) == nil)
        let detached = GitError(
            operation: "read HEAD", code: -1, errorClass: 0, message: "HEAD is detached", kind: .detachedHead)
        #expect(JournalError(detached) == .git(operation: "read HEAD", message: "HEAD is detached"))
    }
}
