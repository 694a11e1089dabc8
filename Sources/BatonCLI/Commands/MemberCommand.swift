import ArgumentParser
import Foundation
import JournalModel
import JournalReports
import JournalSync

/// `baton member add|remove|list`: the team roster in `baton.yml`.
struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "Keep the team roster (members: in baton.yml).",
        discussion: """
            The roster says who is on the team, in which zone and on which days they work: standup and \
            digest name members with no note on a working day, and task add --owner, task assign and ask \
            refuse a handle not on it (--force for a newcomer). Without members: in baton.yml, everyone \
            who wrote a note, task or ask in the last 30 days counts.
            """,
        subcommands: [MemberAdd.self, MemberRemove.self, MemberList.self])
}

struct MemberAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Put someone on the roster (or change their name, zone, days or first day).")

    @OptionGroup var options: JournalOptions
    @Argument(help: "Their handle.") var handle: String
    @Option(help: "Their name, as views show it.") var name: String?
    @Option(help: "Their IANA time zone, e.g. Asia/Kolkata (default: baton.yml's timezone).") var zone: String?
    @Option(help: "Their working days, e.g. mon,tue,wed,thu,fri (default: baton.yml's workdays).")
    var workdays: String?
    @Option(
        help: """
            The first day they are on the team: 2026-11-18, monday, 3d (default: today, for someone \
            not on the roster yet). No note is missing before it.
            """)
    var joined: String?

    func run() throws {
        try reportingErrors {
            var member = try self.member()
            let journal = try options.openJournal()
            member.joined = try joined.map { try options.day($0, direction: .past, journal: journal) }
            switch try journal.setMember(member, joinedIfNew: try options.now().localDay) {
            case .added?: Output.plain("Added \(member.handle) to the roster")
            case .updated?: Output.plain("Updated \(member.handle) on the roster")
            case .removed?, nil: Output.plain("\(member.handle) is already on the roster as given; nothing changed")
            }
        }
    }

    private func member() throws -> JournalModel.Member {
        let handle = try Handle(handle)
        let cleanName = name.map { TextSafety.singleLine($0).trimmingCharacters(in: .whitespaces) }
        if cleanName?.isEmpty == true { throw CLIError.usage("--name needs text, e.g. --name \"Tom Berg\"") }
        if let zone, TimeZone(identifier: zone) == nil {
            throw CLIError.usage("unknown time zone '\(zone)'; use an IANA name like Europe/Berlin or Asia/Kolkata")
        }
        let days = try workdays.map { list -> Set<Weekday> in
            let days = try list.split(separator: ",").map { try Weekday.parse(String($0)) }
            guard !days.isEmpty else { throw CLIError.usage("--workdays needs days, e.g. mon,tue,wed,thu,fri") }
            return Set(days)
        }
        return JournalModel.Member(handle: handle, name: cleanName, zone: zone, workdays: days)
    }
}

struct MemberRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take someone off the roster.")

    @OptionGroup var options: JournalOptions
    @Argument(help: "Their handle.", completion: JournalCompletion.handles) var handle: String

    func run() throws {
        try reportingErrors {
            let handle = try Handle(handle)
            let journal = try options.openJournal()
            try journal.removeMember(handle)
            Output.plain("Removed \(handle) from the roster")
        }
    }
}

struct MemberList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Show the roster: handle, name, zone and working days.")

    @OptionGroup var options: JournalOptions
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var pager: PagerOption

    func run() throws {
        try reportingErrors {
            let journal = try options.openJournal()
            let roster = journal.roster(today: try options.now().localDay)
            let view = RosterView(roster: roster, config: journal.config)
            pager.show(json ? try view.json() : view.text(style: Output.style))
        }
    }
}
