/// Reads fixed-width runs of ASCII digits, as the date and time formats of the journal use them.
enum ASCIIDecimal {
    /// The value of the `count` digits of `bytes` starting at `start`; nil when any is not a digit or the
    /// run passes the end.
    static func value(_ bytes: [UInt8], at start: Int, count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }
}
