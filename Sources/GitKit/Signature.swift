import CGit2
import Foundation

/// Who made a commit and when, with the UTC offset they wrote it in.
public struct Signature: Sendable, Equatable {
    public var name: String
    public var email: String
    public var time: Date
    /// Minutes east of UTC.
    public var offsetMinutes: Int

    public init(name: String, email: String, time: Date = Date(), offsetMinutes: Int? = nil) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes ?? TimeZone.current.secondsFromGMT(for: time) / 60
    }

    init(_ sig: UnsafePointer<git_signature>) {
        name = String(cString: sig.pointee.name)
        email = String(cString: sig.pointee.email)
        time = Date(timeIntervalSince1970: TimeInterval(sig.pointee.when.time))
        offsetMinutes = Int(sig.pointee.when.offset)
    }

    /// Calls `body` with a libgit2 signature that lives for the call.
    func withRaw<T>(_ body: (UnsafePointer<git_signature>) throws -> T) throws -> T {
        var sig: UnsafeMutablePointer<git_signature>?
        try check(
            git_signature_new(
                &sig, name, email, git_time_t(time.timeIntervalSince1970.rounded(.down)), Int32(offsetMinutes)),
            "create signature for \(name) <\(email)>")
        defer { git_signature_free(sig) }
        return try body(sig!)
    }
}
