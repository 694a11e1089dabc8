/// A git object id (SHA-1), held as its 40-character hex form.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    public let hex: String

    public init?(hex: String) {
        // ASCII only: `Character.isHexDigit` also accepts fullwidth digits, which libgit2 cannot parse.
        guard hex.utf8.count == 40,
            hex.utf8.allSatisfy({ (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0) })
        else { return nil }
        self.hex = hex.lowercased()
    }

    /// An id from hex its caller knows is valid and lowercase (libgit2's own output).
    package init(lowercaseHex hex: String) { self.hex = hex }

    /// The id with these raw bytes (lowercase hex, as `git_oid_tostr` writes it).
    public init(_ raw: RawObjectID) {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        hex = withUnsafeBytes(of: raw.bytes) { bytes in
            String(unsafeUninitializedCapacity: 40) { out in
                for (i, byte) in bytes.enumerated() {
                    out[2 * i] = digits[Int(byte >> 4)]
                    out[2 * i + 1] = digits[Int(byte & 0x0F)]
                }
                return 40
            }
        }
    }

    /// The id's raw bytes.
    public var rawID: RawObjectID {
        var raw = RawObjectID()
        let digits = Array(hex.utf8)
        func value(_ c: UInt8) -> UInt8 {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            default: return c - 55
            }
        }
        withUnsafeMutableBytes(of: &raw.bytes) { out in
            for i in 0..<20 { out[i] = value(digits[2 * i]) << 4 | value(digits[2 * i + 1]) }
        }
        return raw
    }

    public var short: String { String(hex.prefix(8)) }
    public var description: String { hex }
    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.hex < rhs.hex }
}
