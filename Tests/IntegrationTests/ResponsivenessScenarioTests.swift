import Foundation
import TestSupport
import Testing

/// Hand-offs, counts and response windows read from the planted two-week scenario (`TwoWeekScenario`), in
/// `stats`, `digest` (text, markdown, JSON) and the site, with exact values. The period is the two working
/// weeks, `--since 2026-11-16 --until 2026-11-27`, read by tom in Berlin on Monday 2026-11-30.
@Suite("Hand-offs and response windows over two weeks", .serialized)
struct ResponsivenessScenarioTests {
    static let period = ["--since", "2026-11-16", "--until", "2026-11-27"]
    static let reading = ["BATON_NOW": TwoWeekScenario.now]

    /// The response-window table: per responder (sorted), then the team.
    ///   tom   a1 3h30m in 24 h, a2 40 h late;          sam  a3 15 h in 36 h, a4 56 h late;
    ///   priya a7 9h30m in 48 h;                        lena a5 57h30m late, a6 waiting past 48 h;
    ///   team  sorted times 3h30m 9h30m 15h 40h 56h 57h30m: median rank ⌈0.5·6⌉ = 3, p90 rank ⌈0.9·6⌉ = 6.
    static let windowRows = [
        ["lena", "2", "1", "0", "57h 30m", "57h 30m", "1"],
        ["priya", "1", "1", "1", "9h 30m", "9h 30m", "0"],
        ["sam", "2", "2", "1", "15h 00m", "56h 00m", "0"],
        ["tom", "2", "2", "1", "3h 30m", "40h 00m", "0"],
        ["team", "7", "6", "3", "15h 00m", "57h 30m", "1"],
    ]

    @Test("stats, digest text, markdown and JSON, and the site, over the planted two weeks")
    func twoWeeks() throws {
        let scenario = try TwoWeekScenario()
        defer { scenario.shutdown() }
        let tom = scenario["tom"]
        try checkStats(tom, scenario)
        try checkDigestMarkdown(tom, scenario)
        try checkDigestText(tom, scenario)
        try checkDigestJSON(tom, scenario)
        try checkDigestHTML(tom, scenario)
        try checkSite(scenario)
    }

