import ArgumentParser

/// The everyday command lines, parsed without ArgumentParser: `status`, `note WORD...`, `task done ID`,
/// `digest [--since DAY]`, `search WORD... [--no-pager]` and `history ID`, each with no other option.
///
/// ArgumentParser builds its argument sets by reflection over every property of the command and of its
/// two completion-script pseudo-commands, and asks the Swift runtime for a conformance per property
/// type: 16 to 21 M instructions on each run, a third of a small journal's `status`
/// (docs/PERFORMANCE.md). A line of one of the forms above gets the same command value without that.
/// Anything else (any other option, a word that starts with `-`, `help`, a missing or extra argument)
/// returns nil and goes through ArgumentParser, which also gives every usage error and help text.
/// QuickParseTests holds each value to ArgumentParser's, field by field.
enum QuickParse {
    /// The command for `args` (after the leading `-C` options), or nil for ArgumentParser to parse.
    static func command(for args: [String]) -> ParsableCommand? {
        // ArgumentParser validates what it parsed; a command that does not validate is its to report.
        guard var command = candidate(for: args), (try? command.validate()) != nil else { return nil }
        return command
    }

    private static func candidate(for args: [String]) -> ParsableCommand? {
        guard let name = args.first else { return nil }
        let rest = Array(args.dropFirst())
        switch name {
        case "status":
            guard rest.isEmpty else { return nil }
            var command = Status()
            command.options = journalOptions()
            return command
        case "note":
            guard !rest.isEmpty, rest.allSatisfy(isPlainWord) else { return nil }
            return note(text: rest)
        case "task":
            guard rest.count == 2, rest[0] == "done", isPlainWord(rest[1]) else { return nil }
            var change = StatusChange()
            change.target = taskTarget(rest[1])
            change.note = nil
            var command = TaskDone()
            command.change = change
            return command
        case "digest":
            let since: String?
            switch rest.count {
            case 0: since = nil
            case 2 where rest[0] == "--since" && isPlainWord(rest[1]): since = rest[1]
            default: return nil
            }
            return digest(since: since)
        case "search":
            let noPager = rest.contains("--no-pager")
            let words = rest.filter { $0 != "--no-pager" }
            guard !words.isEmpty, words.allSatisfy(isPlainWord), rest.count - words.count <= 1 else { return nil }
            return search(words: words, noPager: noPager)
        case "history":
            guard rest.count == 1, isPlainWord(rest[0]) else { return nil }
            var command = History()
            command.target = taskTarget(rest[0])
            command.pager = pagerOption(noPager: false)
            command.json = false
            return command
        default:
            return nil
        }
    }

    /// A word ArgumentParser takes as a value wherever it stands: not empty, not an option, not `help`.
    static func isPlainWord(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return false }
        return first != UInt8(ascii: "-") && word != "help"
    }

    private static func journalOptions() -> JournalOptions {
        var folder = WorkingFolder()
        folder.directory = nil
        var options = JournalOptions()
        options.folder = folder
        options.tz = nil
        return options
    }

    private static func taskTarget(_ id: String) -> TaskTarget {
        var target = TaskTarget()
        target.options = journalOptions()
        target.id = id
        return target
    }

    private static func pagerOption(noPager: Bool) -> PagerOption {
        var pager = PagerOption()
        pager.noPager = noPager
        return pager
    }

    private static func note(text: [String]) -> Note {
        var attach = AttachOption()
        attach.files = []
        var command = Note()
        command.options = journalOptions()
        command.text = text
        command.yesterday = false
        command.blocker = false
        command.date = nil
        command.attach = attach
        command.undo = false
        return command
    }

    private static func digest(since: String?) -> Digest {
        var period = PeriodOptions()
        period.since = since
        period.until = nil
        period.week = false
        period.lastWeek = false
        var command = Digest()
        command.options = journalOptions()
        command.pager = pagerOption(noPager: false)
        command.period = period
        command.member = nil
        command.format = .text
        command.staleDays = nil
        return command
    }

    private static func search(words: [String], noPager: Bool) -> Search {
        var command = Search()
        command.options = journalOptions()
        command.pager = pagerOption(noPager: noPager)
        command.words = words
        command.member = nil
        command.since = nil
        command.until = nil
        command.tag = nil
        command.scope = nil
        command.json = false
        return command
    }
}
