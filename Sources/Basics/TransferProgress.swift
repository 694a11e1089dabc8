/// Objects and bytes moved so far during a fetch, clone or push.
public struct TransferProgress: Sendable, Equatable {
    public var receivedObjects: Int
    public var totalObjects: Int
    public var indexedDeltas: Int
    public var totalDeltas: Int
    public var receivedBytes: Int
    /// True for a push (objects and bytes sent), false for fetch and clone (received).
    public var isPush: Bool

    public init(
        receivedObjects: Int, totalObjects: Int, indexedDeltas: Int, totalDeltas: Int, receivedBytes: Int,
        isPush: Bool = false
    ) {
        self.receivedObjects = receivedObjects
        self.totalObjects = totalObjects
        self.indexedDeltas = indexedDeltas
        self.totalDeltas = totalDeltas
        self.receivedBytes = receivedBytes
        self.isPush = isPush
    }
}
