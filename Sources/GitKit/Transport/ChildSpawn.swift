import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts a program the user configured in git (ssh, a credential helper, an askpass program) the way git
/// starts it: with `posix_spawn`, an empty signal mask and default signal handlers whatever the calling thread
/// blocks (Foundation's `Process` passes the thread's mask on), and in baton's own process group and session,
/// so the program can still ask on the terminal.
enum ChildSpawn {
    /// Starts `program` (a path) with `argv` and exactly `environment`; `descriptors` maps each of the child's
    /// standard descriptors (0, 1, 2) to one of baton's. Returns the child's pid, or the errno of the failure.
    static func start(
        _ program: String, argv: [String], environment: [String: String], descriptors: [Int32: Int32]
    ) -> Result<pid_t, POSIXError> {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (child, parent) in descriptors.sorted(by: { $0.key < $1.key }) {
            posix_spawn_file_actions_adddup2(&actions, parent, child)
        }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        sigdelset(&allSignals, SIGKILL)
        sigdelset(&allSignals, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for item in cArguments { free(item) }
            for item in cEnvironment { free(item) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, program, &actions, &attributes, cArguments, cEnvironment)
        guard status == 0 else { return .failure(POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO)) }
        return .success(pid)
    }

    /// A connected pair of close-on-exec sockets (baton's end first, the child's second): a descriptor no
    /// other child inherits, and a write to a child that has gone is an error rather than SIGPIPE.
    static func socketPair() throws -> (parent: Int32, child: Int32) {
        var pair: [Int32] = [-1, -1]
        #if canImport(Glibc)
            let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
            let type = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, type, 0, &pair) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        return (pair[0], pair[1])
    }

    /// The exit code of a `waitpid` status: the program's own, or 128 + the signal that ended it.
    static func exitCode(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7f
        return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
    }
}
