import Foundation
import Testing

@testable import JournalModel

@Suite struct RosterTests {
    @Test func membersParseWithOptionalFieldsAndRoundTrip() throws {
        let yaml = """
            team: Relay
            timezone: Europe/Berlin
            members:
              - handle: priya
                name: Priya Raman
                zone: Asia/Kolkata
              - handle: tom
                workdays: [tue, wed, thu, fri, sat]
                joined: 2026-11-18
              - sam
            """
        let config = try JournalConfig.parse(yaml)
        let priya = try Member(handle: Handle("priya"), name: "Priya Raman", zone: "Asia/Kolkata")
        let tom = try Member(
            handle: Handle("tom"), workdays: [.tue, .wed, .thu, .fri, .sat], joined: LocalDay(string: "2026-11-18"))
        let sam = try Member(handle: Handle("sam"))
        #expect(config.members == [priya, tom, sam])
        #expect(config.memberHandles == ["priya", "tom", "sam"])
        #expect(config.timeZone(of: "priya").identifier == "Asia/Kolkata")
        #expect(config.timeZone(of: "sam").identifier == "Europe/Berlin")
        #expect(config.timeZone(of: "nobody").identifier == "Europe/Berlin")
        #expect(config.workdays(of: "tom") == [.tue, .wed, .thu, .fri, .sat])
        #expect(config.workdays(of: "sam") == Weekday.workweek)
        #expect(try JournalConfig.parse(config.render()) == config)
        #expect(
            config.render().contains(
                "  - handle: tom\n    workdays: [tue, wed, thu, fri, sat]\n    joined: 2026-11-18\n"))
        #expect(!config.isOnTeam("tom", on: LocalDay(string: "2026-11-17")!))
        #expect(config.isOnTeam("tom", on: LocalDay(string: "2026-11-18")!))
        #expect(config.isOnTeam("sam", on: LocalDay(string: "2000-01-01")!), "no joined day: always on the team")
    }

    @Test func noMembersKeyMeansNoRosterAndAnEmptyListMeansAnEmptyOne() throws {
        #expect(try JournalConfig.parse("team: x\n").members == nil)
        #expect(try JournalConfig.parse("team: x\n").memberHandles == nil)
        #expect(!JournalConfig().render().contains("members"))
        let empty = try JournalConfig.parse("members: []\n")
        #expect(empty.members == [])
        #expect(try JournalConfig.parse(empty.render()) == empty)
    }

    @Test(arguments: [
        ("members: priya\n", "members must be a list"),
        ("members:\n  - name: Priya\n", "needs a handle"),
        ("members:\n  - handle: Priya\n", "is not a handle"),
        ("members:\n  - handle: tom\n  - tom\n", "lists tom twice"),
        ("members:\n  - handle: tom\n    zone: Mars/Base\n", "is not an IANA zone"),
        ("members:\n  - handle: tom\n    workdays: [funday]\n", "workdays of tom: \"funday\""),
        ("members:\n  - handle: tom\n    joined: last week\n", "joined of tom must be a day such as 2026-11-18"),
    ])
    func badRostersAreRefusedWithTheReason(_ yaml: String, _ reason: String) {
        #expect {
            try JournalConfig.parse(yaml)
        } throws: { error in
            guard case ModelError.badConfig(let detail) = error else { return false }
            return detail.contains(reason)
        }
    }

    @Test func aBadRosterWarnsAndTheOtherKeysStillApply() {
        let (config, warnings) = JournalConfig.readingLeniently("team: Relay\nmembers: 3\n")
        #expect(config.team == "Relay")
        #expect(config.members == nil)
        #expect(warnings.count == 1)
    }
}

@Suite struct RosterEditTests {
    static let yaml = """
        # our team
        team: Relay                 # shown in views
        members:                    # who we are
          - handle: priya
            zone: Asia/Kolkata      # Bangalore

        # the clock
        timezone: Europe/Berlin

        """

    @Test func replacingTheBlockKeepsEveryOtherLineAndComment() throws {
        let tom = try Member(handle: Handle("tom"), name: "Tom B", workdays: [.tue, .wed])
        let priya = try Member(handle: Handle("priya"), zone: "Asia/Kolkata")
        let edited = RosterEdit.replacingMembers(in: Self.yaml, with: [priya, tom])
        #expect(edited.hasPrefix("# our team\nteam: Relay                 # shown in views\nmembers:"))
        #expect(edited.hasSuffix("    workdays: [tue, wed]\n\n# the clock\ntimezone: Europe/Berlin\n"))
        let config = try JournalConfig.parse(edited)
        #expect(config.members == [priya, tom])
        #expect(config.timezone == "Europe/Berlin")
        #expect(config.team == "Relay")
    }

    @Test func aFileWithoutMembersGetsTheBlockAtTheEndAndNilRemovesIt() throws {
        let sam = try Member(handle: Handle("sam"))
        let added = RosterEdit.replacingMembers(in: "team: x   # name\n", with: [sam])
        #expect(added.hasPrefix("team: x   # name\nmembers:"))
        #expect(try JournalConfig.parse(added).members == [sam])
        let removed = RosterEdit.replacingMembers(in: Self.yaml, with: nil)
        #expect(
            removed
                == "# our team\nteam: Relay                 # shown in views\n\n# the clock\ntimezone: Europe/Berlin\n")
        let margin = RosterEdit.replacingMembers(in: "members:\n- tom\n- sam\nteam: y\n", with: [sam])
        #expect(try JournalConfig.parse(margin).members == [sam])
        #expect(margin.hasSuffix("team: y\n"))
    }
}

@Suite struct FaultLineTests {
    static let task = "---\nid: k7q2xm\ntitle: Backfill\nstatus: blokced\nowner: tom\n---\n"

    @Test func theLineOfTheKeyOrTheOneTheYAMLReaderNames() {
        #expect(FaultLine.locate("status \"blokced\" is not one of todo, doing", in: Self.task) == 4)
        #expect(FaultLine.locate("the field owner is missing", in: Self.task) == 5)
        #expect(FaultLine.locate("line 3: expected `key: value` lines", in: Self.task) == 3)
        #expect(FaultLine.locate("the file does not start with a --- line", in: Self.task) == 1)
    }
}
