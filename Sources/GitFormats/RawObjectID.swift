/// A git object id as its 20 raw bytes, laid out as git stores them in trees and the index (and as
/// libgit2's `git_oid` holds them), for the format code that copies ids between buffers.
public struct RawObjectID: Equatable, Sendable {
    /// The id's bytes, in order.
    public var bytes:
        (
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
        )

    public init(
        bytes: (
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
        )
    ) {
        self.bytes = bytes
    }

    /// The all-zero id, to be filled in.
    public init() {
        bytes = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    }

    /// The id whose bytes are the first 20 of `raw`.
    public init(copying raw: UnsafeRawBufferPointer) {
        self.init()
        withUnsafeMutableBytes(of: &bytes) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw.prefix(20))) }
    }

    public static func == (lhs: RawObjectID, rhs: RawObjectID) -> Bool {
        withUnsafeBytes(of: lhs.bytes) { a in withUnsafeBytes(of: rhs.bytes) { b in a.elementsEqual(b) } }
    }
}
