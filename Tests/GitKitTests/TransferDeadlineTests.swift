import Foundation
import Testing

@testable import GitKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        let write = DeadlineSocketStream.stallMessage(
            host: "git.example.com", port: "22", seconds: 60,
            waiting: .writing)
        #expect(write.hasPrefix("git.example.com:22 took no data in 60 s; "), "\(write)")
        #expect(!read.contains("\n") && !connect.contains("\n"))
    }

    /// A listener on [::1] that never accepts: the kernel completes the handshake and queues what the client
    /// sends, and nothing ever answers.
    private func silentIPv6Listener() -> (fd: Int32, port: UInt16)? {
        #if os(Linux)
            let fd = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET6, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_addr = in6addr_loopback
        var length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else {
            close(fd)
            return nil
        }
        return (fd, UInt16(bigEndian: address.sin6_port))
    }

    @Test func fetchFromAStalledIPv6ServerEndsAtTheConfiguredLimit() throws {
        guard let listener = silentIPv6Listener() else { return }  // no IPv6 loopback here
        defer { close(listener.fd) }
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let repository = try Repository.create(at: sandbox.path("repo"))
        try repository.addRemote("origin", url: "git://[::1]:\(listener.port)/journal.git")
        let configFile = sandbox.path("repo/.git/config")
        let text = try String(contentsOfFile: configFile, encoding: .utf8)
        try (text + "[baton]\n\ttransferTimeout = 1\n").write(toFile: configFile, atomically: true, encoding: .utf8)

        let started = Date()
        let error = gitError { try repository.fetch() }
        let took = Date().timeIntervalSince(started)
        #expect(error?.kind == .unreachable, "\(String(describing: error))")
        #expect(
            error?.message.hasPrefix("no answer from [::1]:\(listener.port) in 1 s") == true,
            "\(String(describing: error))")
        #expect(took >= 0.9 && took < 8, "took \(took) s")
    }
}
