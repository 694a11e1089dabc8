import Testing

@testable import JournalModel

@Suite struct JournalConfigTests {
    @Test func formatExampleParses() throws {
        let yaml = """
            team: Relay                 # team name, shown in views
            timezone: Europe/Berlin     # default IANA zone, used when a reader's zone is unknown
            ask_window_hours: 24        # default response window of `baton ask`
            workdays: [mon, tue, wed, thu, fri]   # "yesterday" skips the other days
            stale_days: 7               # a task not updated for this many days is stale
            """
        let config = try JournalConfig.parse(yaml)
        #expect(config == JournalConfig(team: "Relay", timezone: "Europe/Berlin"))
        #expect(config.timeZone.identifier == "Europe/Berlin")
    }

    @Test func defaultsAndRoundTrip() throws {
        #expect(try JournalConfig.parse("") == JournalConfig())
        #expect(try JournalConfig.parse("# only a comment\n") == .defaults)
        let custom = JournalConfig(
            team: "Ops: night shift", timezone: "Asia/Kolkata", askWindowHours: 48,
            workdays: [.sun, .mon, .tue, .wed, .thu], staleDays: 3)
        let text = custom.render()
        #expect(try JournalConfig.parse(text) == custom)
        #expect(text.contains("workdays: [mon, tue, wed, thu, sun]"))
        #expect(JournalConfig().render().hasPrefix("team: team                  # team name, shown in views\n"))
    }

    @Test func unknownKeysAreIgnoredAndOtherFormsAccepted() throws {
        let config = try JournalConfig.parse("extra: 1\nworkdays: monday, tuesday\n")
        #expect(config.workdays == [.mon, .tue])
    }

    @Test(arguments: [
        "timezone: Mars/Olympus", "ask_window_hours: 0", "ask_window_hours: soon", "stale_days: -1",
        "workdays: [mon, funday]", "workdays: []", "team: [a, b]", "team: x: y", "- a list",
    ])
    func rejectsBadValues(_ yaml: String) {
        #expect(throws: ModelError.self) { try JournalConfig.parse(yaml) }
        do { _ = try JournalConfig.parse(yaml) } catch {
            #expect((error as? ModelError).map { if case .badConfig = $0 { true } else { false } } == true)
        }
    }
}

@Suite struct JournalConfigFallbackTests {
    @Test func aBadValueWarnsAndKeepsThatKeysDefault() {
        let (config, warnings) = JournalConfig.readingLeniently(
            "team: Relay\nask_window_hours: \"abc\"\nstale_days: 3\n")
        #expect(config == JournalConfig(team: "Relay", staleDays: 3))
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("baton.yml") == true && warnings.first?.contains("ask_window_hours") == true)
        #expect(warnings.first?.contains("\n") == false)
    }

    @Test func aMissingOrBrokenFileWarnsAndGivesTheDefaults() {
        for text in [nil, "team: [unclosed\n", "a: &x 1\nb: *x\n", "- a list\n"] as [String?] {
            let (config, warnings) = JournalConfig.readingLeniently(text)
            #expect(config == .defaults)
            #expect(warnings.count == 1 && warnings[0].contains("baton.yml"), "\(warnings)")
        }
        #expect(JournalConfig.readingLeniently("team: Relay\n").warnings.isEmpty)
    }

    @Test func badValuesAreQuotedWithoutControlCharacters() {
        let (_, warnings) = JournalConfig.readingLeniently("timezone: \"Mars\\e]0;x\\a\"\n")
        #expect(warnings.count == 1)
        #expect(!warnings[0].unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(warnings)")
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        #expect(try JournalConfig.parse("\u{FEFF}team: Relay\n").team == "Relay")
    }
}

@Suite struct JournalLayoutTests {
    @Test func paths() throws {
        let day = try #require(LocalDay(string: "2026-11-24"))
        #expect(JournalLayout.notePath(handle: try Handle("priya"), day: day) == "notes/priya/2026/2026-11-24.md")
        #expect(JournalLayout.taskPath(id: "k7q2xm") == "tasks/k7q2xm.md")
        #expect(JournalLayout.configFile == "baton.yml")
    }

    @Test func classify() throws {
        let day = try #require(LocalDay(string: "2026-11-24"))
        #expect(JournalLayout.classify(path: "baton.yml") == .config)
        #expect(JournalLayout.classify(path: "notes/priya/2026/2026-11-24.md") == .note(handle: "priya", day: day))
        #expect(JournalLayout.classify(path: "tasks/k7q2xm.md") == .task(id: "k7q2xm"))
        #expect(JournalLayout.classify(path: "templates/daily.md") == .template("daily.md"))
        for other in [
            "notes/priya/2025/2026-11-24.md", "notes/Priya/2026/2026-11-24.md", "notes/priya/2026-11-24.md",
            "notes/priya/2026/2026-02-30.md", "tasks/sub/x.md", "tasks/x.txt", "tasks/.md", "README.md",
            "attachments/a.png", "templates/sub/x.md", "notes/priya/2026/2026-11-24.md.orig",
        ] {
            #expect(JournalLayout.classify(path: other) == .other, "\(other)")
        }
    }
}
