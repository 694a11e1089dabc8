import Foundation

/// A value that several threads share, reached only while holding its lock: `withLock` is the one way in.
///
/// This is the code base's one `@unchecked Sendable` type. It is safe because `value` is private and only
/// read or written inside `withLock`, which holds `lock` for the whole call, and the closure cannot keep
/// the `inout` reference once it returns; `Value` is `Sendable`, so whatever the closure copies out of it may
/// cross threads too.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// A box holding `value`.
    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` on the value with the lock held, and returns what it returns.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

extension Locked {
    /// A copy of the value, read with the lock held.
    public var current: Value {
        withLock { $0 }
    }
}
