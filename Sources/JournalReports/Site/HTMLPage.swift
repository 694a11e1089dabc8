/// The shell of every generated page: doctype, a strict Content-Security-Policy that allows no
/// script at all, the stylesheet, the top navigation and the body.
public enum HTMLPage {
    /// The policy of every page: nothing runs, images only from the site itself.
    public static let contentSecurityPolicy =
        "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'"

    /// A page. `root` is the relative path to the site's top (`""` or `"../"`); `stylesheet` links
    /// `style.css` there, else the styles are inlined (for a single page such as `digest --format html`).
    public static func render(
        title: String, team: String, root: String, body: String, stylesheet: Bool, nav: Bool = true
    ) -> String {
        let style =
            stylesheet
            ? "<link rel=\"stylesheet\" href=\"\(root)style.css\">"
            : "<style>\n\(Stylesheet.css)\n</style>"
        let links =
            nav
            ? "<nav><a href=\"\(root)index.html\">Overview</a> <a href=\"\(root)people.html\">People</a> <a href=\"\(root)tasks.html\">Tasks</a> <a href=\"\(root)weeks.html\">Weeks</a></nav>"
            : ""
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(HTMLText.escape(title))</title>
            \(style)
            </head>
            <body>
            <header class="top"><span class="team">\(HTMLText.escape(team))</span>\(links)</header>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }
}