    func checkStats(_ tom: Person, _ scenario: TwoWeekScenario) throws {
        let json = tom.baton(["stats", "--json"] + Self.period, env: Self.reading)
        #expect(json.status == 0, "\(json)")
        // The mistyped task is left out, and said so.
        #expect(json.stderr.contains("tasks/\(scenario.id("staging")).md"), "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["since"] as? String == "2026-11-16")
        #expect(object["until"] as? String == "2026-11-27")
        let r = try #require(object["responsiveness"] as? [String: Any])
        #expect(r["percentile_rule"] as? String == "nearest-rank")
        func windows(_ row: [String]) -> [String: Int] {
            func seconds(_ text: String) -> Int {
                let parts = text.split(separator: " ")
                return Int(parts[0].dropLast())! * 3600 + Int(parts[1].dropLast())! * 60
            }
            return [
                "received": Int(row[1])!, "answered": Int(row[2])!, "answered_in_window": Int(row[3])!,
                "median_seconds": seconds(row[4]), "p90_seconds": seconds(row[5]), "waiting_past_window": Int(row[6])!,
            ]
        }
        let responders = try #require(r["responders"] as? [[String: Any]])
        #expect(responders.map { $0["handle"] as? String } == ["lena", "priya", "sam", "tom"])
        for (row, responder) in zip(Self.windowRows, responders) {
            var numbers = responder.compactMapValues { $0 as? Int }
            numbers["handle"] = nil
            #expect(numbers == windows(row), "\(row[0])")
        }
        #expect((r["team"] as? [String: Any])?.compactMapValues { $0 as? Int } == windows(Self.windowRows[4]))
        // Working days up to today: lena works Monday to Thursday (8 days); priya missed Fri 27, sam Fri 20,
        // lena Tue 24; tom's Saturday note is not a working day's, priya's 00:30 note is her Thursday's.
        let participation = try #require(r["participation"] as? [[String: Any]])
        #expect(
            participation.map { "\($0["handle"]!) \($0["days_with_note"]!)/\($0["working_days"]!)" } == [
                "lena 7/8", "priya 9/10", "sam 9/10", "tom 10/10",
            ])
        // Cleared: index 22 h (Tue 05:30Z to Wed 03:30Z), backfill 39h30m (blocked kept over the concurrent
        // start, Tue 16:30Z to Thu 08:00Z). Open: vendor since Wed 25 09:00Z, 119 h at Mon 30 08:00Z.
        let blockers = try #require(r["blockers"] as? [String: Int])
        #expect(
            blockers == [
                "cleared": 2, "median_cleared_seconds": 79_200, "longest_cleared_seconds": 142_200, "still_open": 1,
                "longest_open_seconds": 428_400,
            ])

        let text = try tom.ok(["stats"] + Self.period, env: Self.reading).stdout
        #expect(
            text.contains(
                """
                    responder  received  answered  in window   median      p90  waiting past window
                    lena              2         1          0  57h 30m  57h 30m                    1
                    priya             1         1          1   9h 30m   9h 30m                    0
                    sam               2         2          1  15h 00m  56h 00m                    0
                    tom               2         2          1   3h 30m  40h 00m                    0
                    team              7         6          3  15h 00m  57h 30m                    1
                """), "\(text)")
        #expect(text.contains("    - cleared in the period: 2 (open for median 22h 00m, longest 39h 30m)"), "\(text)")
        #expect(text.contains("    - still open: 1 (longest 119h 00m)"), "\(text)")
        #expect(text.contains("    - lena 7/8\n    - priya 9/10\n    - sam 9/10\n    - tom 10/10"), "\(text)")

        let onlySam = try tom.ok(["stats", "--json", "--member", "sam"] + Self.period, env: Self.reading).stdout
        let samOnly = try #require(
            (try JSONSerialization.jsonObject(with: Data(onlySam.utf8)) as? [String: Any])?["responsiveness"]
                as? [String: Any])
        #expect((samOnly["responders"] as? [[String: Any]])?.map { $0["handle"] as? String } == ["sam"])
        #expect((samOnly["participation"] as? [[String: Any]])?.count == 1)
    }

    func checkDigestMarkdown(_ tom: Person, _ scenario: TwoWeekScenario) throws {
        let md = try tom.ok(["digest", "--format", "markdown"] + Self.period, env: Self.reading).stdout
        let rows = Self.windowRows.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n")
        #expect(
            md.contains(
                "| responder | received | answered | in window | median | p90 | waiting past window |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|\n" + rows), "\(md)")
        let p = "`\(scenario.id("partition"))` Partition archive"
        // priya's 18:41 in Bangalore is 14:11 in Berlin.
        #expect(
            md.contains(
                "### Hand-offs given\n- 2026-11-16 14:11 +01:00 (18:41 priya's time) \(p) → tom: migrations done up to "
                    + "0042, 0043-0045 left"), "\(md)")
        #expect(md.contains("### Hand-offs given\n- 2026-11-26 09:05 +01:00 \(p) → sam: 0043-0044 done, 0045 left"))
        #expect(
            md.contains(
                "### Hand-offs received\n- 2026-11-16 14:11 +01:00 (18:41 priya's time) \(p) from priya: migrations done "
                    + "up to 0042, "
                    + "0043-0045 left"))
        #expect(
            md.contains("### Hand-offs received\n- 2026-11-26 09:05 +01:00 \(p) from tom: 0043-0044 done, 0045 left"))
        // Notes are days with a bullet (tom's Saturday counts here); sam's mistyped task is not read.
        for line in [
            "## lena\nCounts: 8 notes · 1 task created · 0 done · 0 handed on · 1 ask made · 1 answered",
            "## priya\nCounts: 9 notes · 2 tasks created · 0 done · 1 handed on · 2 asks made · 1 answered",
            "## sam\nCounts: 9 notes · 0 tasks created · 1 done · 0 handed on · 2 asks made · 2 answered",
            "## tom\nCounts: 11 notes · 1 task created · 0 done · 1 handed on · 2 asks made · 2 answered",
        ] {
            #expect(md.contains(line), "missing \(line):\n\(md)")
        }
    }

    func checkDigestText(_ tom: Person, _ scenario: TwoWeekScenario) throws {
        let text = try tom.ok(["digest"] + Self.period, env: Self.reading).stdout
        #expect(text.contains("Response windows"), "\(text)")
        #expect(text.contains("    team              7         6          3  15h 00m  57h 30m                    1"))
        #expect(
            text.contains(
                "    - 2026-11-26 09:05 +01:00 \(scenario.id("partition")) Partition archive from tom: "
                    + "0043-0044 done, 0045 left"), "\(text)")
        #expect(
            text.contains("    Counts: 11 notes · 1 task created · 0 done · 1 handed on · 2 asks made · 2 answered"))
    }

    func checkDigestJSON(_ tom: Person, _ scenario: TwoWeekScenario) throws {
        let out = try tom.ok(["digest", "--format", "json"] + Self.period, env: Self.reading).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let stats = try tom.ok(["stats", "--json"] + Self.period, env: Self.reading).stdout
        let alone = try #require(try JSONSerialization.jsonObject(with: Data(stats.utf8)) as? [String: Any])
        #expect(
            NSDictionary(dictionary: object["responsiveness"] as? [String: Any] ?? [:])
                .isEqual(to: alone["responsiveness"] as? [String: Any] ?? ["": 0]),
            "digest and stats disagree")
        let people = try #require(object["people"] as? [[String: Any]])
        let tomEntry = try #require(people.first { $0["handle"] as? String == "tom" })
        let partition = scenario.id("partition")
        let received = try #require(tomEntry["handoffs_received"] as? [[String: String]])
        #expect(
            received == [
                [
                    "task": partition, "title": "Partition archive", "from": "priya", "to": "tom",
                    "note": "migrations done up to 0042, 0043-0045 left", "at": "2026-11-16T18:41:00+05:30",
                ]
            ])
        let given = try #require(tomEntry["handoffs_given"] as? [[String: String]])
        #expect(given.map { $0["at"] } == ["2026-11-26T09:05:00+01:00"])
        #expect(given.map { $0["to"] } == ["sam"])
        #expect(
            tomEntry["counts"] as? [String: Int] == [
                "notes": 11, "tasks_created": 1, "tasks_done": 0, "handed_on": 1, "asks_made": 2, "asks_answered": 2,
            ])
        let sam = try #require(people.first { $0["handle"] as? String == "sam" })
        #expect((sam["counts"] as? [String: Int])?["tasks_done"] == 1)
    }

    func checkDigestHTML(_ tom: Person, _ scenario: TwoWeekScenario) throws {
        let html = try tom.ok(["digest", "--format", "html"] + Self.period, env: Self.reading).stdout
        #expect(!html.contains("<script"))
        #expect(html.components(separatedBy: "<svg class=\"responsiveness\"").count == 5)
        #expect(html.contains("aria-label=\"lena: 0 of 2 asks answered in the window, 1 late, 1 waiting past it\""))
        #expect(html.contains("<h2>Hand-offs<span class=\"count\">2</span></h2>"))
        #expect(html.contains("<tr><td><a") == false, "a standalone page links nowhere")
        #expect(html.contains("<tr><td>tom</td><td>11</td><td>1</td><td>0</td><td>1</td><td>2</td><td>2</td></tr>"))
        #expect(html.contains(" · migrations done up to 0042, 0043-0045 left</div>"))
    }

    /// The site on Sunday 2026-11-29, when "the last seven days" and "this week" are the same days
    /// (23 to 29): the overview's charts, measured in headless Chromium with no script in the page.
    func checkSite(_ scenario: TwoWeekScenario) throws {
        let chromium = try #require(
            ProcessRunner.which("chromium"),
            "chromium is missing: run `make deps` (scripts/install-deps.sh installs it)")
        let tom = scenario["tom"]
        let out = scenario.team.folder.sub("site")
        try tom.ok(["site", out], env: ["BATON_NOW": "2026-11-29T12:00:00+01:00"])
        let overview = try #require(Files.read(out + "/index.html"))
        #expect(!overview.contains("<script"))
        // Week 23-29: a4 (sam, 56 h late), a6 (lena, waiting), a7 (priya, 9h30m in); participation to Sunday.
        let labels = [
            "lena: 0 of 1 asks answered in the window, 0 late, 1 waiting past it",
            "priya: 1 of 1 asks answered in the window, 0 late, 0 waiting past it",
            "sam: 0 of 1 asks answered in the window, 1 late, 0 waiting past it",
            "tom: 0 of 0 asks answered in the window, 0 late, 0 waiting past it",
        ]
        for label in labels { #expect(overview.contains("aria-label=\"\(label)\""), "\(label)") }
        #expect(
            overview.contains(
                "Team: 1 of 3 asks answered in the window · median 9h 30m, p90 56h 00m · blockers cleared 1 "
                    + "(median 39h 30m), still open 1"), "\(overview)")
        #expect(overview.contains("3/4 days</text>") && overview.contains("4/5 days</text>"))
        let lena = try #require(Files.read(out + "/people/lena.html"))
        #expect(lena.contains("aria-label=\"\(labels[0])\""), "\(lena)")
        #expect(lena.contains("3/4 days</text>"))

        // A page of the test's own (not the site's) loads the overview in a frame and measures what was drawn;
        // the overview's policy lets no script run in it.
        let harness = scenario.team.folder.sub("measure.html")
        try Files.write(Self.harness(page: "file://\(out)/index.html"), to: harness)
        let run = ProcessRunner.run(
            executable: chromium,
            arguments: [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=\(scenario.team.folder.sub("chromium-profile"))", "--allow-file-access-from-files",
                "--virtual-time-budget=3000", "--dump-dom", "file://\(harness)",
            ],
            directory: scenario.team.folder.path, environment: tom.sandbox.variables(), timeout: 90)
        #expect(run.status == 0, "chromium failed:\n\(run)")
        let result = try #require(
            run.stdout.range(of: #"(?<=<pre id="result">).*(?=</pre>)"#, options: .regularExpression)
                .map { String(run.stdout[$0]) }, "no measurement:\n\(run.stdout.suffix(2000))")
        let measured = try #require(try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [String: Any])
        #expect(measured["scripts"] as? Int == 0)
        #expect(measured["csp"] as? Bool == true)
        // 420×64 each; the asks bar is 200 px split by count, the notes bar 200 px × days with a note / days.
        #expect(
            measured["charts"] as? [String] == [
                "lena|420x64|waiting:200,workdays:200,noted:150",
                "priya|420x64|in-window:200,workdays:200,noted:160",
                "sam|420x64|late:200,workdays:200,noted:200",
                "tom|420x64|none:200,workdays:200,noted:200",
            ])
    }

    /// A page that frames `page` and writes, once it has loaded, each response chart's drawn size and bars.
    static func harness(page: String) -> String {
        """
        <!DOCTYPE html><html><body><iframe id="f" src="\(page)" width="1400" height="4000"></iframe>
        <script>
        document.getElementById('f').addEventListener('load', () => {
          const d = document.getElementById('f').contentDocument;
          const charts = [...d.querySelectorAll('svg.responsiveness')].map(svg => {
            const box = svg.getBoundingClientRect();
            const bars = [...svg.querySelectorAll('rect')]
              .map(r => r.getAttribute('class') + ':' + Math.round(r.getBoundingClientRect().width));
            return svg.getAttribute('aria-label').split(':')[0] + '|' + Math.round(box.width) + 'x'
              + Math.round(box.height) + '|' + bars.join(',');
          });
          const csp = !!d.querySelector('meta[http-equiv="Content-Security-Policy"][content*="default-src \\'none\\'"]');
          const pre = document.createElement('pre');
          pre.id = 'result';
          pre.textContent = JSON.stringify({ scripts: d.scripts.length, csp, charts });
          document.body.appendChild(pre);
        });
        </script></body></html>
        """
    }
}
