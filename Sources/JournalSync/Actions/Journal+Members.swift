import Foundation
import JournalModel

extension Journal {
    /// Puts `member` on the roster in `baton.yml` (a member already there gets the fields `member` sets,
    /// keeping the others) and commits; nil when nothing changed. Every other line of the file is kept.
    /// A new member without a `joined` day gets `joinedIfNew`.
    @discardableResult
    public func setMember(_ member: Member, joinedIfNew: LocalDay? = nil) throws -> CommitMessage.MemberAction? {
        try editRoster { members in
            guard let index = members.firstIndex(where: { $0.handle == member.handle }) else {
                var added = member
                added.joined = added.joined ?? joinedIfNew
                members.append(added)
                return (.added, member.handle.value)
            }
            var merged = members[index]
            merged.name = member.name ?? merged.name
            merged.zone = member.zone ?? merged.zone
            merged.workdays = member.workdays ?? merged.workdays
            merged.joined = member.joined ?? merged.joined
            guard merged != members[index] else { return nil }
            members[index] = merged
            return (.updated, member.handle.value)
        }
    }

    /// Takes `handle` off the roster and commits; the last member's removal drops the `members:` key,
    /// so readers use the recent writers again. Throws `RosterError.unknownMember` when it is not there.
    public func removeMember(_ handle: Handle) throws {
        _ = try editRoster { members in
            guard let index = members.firstIndex(where: { $0.handle == handle }) else {
                let roster = Roster(members: members, isConfigured: true)
                throw RosterError.unknownMember(
                    handle: handle.value, suggestion: roster.suggestion(for: handle.value), canForce: false)
            }
            members.remove(at: index)
            return (.removed, handle.value)
        }
    }

    /// Reads `baton.yml` strictly (a file that does not parse is refused, not overwritten), lets `change`
    /// edit the members, and commits the rewritten `members:` block with a `members:` message.
    private func editRoster(
        _ change: (inout [Member]) throws -> (CommitMessage.MemberAction, String)?
    ) throws -> CommitMessage.MemberAction? {
        let me = try requireMe()
        let path = JournalLayout.configFile
        return try withLockTaken {
            let text = try read(path) ?? ""
            let style = try rewriteStyle(of: path)
            let current = try JournalConfig.parse(text)
            var members = current.members ?? []
            guard let (action, handle) = try change(&members) else { return nil }
            let edited = RosterEdit.replacingMembers(in: text, with: members.isEmpty ? nil : members)
            try save([path: style.apply(edited)], message: .memberChanged(by: me.value, handle: handle, action: action))
            return action
        }
    }
}
