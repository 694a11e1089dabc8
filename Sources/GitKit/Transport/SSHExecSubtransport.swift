import CGit2
import Foundation

/// libgit2's smart-protocol subtransport for `ssh://`, `ssh+git://`, `git+ssh://` and scp-like addresses
/// that runs the user's ssh program as git does (`SSHCommand`), so that `~/.ssh/config`, the agent,
/// passphrase prompts and OpenSSH's own host key checks all apply. The listing action starts the program and
/// the following upload-pack or receive-pack action goes on over the same pipes; `close` ends the program.
/// Without any ssh program it hands everything to libgit2's own libssh2 subtransport.
final class SSHExecSubtransport {
    /// libgit2's view of this object: a `git_smart_subtransport` followed by a pointer back to it.
    let cStruct: UnsafeMutablePointer<git_smart_subtransport>
    private let owner: UnsafeMutablePointer<git_transport>?
    private var process: SSHProcess?
    private var command: SSHCommand?
    private var action: git_smart_service_t?
    /// The failure that ended this connection; later reads and writes (libgit2's goodbye) repeat it quietly.
    private var failure: String?
    /// Our stream while libgit2 holds it (freed by its `free` callback).
    private var stream: UnsafeMutablePointer<git_smart_subtransport_stream>?
    /// libgit2's libssh2 subtransport, when no ssh program was found.
    private var fallback: UnsafeMutablePointer<git_smart_subtransport>?

    /// Registers the subtransport for every ssh scheme; scp-like addresses resolve to `ssh://` too.
    static func register() {
        for scheme in ["ssh", "ssh+git", "git+ssh"] {
            _ = git_transport_register(scheme, git_transport_smart, definition)
        }
    }

    // Not Sendable only because it is a raw pointer: a `static let`, so Swift runs the initializer below
    // once, thread-safely, and nothing writes the memory after it; libgit2 only reads it.
    private nonisolated(unsafe) static let definition: UnsafeMutableRawPointer = {
        let pointer = UnsafeMutablePointer<git_smart_subtransport_definition>.allocate(capacity: 1)
        pointer.initialize(
            to: git_smart_subtransport_definition(
                callback: { out, owner, _ in
                    guard let out else { return -1 }
                    let subtransport = SSHExecSubtransport(owner: owner)
                    out.pointee = subtransport.cStruct
                    return 0
                }, rpc: 0, param: nil))
        return UnsafeMutableRawPointer(pointer)
    }()

    private init(owner: UnsafeMutablePointer<git_transport>?) {
        self.owner = owner
        cStruct = Self.allocate(git_smart_subtransport.self)
        cStruct.pointee.action = { out, subtransport, url, action in
            guard let out, let subtransport else { return -1 }
            return SSHExecSubtransport.from(subtransport).perform(
                out: out, url: url.map { String(cString: $0) }, action: action)
        }
        cStruct.pointee.close = { subtransport in
            guard let subtransport else { return 0 }
            return SSHExecSubtransport.from(subtransport).close()
        }
        cStruct.pointee.free = { subtransport in
            guard let subtransport else { return }
            let object = SSHExecSubtransport.from(subtransport)
            object.release()
            Unmanaged.passUnretained(object).release()
        }
        Self.setPayload(of: cStruct, to: Unmanaged.passRetained(self).toOpaque())
    }

    // MARK: - libgit2's calls

