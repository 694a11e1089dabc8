import Foundation
import JournalModel

/// A handle the roster does not know, named where a command assigns to, asks, or removes a member.
public enum RosterError: Error, LocalizedError, Equatable, Sendable {
    /// `handle` is not on the roster; `suggestion` is the closest handle that is, if any.
    case unknownMember(handle: String, suggestion: String?, canForce: Bool)

    public var errorDescription: String? {
        switch self {
        case .unknownMember(let handle, let suggestion, let canForce):
            let guess = suggestion.map { "; did you mean \($0)?" } ?? ""
            let force =
                canForce
                ? " Pass --force for a newcomer, or add them with `baton member add \(handle)`"
                : " (`baton member list` shows the roster)"
            return "no member '\(handle)'\(guess)\(force)"
        }
    }
}
