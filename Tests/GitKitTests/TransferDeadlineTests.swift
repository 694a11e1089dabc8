import Foundation
import Testing
@testable import GitKit

/// Where the no-progress limit of a transfer comes from (BATON_TRANSFER_TIMEOUT, git config
/// baton.transferTimeout, 60 s) and how a time-out reads.
@Suite("Transfer deadline (unit)")
struct TransferDeadlineTests {
    @Test func defaultIsSixtySeconds() {
        #expect(TransferContext.defaultStallTimeout == 60)
        #expect(TransferContext.stallTimeout(environment: [:], config: nil) == 60)
        #expect(TransferContext(url: "git://example.com/j.git", config: nil, environment: [:]).stallTimeout == 60)
    }

    @Test func environmentVariable() {
        #expect(TransferContext.stallTimeout(environment: ["BATON_TRANSFER_TIMEOUT": "2"], config: nil) == 2)
        #expect(TransferContext.stallTimeout(environment: ["BATON_TRANSFER_TIMEOUT": " 1.5 "], config: nil) == 1.5)
        #expect(TransferContext.stallTimeout(environment: ["BATON_TRANSFER_TIMEOUT": "0"], config: nil) == 0)
        // Not a number >= 0: the default.
        for bad in ["soon", "-3", "10s", ""] {
            let limit = TransferContext.stallTimeout(environment: ["BATON_TRANSFER_TIMEOUT": bad], config: nil)
            #expect(limit == 60, "\(bad)")
        }
    }

    @Test func gitConfigKeyAndPrecedence() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let repository = try Repository.create(at: sandbox.path("repo"))
        let configFile = sandbox.path("repo/.git/config")
        let text = try String(contentsOfFile: configFile, encoding: .utf8)
        try (text + "[baton]\n\ttransferTimeout = 7\n").write(toFile: configFile, atomically: true, encoding: .utf8)
        let config = try GitConfigSnapshot(repository)
        #expect(TransferContext.stallTimeout(environment: [:], config: config) == 7)
        #expect(TransferContext(url: nil, config: config, environment: [:]).stallTimeout == 7)
        // The variable wins; an empty variable does not count.
        #expect(TransferContext.stallTimeout(environment: ["BATON_TRANSFER_TIMEOUT": "3"], config: config) == 3)
        #expect(TransferContext.stallTimeout(environment: ["BATON_TRANSFER_TIMEOUT": ""], config: config) == 7)
    }

    @Test func timeOutMessages() {
        let read = DeadlineSocketStream.stallMessage(host: "127.0.0.1", port: "9418", seconds: 2, waiting: .reading)
        #expect(read.hasPrefix("no answer from 127.0.0.1:9418 in 2 s; "), "\(read)")
        #expect(read.contains("BATON_TRANSFER_TIMEOUT") && read.contains("baton.transferTimeout"), "\(read)")
        let connect = DeadlineSocketStream.stallMessage(host: "::1", port: "443", seconds: 0.5, waiting: .connecting)
        #expect(connect.hasPrefix("could not connect to [::1]:443 in 0.5 s; "), "\(connect)")
        let write = DeadlineSocketStream.stallMessage(host: "git.example.com", port: "22", seconds: 60,
                                                      waiting: .writing)
        #expect(write.hasPrefix("git.example.com:22 took no data in 60 s; "), "\(write)")
        #expect(!read.contains("\n") && !connect.contains("\n"))
    }
}
