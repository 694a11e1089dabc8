import Testing

@testable import JournalReports

@Suite("HTML sanitising of teammates' Markdown")
struct SanitizerTests {
    let md = MarkdownHTML()

    static let allowedTags: Set<String> = [
        "p", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "br", "del", "s", "table", "thead", "tbody", "tr", "th", "td", "a", "img",
    ]
    static let allowedAttributes: Set<String> = ["href", "src", "alt", "rel", "loading"]

    /// Every live tag is an allowed one with allowed attributes, and no URL has a dangerous scheme.
    func expectInert(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let tags = html.matches(of: /<\/?([A-Za-z][A-Za-z0-9]*)([^>]*)>/)
        for tag in tags {
            let name = String(tag.output.1).lowercased()
            #expect(Self.allowedTags.contains(name), "live <\(name)> in \(html)", sourceLocation: sourceLocation)
            for attribute in String(tag.output.2).matches(of: /([A-Za-z-]+)="([^"]*)"/) {
                let key = String(attribute.output.1).lowercased()
                #expect(
                    Self.allowedAttributes.contains(key), "attribute \(key) in \(html)", sourceLocation: sourceLocation)
                let value = String(attribute.output.2).lowercased()
                #expect(
                    value.wholeMatch(of: /^(https?:|mailto:|\.\.\/|attachments\/).*/) != nil || key == "alt"
                        || key == "rel" || key == "loading",
                    "URL \(value) in \(html)", sourceLocation: sourceLocation)
            }
        }
        #expect(!html.contains("<script"), sourceLocation: sourceLocation)
    }

    @Test("Raw HTML is shown as text, not run")
    func rawHTML() {
        let html = md.render("before <script>document.title='PWNED'</script> after")
        #expect(html.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"))
        expectInert(html)
        expectInert(md.render("<div onclick=\"x()\">hi</div>\n\n<iframe src=\"https://evil\"></iframe>"))
        expectInert(md.render("<img src=x onerror=alert(1)>"))
        expectInert(md.render("<svg><script>alert(1)</script></svg><style>body{}</style><object data=x></object>"))
    }

    @Test(
        "Dangerous URLs are dropped, safe ones kept",
        arguments: [
            "[a](javascript:alert(1))", "[a](JaVaScRiPt:alert(1))", "[a](java\tscript:alert(1))",
            "[a](jav&#x61;script:alert(1))", "[a](jav&#97;script:alert(1))", "[a](&#106;avascript&colon;alert(1))",
            "[a](data:text/html;base64,PHNjcmlwdD4=)", "[a](vbscript:msgbox)", "![i](javascript:alert(1))",
            "![i](data:image/svg+xml;base64,AAAA)", "[a](//evil.example/x)", "[a](x\" onmouseover=\"alert(1))",
            "[a](https://ok.example/\" onclick=\"alert(1))",
        ])
    func dangerousURLs(_ input: String) {
        expectInert(md.render(input))
    }

    @Test("Ordinary Markdown renders")
    func ordinary() {
        let html = md.render(
            "**bold** and *it* and `code <b>` and [site](https://example.com/a?b=1&c=2)\n\n- one\n- two")
        #expect(html.contains("<strong>bold</strong>"))
        #expect(html.contains("<em>it</em>"))
        #expect(html.contains("<code>code &lt;b&gt;</code>"))
        #expect(html.contains("<a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">site</a>"))
        #expect(html.contains("<li>one</li>"))
    }

    @Test("Relative links go through the rewrite, or lose their target")
    func relativeLinks() {
        let links = SiteLinks(
            root: "../", hasPages: true, attachments: ["attachments/priya/2026-11-24-abc234-shot.png"])
        let html = links.markdown.render(
            "![shot](../../../attachments/priya/2026-11-24-abc234-shot.png) [x](../../../tasks/secret.md) ![y](../../../attachments/../baton.yml)"
        )
        #expect(html.contains("<img src=\"../attachments/priya/2026-11-24-abc234-shot.png\" alt=\"shot\""))
        #expect(!html.contains("secret.md"))
        #expect(!html.contains("baton.yml"))
        #expect(html.contains("x"))
        expectInert(html)
    }

    @Test("Escaping text and attributes")
    func escaping() {
        #expect(
            HTMLText.escape("<a href=\"x\">&'</a>\u{1B}[31m") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;[31m")
    }
}
