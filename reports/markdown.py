"""The Markdown report. Charts cannot be embedded portably in Markdown, so they are written as
files beside the report (when it goes to a file) and linked; cell text is escaped, so scenario
text with markup shows as text wherever the Markdown is rendered."""

from __future__ import annotations

from reports.content import ReportContent


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell (and against raw HTML in renderers)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("|", "\\|").replace("\n", " "))


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(cell(h) for h in head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(cell(x) for x in row) + " |" for row in rows]
    return out


def render(c: ReportContent, images: dict[str, str] | None = None) -> str:
    """The report as Markdown; ``images`` maps a picture's name to the file it was written to."""
    w = c.words
    images = images or {}
    out = [f"# {cell(c.title)}", ""]
    out += [f"- **{cell(k)}**: {cell(v)}" for k, v in c.meta]
    out += ["", f"## {cell(w['score'])}: {c.score} / 100", "",
            cell(c.score_line) + " (" + ", ".join(f"{cell(label)} {n}" for _, label, n in c.status_counts) + ")", "",
            f"*{cell(c.formula)}*", ""]
    out += [f"## {cell(w['divergence'])}", ""]
    if c.has_divergence:
        out += [f"**{cell(c.divergence_headline)}**", ""]
    out += [f"> {cell(c.divergence_text)}", ""]
    if c.later_divergences:
        out += [f"### {cell(w['later_divergences'])}", ""] + [f"- {cell(d)}" for d in c.later_divergences] + [""]
    out += [f"## {cell(w['territory'])}", ""]
    if "territory.png" in images:
        out += [f"![{cell(w['territory'])}]({images['territory.png']})", ""]
    out += _table([w["places_by_year"]] + [str(y) for y in c.place_years],
                  [[r.name] + [str(n) for n in r.counts] for r in c.places]) + [""]
    if "map.jpg" in images:
        out += [f"## {cell(w['map'])}", "", f"![{cell(w['map'])}]({images['map.jpg']})", ""]
    out += [f"## {cell(w['milestones'])}", ""]
    out += _table([w["date"], w["milestone"], w["weight"], w["tolerance"], w["status"], w["points"]],
                  [[m.date, m.text, m.weight, str(m.tolerance), m.status_text, m.points] for m in c.milestones]) + [""]
    out += [f"### {cell(w['breakdown'])}", ""]
    out += _table([w["year"], w["met"], w["points"], w["of"]], [[str(y.year), y.met, y.points, y.possible] for y in c.years]) + [""]
    out += [f"## {cell(w['decisions'])}", "", cell(w["decisions_note"]), ""]
    for f in c.decisions:
        out += [f"### {cell(f.name)} ({cell(f.seat)})", ""]
        if f.rows:
            out += _table([w["date"], w["decision"], w["history_did"], ""],
                          [[r.month, r.decision, r.history, r.mark] for r in f.rows]) + [""]
        else:
            out += [cell(w["no_decisions"]), ""]
    out += [f"## {cell(w['timeline'])}", "", cell(w["timeline_note"]), ""]
    for y in c.timeline:
        out += [f"### {y.year}", ""]
        rows = []
        for m in y.months:
            hist = "<br>".join(f"{cell(h.mark)} {cell(h.text)} [{cell(h.source)}]" for h in m.history)
            game = "<br>".join(cell(g) for g in m.game)
            rows.append(f"| {m.month} | {hist} | {game} |")
        out += [f"| {cell(w['month'])} | {cell(w['history'])} | {cell(w['this_game'])} |", "|---|---|---|"] + rows + [""]
    if c.instead:
        out += [f"## {cell(w['instead'])}", ""] + [f"- {cell(line)}" for line in c.instead] + [""]
    out += ["---", "", f"*{cell(w['footer'])}*", ""]
    return "\n".join(out)
