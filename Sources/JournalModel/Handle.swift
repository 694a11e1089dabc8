/// A person's handle: `[a-z0-9][a-z0-9_-]{0,31}`, safe to use as a folder name.
public struct Handle: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The validated handle text.
    public let value: String

    /// Validates `raw` as it is: upper case and whitespace are rejected, not folded or trimmed.
    public init(_ raw: String) throws {
        guard Handle.isValid(raw) else { throw ModelError.badHandle(raw) }
        value = raw
    }

    /// True when `text` is a valid handle as it stands.
    public static func isValid(_ text: String) -> Bool {
        Syntax.matches(text, maxLength: 32)
    }

    public var description: String { value }

    public static func < (lhs: Handle, rhs: Handle) -> Bool { lhs.value < rhs.value }
}

/// The shared `[a-z0-9][a-z0-9_-]{0,n}` check used by handles and ids.
enum Syntax {
    static func matches(_ text: String, maxLength: Int) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= maxLength, isLowerAlnum(first) else { return false }
        return bytes.dropFirst().allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    static func isLowerAlnum(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }
}
