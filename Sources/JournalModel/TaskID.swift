/// Task ids: generation, syntax check and prefix resolution.
public struct TaskID: Sendable {
    /// The characters of generated ids (no `0`, `1`, `i`, `l`, `o`).
    public static let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")
    /// The length of generated ids.
    public static let length = 6

    /// A new random id that is not in `existing`.
    public static func generate(avoiding existing: Set<String>) -> String {
        var rng = SystemRandomNumberGenerator()
        while true {
            let id = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
            if !existing.contains(id) { return id }
        }
    }

    /// True when `s` may be an id or an id prefix: `[a-z0-9][a-z0-9_-]{0,39}`, so never path-like.
    public static func isValid(_ s: String) -> Bool {
        Syntax.matches(s, maxLength: 40)
    }

    /// The one id in `ids` equal to `prefix`, or else the only one starting with it.
    public static func resolve(prefix: String, among ids: [String]) throws -> String {
        let wanted = prefix.trimmingWhitespace()
        guard isValid(wanted) else { throw ModelError.badID(prefix) }
        if ids.contains(wanted) { return wanted }
        let candidates = Array(Set(ids.filter { $0.hasPrefix(wanted) })).sorted()
        switch candidates.count {
        case 0: throw ModelError.unknownID(wanted)
        case 1: return candidates[0]
        default: throw ModelError.ambiguousID(prefix: wanted, candidates: candidates)
        }
    }
}