    private func perform(
        out: UnsafeMutablePointer<UnsafeMutablePointer<git_smart_subtransport_stream>?>, url: String?,
        action: git_smart_service_t
    ) -> Int32 {
        if let fallback { return fallback.pointee.action(out, fallback, url, action) }
        switch action {
        case GIT_SERVICE_UPLOADPACK_LS, GIT_SERVICE_RECEIVEPACK_LS:
            guard self.action == nil, process == nil else { return fail("invalid ssh transport state") }
            let service: SSHCommand.Service = action == GIT_SERVICE_UPLOADPACK_LS ? .uploadPack : .receivePack
            let context = TransferContext.current
            let environment = ProcessInfo.processInfo.environment
            do {
                guard
                    let built = try SSHCommand.make(
                        url: url ?? context?.url ?? "", service: service, config: context?.config,
                        environment: environment)
                else { return delegate(out: out, url: url, action: action) }
                var childEnvironment = environment
                childEnvironment["GIT_DIR"] = nil
                process = try SSHProcess(command: built, environment: childEnvironment)
                command = built
            } catch let refusal as SSHCommand.Refusal {
                context?.failure = TransportFailure(kind: .other, message: refusal.message)
                return fail(refusal.message)
            } catch {
                return fail("could not run ssh: \(error)")
            }
            stream = makeStream()
        case GIT_SERVICE_UPLOADPACK, GIT_SERVICE_RECEIVEPACK:
            let expected = action == GIT_SERVICE_UPLOADPACK ? GIT_SERVICE_UPLOADPACK_LS : GIT_SERVICE_RECEIVEPACK_LS
            guard let current = self.action, current == expected || current == action, stream != nil else {
                return fail("invalid ssh transport state")
            }
        default:
            return fail("invalid ssh service request")
        }
        self.action = action
        out.pointee = stream
        return 0
    }

    private func close() -> Int32 {
        if let fallback { return fallback.pointee.close(fallback) }
        process?.finish()
        process = nil
        action = nil
        command = nil
        failure = nil
        return 0
    }

    private func release() {
        process?.finish()
        process = nil
        if let fallback { fallback.pointee.free(fallback) }
        fallback = nil
        if let stream { Self.setPayload(of: stream, to: nil) }
        cStruct.deallocate()
    }

    /// Hands this and every later action to libgit2's libssh2 subtransport.
    private func delegate(
        out: UnsafeMutablePointer<UnsafeMutablePointer<git_smart_subtransport_stream>?>, url: String?,
        action: git_smart_service_t
    ) -> Int32 {
        var inner: UnsafeMutablePointer<git_smart_subtransport>?
        let status = git_smart_subtransport_ssh(&inner, owner, nil)
        guard status == 0, let inner else { return status == 0 ? -1 : status }
        fallback = inner
        return inner.pointee.action(out, inner, url, action)
    }

    // MARK: - The stream

    private func makeStream() -> UnsafeMutablePointer<git_smart_subtransport_stream> {
        let stream = Self.allocate(git_smart_subtransport_stream.self)
        stream.pointee.subtransport = cStruct
        stream.pointee.read = { stream, buffer, size, bytesRead in
            guard let stream, let buffer, let bytesRead, let object = SSHExecSubtransport.owner(of: stream) else {
                return -1
            }
            return object.read(into: buffer, size: size, bytesRead: bytesRead)
        }
        stream.pointee.write = { stream, buffer, length in
            guard let stream, let object = SSHExecSubtransport.owner(of: stream) else { return -1 }
            return object.write(UnsafeRawBufferPointer(start: buffer, count: length))
        }
        stream.pointee.free = { stream in
            guard let stream else { return }
            if let object = SSHExecSubtransport.owner(of: stream), object.stream == stream { object.stream = nil }
            stream.deallocate()
        }
        Self.setPayload(of: stream, to: Unmanaged.passUnretained(self).toOpaque())
        return stream
    }

    private func read(into buffer: UnsafeMutablePointer<CChar>, size: Int, bytesRead: UnsafeMutablePointer<Int>)
        -> Int32
    {
        if let failure { return fail(failure) }
        guard let process else { return fail("the ssh connection is closed") }
        let timeout = TransferContext.current?.stallTimeout ?? 0
        do {
            guard let n = try process.read(into: buffer, count: size, timeout: timeout) else { return stalled(timeout) }
            if n == 0 { return ended(process) }
            bytesRead.pointee = n
            return 0
        } catch {
            return ended(process)
        }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        if let failure { return fail(failure) }
        guard let process else { return fail("the ssh connection is closed") }
        let timeout = TransferContext.current?.stallTimeout ?? 0
        do {
            guard try process.write(bytes, timeout: timeout) else { return stalled(timeout) }
            return 0
        } catch {
            return ended(process)
        }
    }

