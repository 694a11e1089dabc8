import ArgumentParser

/// The period options of `digest` and `stats`: `--since`/`--until`, or `--week`/`--last-week`
/// (README's "Days, weeks and periods").
struct PeriodOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: "First day: 7d (seven days ending with --until), monday (the last Monday before it), 2026-11-18.")
    var since: String?
    @Option(parsing: .unconditional, help: "Last day: today (default), yesterday, 2026-11-24.") var until: String?
    @Flag(help: "This week so far: Monday to today.") var week = false
    @Flag(help: "Last week: Monday to Sunday.") var lastWeek = false

    /// The options as `ReadingSupport` takes them.
    var period: ReadingSupport.Period {
        ReadingSupport.Period(since: since, until: until, week: week, lastWeek: lastWeek)
    }
}
