import Foundation
import TestSupport
import Testing

/// The static dashboard, opened in headless Chromium from `file://`: pages load without console
/// messages, every link and image resolves, and a planted script never runs.
@Suite("Reports: static site in Chromium", .serialized)
struct ReportsSiteTests {
    static let planted =
        "<script>document.title='PWNED'</script> <img src=x onerror=\"document.title='PWNED2'\"> [click](javascript:document.title='PWNED3') <a href=\"javascript:alert(1)\">raw</a>"

    /// A tiny valid PNG (2×2, blue).
    static let png = Data(
        base64Encoded:
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNkYGD4z8DAwMDEwMDAAAANHgEDr4vXqwAAAABJRU5ErkJggg=="
    )!

    @Test("Attachments are copied, named per person, committed with the note and linked")
    func attachments() throws {
        let team = try Team(["priya", "tom"])
        defer { team.shutdown() }
        let priya = team["priya"]
        let tom = team["tom"]
        let shot = team.folder.sub("shot.png")
        try Self.png.write(to: URL(fileURLWithPath: shot))
        let now = ["BATON_NOW": "2026-11-24T10:00:00+05:30"]
        try priya.ok(["note", "the graph", "--attach", shot], env: now)
        let id = try Checks.requireID(try priya.ok(["task", "add", "Chart it", "--attach", shot], env: now))
        try priya.sync()
        try tom.sync()
        try tom.ok(["reply", id, "here is mine", "--attach", shot], env: ["BATON_NOW": "2026-11-24T10:00:00+01:00"])
        let files = tom.git(["ls-files", "attachments"]).stdout.split(separator: "\n").map(String.init)
        #expect(files.count == 3, "\(files)")
        #expect(
            files.allSatisfy {
                $0.range(
                    of: #"^attachments/(priya|tom)/2026-11-24-[a-z0-9]{6}-shot\.png$"#, options: .regularExpression)
                    != nil
            }, "\(files)")
        #expect(Set(files).count == 3)
        let note = try #require(priya.read(Person.notePath("priya", "2026-11-24")))
        #expect(note.contains("the graph ![shot.png](../../../attachments/priya/2026-11-24-"), "\(note)")
        #expect(priya.git(["log", "-1", "--name-only", "--format="]).stdout.contains("attachments/priya/"))
        let task = try tom.task(id)
        #expect(task.description?.contains("![shot.png](../attachments/priya/") == true)
        #expect(task.logs("replied: here is mine ![shot.png](../attachments/tom/", by: "tom"))
        Checks.expectCleanFailure(priya.baton(["note", "x", "--attach", team.folder.sub("missing.png")]), exitCode: 64)
        team.expectHealthy()
    }

    @Test("Every page loads from file:// in Chromium with no console message, no broken link, no script run")
    func siteInChromium() throws {
        let chromium = try #require(
            ProcessRunner.which("chromium"),
            "chromium is missing: run `make deps` (scripts/install-deps.sh installs it)")
        let team = try Team(["priya", "tom"])
        defer { team.shutdown() }
        var priya = team["priya"]
        var tom = team["tom"]
        priya.tz = "Asia/Kolkata"
        tom.tz = "Europe/Berlin"
        let shot = team.folder.sub("shot.png")
        try Self.png.write(to: URL(fileURLWithPath: shot))
        let p = ["BATON_NOW": "2026-11-24T10:00:00+05:30"]
        try priya.ok(["note", Self.planted], env: p)
        try priya.ok(["note", "the graph", "--attach", shot], env: p)
        let id = try Checks.requireID(
            try priya.ok(["task", "add", "Backfill <b>orders</b>", "--due", "2026-11-23", "--attach", shot], env: p))
        try priya.ok(["task", "block", id, "--reason", "<script>alert(1)</script>"], env: p)
        let ask = try Checks.requireID(
            try priya.ok(["ask", "tom", "Review #42? <img src=x onerror=alert(1)>", "--force"], env: p))
        try priya.sync()
        try tom.sync()
        try tom.ok(
            ["note", "**reviewed** [docs](https://example.com/docs)"], env: ["BATON_NOW": "2026-11-24T09:00:00+01:00"])
        try tom.ok(
            ["reply", ask, "done <script>alert(2)</script>", "--done"], env: ["BATON_NOW": "2026-11-24T09:30:00+01:00"])
        try tom.sync()
        try priya.sync()

