/// The built-in templates, identical to the files in the project's `templates/` folder
/// (a unit test checks that they match).
public enum BuiltinTemplates {
    /// `templates/daily.md`.
    public static let daily = #"""
        ---
        author: {{author}}
        date: {{date}}
        utc_offset: "{{utc_offset}}"
        ---

        ## Yesterday

        ## Today

        ## Blockers

        """#

    /// The front-matter lines task.md and ask.md share, from `created` to the closing `---`.
    private static let datesDueAndTags = #"""
        created: {{created}}
        updated: {{created}}
        {{#due}}
        due: {{due}}
        {{/due}}
        {{#tags}}
        tags: {{tags}}
        {{/tags}}
        ---
        """#

    /// `templates/task.md`.
    public static let task = #"""
        {{! A new task. Values: id, title (ready for YAML), title_text, owner, author, created,
            due and tags (only when set; tags is a YAML list like [db, migration]), description. }}
        ---
        id: {{id}}
        title: {{title}}
        status: todo
        owner: {{owner}}
        \#(datesDueAndTags)

        {{#description}}
        {{description}}

        {{/description}}
        ## Log

        - {{created}} {{author}}: created

        """#

    /// `templates/ask.md`.
    public static let ask = #"""
        {{! A new ask. Values: as for task.md, plus from (who asks), to (who is asked),
            respond_by (timestamp of the answer deadline) and text (the question). }}
        ---
        id: {{id}}
        kind: ask
        title: {{title}}
        status: todo
        owner: {{to}}
        from: {{from}}
        to: {{to}}
        respond_by: {{respond_by}}
        \#(datesDueAndTags)

        {{text}}

        ## Log

        - {{created}} {{author}}: created

        """#

    /// `templates/weekly.md`.
    public static let weekly = #"""
        {{! The weekly digest. Values: team, from, to (days), generated (timestamp), and lists
            people [{handle, done [{id, title}], notes [{date, section, text}]}],
            blocked [{id, title, owner, reason, since}], overdue [{id, title, owner, due}],
            late_asks [{id, title, from, to, respond_by}]. }}
        # {{team}}: week {{from}} to {{to}}

        {{#people}}
        ## {{handle}}

        {{#done}}
        - done {{id}}: {{title}}
        {{/done}}
        {{#notes}}
        - {{date}} {{section}}: {{text}}
        {{/notes}}

        {{/people}}
        ## Blocked

        {{#blocked}}
        - {{id}} {{title}} ({{owner}}, since {{since}}): {{reason}}
        {{/blocked}}
        {{^blocked}}
        Nothing is blocked.
        {{/blocked}}

        ## Overdue

        {{#overdue}}
        - {{id}} {{title}} ({{owner}}, due {{due}})
        {{/overdue}}
        {{^overdue}}
        Nothing is overdue.
        {{/overdue}}

        ## Asks past their window

        {{#late_asks}}
        - {{id}} {{title}} ({{from}} asked {{to}}, respond by {{respond_by}})
        {{/late_asks}}
        {{^late_asks}}
        Every ask was answered in time.
        {{/late_asks}}

        _Generated {{generated}}._

        """#

    /// The template text for a file name such as `daily.md`, or nil.
    public static func text(named name: String) -> String? {
        switch name {
        case "daily.md": daily
        case "task.md": task
        case "ask.md": ask
        case "weekly.md": weekly
        default: nil
        }
    }
}
