import Foundation
import GitKit

/// A person as a commit names them (git's author or committer): name, email, and when, on their clock.
public struct Author: Sendable, Equatable {
    public var name: String
    public var email: String
    public var date: Date
    /// The person's offset from UTC, in minutes.
    public var offsetMinutes: Int

    public init(name: String, email: String, date: Date, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.date = date
        self.offsetMinutes = offsetMinutes
    }

    init(_ signature: Signature) {
        self.init(
            name: signature.name, email: signature.email, date: signature.time, offsetMinutes: signature.offsetMinutes)
    }
}
