import ArgumentParser
import Testing

@testable import BatonCLI

/// `baton away` and the window flags of `baton ask`, parsed without running a command.
@Suite struct AwayParsingTests {
    @Test func awayTakesItsDaysAndNote() {
        AssertParse(Away.self, ["away", "--from", "monday", "--until", "2026-12-04", "--note", "offsite"]) {
            #expect($0.from == "monday" && $0.until == "2026-12-04" && $0.note == "offsite")
            #expect(!$0.list && !$0.cancel && !$0.json && !$0.all)
        }
        AssertParse(Away.self, ["away", "--list", "--json", "--all"]) { #expect($0.list && $0.json && $0.all) }
        AssertParse(Away.self, ["away", "--cancel", "--from", "2026-12-01"]) {
            #expect($0.cancel && $0.from == "2026-12-01")
        }
    }

    @Test func askTakesTheWindowsClock() {
        AssertParse(Ask.self, ["ask", "tom", "keys?", "--within", "24h", "--calendar", "--start-now"]) {
            #expect($0.within == "24h" && $0.calendar && $0.startNow)
        }
        AssertParse(Ask.self, ["ask", "tom", "keys?"]) { #expect(!$0.calendar && !$0.startNow) }
    }
}