    /// Nothing moved for `timeout` seconds: stop ssh and say so.
    private func stalled(_ timeout: TimeInterval) -> Int32 {
        process?.kill()
        process?.finish(grace: 1)
        let host = command?.host ?? "the server"
        let message =
            "no data from \(host) for \(Int(timeout)) s; BATON_TRANSFER_TIMEOUT or git config "
            + "baton.transferTimeout sets how long to wait"
        TransferContext.current?.failure = TransportFailure(kind: .unreachable, message: message)
        failure = message
        return fail(message, errorClass: GIT_ERROR_NET)
    }

    /// ssh closed its output or died: reap it and explain from its standard error.
    private func ended(_ process: SSHProcess) -> Int32 {
        let status = process.finish()
        var diagnosis = SSHFailureDiagnosis.classify(
            stderr: process.stderrText, host: command?.host ?? "the server", port: command?.port, status: status,
            receivedData: process.bytesRead > 0)
        if diagnosis.kind == .hostKey, let rejection = diagnosis.hostKey, let command {
            diagnosis.hostKey = resolved(rejection, command: command)
        }
        TransferContext.current?.failure = diagnosis
        failure = diagnosis.message
        return fail(diagnosis.message, errorClass: GIT_ERROR_NET)
    }

    /// `rejection` named as `known_hosts` names the host: when ssh did not say (an unknown key, with no terminal
    /// to ask on), `ssh -G` tells the host name, port and known_hosts file behind a `~/.ssh/config` alias.
    private func resolved(_ rejection: HostKeyRejection, command: SSHCommand) -> HostKeyRejection {
        guard rejection.reason == .unknown, rejection.host == command.host.lowercased(),
            let query = command.configurationQuery,
            let output = SSHProcess.output(
                program: command.program, argv: query, environment: ProcessInfo.processInfo.environment, timeout: 5)
        else { return rejection }
        var host = rejection.host
        var port = rejection.port
        var file = rejection.knownHostsFile
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "hostname": host = parts[1].lowercased()
            case "port": port = Int(parts[1]) ?? port
            case "userknownhostsfile":
                if let first = parts[1].split(separator: " ").first {
                    let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
                    file = first.hasPrefix("~/") ? home + first.dropFirst() : String(first)
                }
            default: break
            }
        }
        return HostKeyRejection(
            reason: rejection.reason, host: host, port: port, keyType: rejection.keyType,
            fingerprint: rejection.fingerprint, knownHostsFile: file)
    }

    private func fail(_ message: String, errorClass: git_error_t = GIT_ERROR_NET) -> Int32 {
        _ = git_error_set_str(Int32(errorClass.rawValue), message)
        return -1
    }

    // MARK: - C structs with a pointer to this object after them

    private static func allocate<T>(_ type: T.Type) -> UnsafeMutablePointer<T> {
        let size = MemoryLayout<T>.stride + MemoryLayout<UnsafeMutableRawPointer?>.stride
        let raw = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: max(MemoryLayout<T>.alignment, 8))
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        return raw.bindMemory(to: T.self, capacity: 1)
    }

    private static func setPayload<T>(of pointer: UnsafeMutablePointer<T>, to payload: UnsafeMutableRawPointer?) {
        UnsafeMutableRawPointer(pointer).storeBytes(
            of: payload, toByteOffset: MemoryLayout<T>.stride, as: UnsafeMutableRawPointer?.self)
    }

    private static func payload<T>(of pointer: UnsafeMutablePointer<T>) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(pointer).load(fromByteOffset: MemoryLayout<T>.stride, as: UnsafeMutableRawPointer?.self)
    }

    private static func from(_ subtransport: UnsafeMutablePointer<git_smart_subtransport>) -> SSHExecSubtransport {
        Unmanaged<SSHExecSubtransport>.fromOpaque(payload(of: subtransport)!).takeUnretainedValue()
    }

    private static func owner(of stream: UnsafeMutablePointer<git_smart_subtransport_stream>) -> SSHExecSubtransport? {
        payload(of: stream).map { Unmanaged<SSHExecSubtransport>.fromOpaque($0).takeUnretainedValue() }
    }
}
