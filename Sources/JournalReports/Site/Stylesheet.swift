/// The dashboard's stylesheet: system fonts, a calm palette, readable on a laptop and a phone.
public enum Stylesheet {
    public static let css = """
        :root { --fg: #1f2328; --muted: #656d76; --line: #d8dee4; --bg: #ffffff; --panel: #f6f8fa;
          --accent: #0b62d6; --warn: #b35900; --alert: #c62828; --ok: #1a7f37; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
          color: var(--fg); background: var(--bg); }
        header.top { background: #17212b; color: #fff; padding: 0.8rem 1.2rem; display: flex; flex-wrap: wrap;
          gap: 0.4rem 1.2rem; align-items: baseline; }
        header.top .team { font-weight: 700; font-size: 1.15rem; margin-right: auto; }
        header.top a { color: #cfe3ff; text-decoration: none; }
        header.top nav { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; }
        header.top a:hover { text-decoration: underline; }
        main { max-width: 64rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
        h1 { font-size: 1.6rem; margin: 0.8rem 0 0.3rem; }
        h2 { font-size: 1.2rem; margin: 1.6rem 0 0.5rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
        a { color: var(--accent); }
        .muted, .meta { color: var(--muted); font-size: 0.9rem; }
        .grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); }
        .card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0.8rem 1rem; }
        .card h2 { margin-top: 0; border: 0; font-size: 1rem; }
        .count { display: inline-block; min-width: 1.6rem; padding: 0 0.4rem; border-radius: 999px; background: #e7ecf1;
          text-align: center; font-size: 0.85rem; margin-left: 0.3rem; }
        .alert .count { background: #fde2e1; color: var(--alert); }
        ul.items { list-style: none; padding: 0; margin: 0; }
        ul.items li { padding: 0.35rem 0; border-top: 1px solid var(--line); }
        ul.items li:first-child { border-top: 0; }
        .id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85rem; color: var(--muted); }
        .badge { display: inline-block; font-size: 0.75rem; padding: 0.05rem 0.45rem; border-radius: 4px;
          background: #e7ecf1; color: var(--fg); vertical-align: 1px; }
        .badge.blocked, .badge.overdue { background: #fde2e1; color: var(--alert); }
        .badge.doing { background: #ddf4ff; color: #0550ae; }
        .badge.done { background: #dafbe1; color: var(--ok); }
        .badge.todo { background: #fff8c5; color: #7d4e00; }
        .note { border-left: 3px solid var(--line); padding: 0.1rem 0 0.1rem 0.9rem; margin: 0.8rem 0; }
        .note h3 { margin-top: 0; }
        .note .section { font-weight: 600; font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.04em;
          color: var(--muted); margin: 0.5rem 0 0.1rem; }
        .note ul { margin: 0.2rem 0; padding-left: 1.2rem; }
        .note .time { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.8rem; color: var(--muted);
          margin-right: 0.3rem; }
        .note img, .timeline img { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px;
          margin: 0.3rem 0; display: block; max-height: 24rem; }
        .note p, .timeline p { margin: 0.2rem 0; display: inline; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-size: 0.85rem; color: var(--muted); font-weight: 600; }
        .timeline { list-style: none; padding: 0; border-left: 2px solid var(--line); margin-left: 0.4rem; }
        .timeline li { position: relative; padding: 0.3rem 0 0.6rem 1rem; }
        .timeline li::before { content: ""; position: absolute; left: -6px; top: 0.75rem; width: 10px; height: 10px;
          border-radius: 50%; background: var(--accent); }
        .calendar { max-width: 100%; height: auto; }
        pre { background: var(--panel); padding: 0.6rem; overflow-x: auto; border-radius: 6px; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
        .scroll { overflow-x: auto; }
        .charts { display: flex; flex-wrap: wrap; gap: 0.8rem; } figure.chart { margin: 0; }
        @media (max-width: 40rem) {
          body { font-size: 15px; }
          main { padding: 0.6rem 0.8rem 2rem; }
          th.optional, td.optional { display: none; }
        }
        """
}