        let out = team.folder.sub("site")
        let r = try priya.ok(["site", out], env: ["BATON_NOW": "2026-11-25T09:00:00+05:30"])
        #expect(r.stdout.contains("index.html"))
        let pages = Files.workTreeFiles(out).filter { $0.hasSuffix(".html") }
        for page in [
            "index.html", "people.html", "people/priya.html", "people/tom.html", "tasks.html", "tasks/\(id).html",
            "tasks/\(ask).html", "weeks.html", "weeks/2026-W48.html",
        ] {
            #expect(pages.contains(page), "missing page \(page): \(pages)")
        }
        #expect(Files.exists(out + "/style.css"))

        let profile = team.folder.sub("chromium-profile")
        for page in pages {
            let full = (out as NSString).appendingPathComponent(page)
            let html = try #require(Files.read(full))
            #expect(html.contains("Content-Security-Policy"), "\(page) has no CSP")
            #expect(!html.contains("<script"), "\(page) contains a script element")
            expectNoBrokenLinks(html, page: page, root: out)

            let run = ProcessRunner.run(
                executable: chromium,
                arguments: [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)",
                    "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000", "--dump-dom", "file://\(full)",
                ],
                directory: team.folder.path, environment: priya.sandbox.variables(), timeout: 90)
            #expect(run.status == 0, "chromium failed on \(page):\n\(run)")
            let console = run.stderr.split(separator: "\n").filter {
                $0.contains(":CONSOLE") || $0.contains("Uncaught") || $0.contains("Refused")
            }
            #expect(console.isEmpty, "console messages on \(page):\n\(console.joined(separator: "\n"))")
            let dom = run.stdout
            #expect(dom.contains("<main>"), "\(page) did not render:\n\(dom.prefix(500))")
            #expect(
                !dom.contains("PWNED</title>") && !dom.contains("<title>PWNED") && !dom.contains("<title>1</title>"),
                "a planted script ran on \(page)")
            #expect(dom.range(of: "<title>[^<]*: ", options: .regularExpression) != nil, "title changed on \(page)")
            #expect(!dom.contains("<script"), "live script element on \(page)")
            #expect(
                dom.range(of: #"<[a-zA-Z][^<>]*\son[a-z]+="#, options: .regularExpression) == nil,
                "live event handler on \(page)")
        }

        let overview = try #require(Files.read(out + "/index.html"))
        #expect(
            overview.contains("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;")
                || overview.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"),
            "the planted script is shown as text")
        #expect(overview.contains("Backfill &lt;b&gt;orders&lt;/b&gt;"))
        #expect(
            overview.range(
                of: #"<img src="attachments/priya/2026-11-24-[a-z0-9]{6}-shot\.png""#, options: .regularExpression)
                != nil,
            "the attached image is shown inline")
        let person = try #require(Files.read(out + "/people/priya.html"))
        #expect(person.contains("<svg class=\"calendar\""))
        #expect(person.contains("2026-11-24: "))
        let taskPage = try #require(Files.read(out + "/tasks/\(id).html"))
        #expect(taskPage.contains("class=\"timeline\""))
        #expect(taskPage.contains("<img src=\"../attachments/priya/"))
        #expect(taskPage.contains("blocked</strong>") || taskPage.contains("→ <strong>blocked</strong>"))
        let tomPage = try #require(Files.read(out + "/people/tom.html"))
        #expect(tomPage.contains("<strong>reviewed</strong>"))
        #expect(tomPage.contains("<a href=\"https://example.com/docs\" rel=\"noopener noreferrer\">docs</a>"))
    }

    /// Every `href` and `src` that is not an external URL names a file that exists.
    func expectNoBrokenLinks(
        _ html: String, page: String, root: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let base = ((root as NSString).appendingPathComponent(page) as NSString).deletingLastPathComponent
        for match in html.matches(of: /(?:href|src)="([^"]*)"/) {
            var target = String(match.output.1).replacingOccurrences(of: "&amp;", with: "&")
            if target.hasPrefix("https://") || target.hasPrefix("http://") || target.hasPrefix("mailto:")
                || target.hasPrefix("#")
            {
                continue
            }
            #expect(
                !target.hasPrefix("javascript:") && !target.hasPrefix("data:") && !target.hasPrefix("/"),
                "\(page): unexpected link \(target)", sourceLocation: sourceLocation)
            if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
            let decoded = target.removingPercentEncoding ?? target
            let resolved = URL(fileURLWithPath: base).appendingPathComponent(decoded).standardizedFileURL.path
            #expect(resolved.hasPrefix(root), "\(page): link \(target) leaves the site", sourceLocation: sourceLocation)
            #expect(Files.exists(resolved), "\(page): broken link \(target)", sourceLocation: sourceLocation)
        }
    }
}
