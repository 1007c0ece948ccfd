"""The plain-text report: for a terminal or a mail, with columns that line up in CJK too."""

from __future__ import annotations

import unicodedata

from reports.content import ReportContent


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (CJK and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, cols: int, right: bool = False) -> str:
    gap = " " * max(0, cols - width(text))
    return gap + text if right else text + gap


def _heading(text: str, rule: str = "=") -> list[str]:
    return ["", text, rule * max(8, width(text))]


def render(c: ReportContent) -> str:
    w = c.words
    out = [c.title, "=" * width(c.title)]
    key_cols = max(width(k) for k, _ in c.meta) + 2
    out += [pad(k, key_cols) + v for k, v in c.meta]
    out += _heading(f"{w['score']}: {c.score} / 100")
    out.append(c.score_line + "  (" + ", ".join(f"{label} {n}" for _, label, n in c.status_counts) + ")")
    out.append(c.formula)
    out += _heading(w["divergence"])
    if c.has_divergence:
        out.append(c.divergence_headline)
    out.append(c.divergence_text)
    if c.later_divergences:
        out += _heading(w["later_divergences"], "-")
        out += [f"- {d}" for d in c.later_divergences]
    out += _heading(w["milestones"])
    for m in c.milestones:
        points = f"  [{m.points}]" if m.points else ""
        out.append(f"{m.date}  {pad(m.status_text, 18)}  w{m.weight:<4}±{m.tolerance}  {m.text}{points}")
    out += _heading(w["breakdown"], "-")
    out.append(f"{pad(w['year'], 6)}  {pad(w['met'], 7, True)}  {pad(w['points'], 7, True)}  {pad(w['of'], 7, True)}")
    out += [f"{y.year:<6}  {pad(y.met, 7, True)}  {pad(y.points, 7, True)}  {pad(y.possible, 7, True)}" for y in c.years]
    out += _heading(w["places_by_year"])
    name_cols = max([width(r.name) for r in c.places] + [4]) + 2
    out.append(pad("", name_cols) + "".join(pad(str(y), 6, True) for y in c.place_years))
    out += [pad(r.name, name_cols) + "".join(pad(str(n), 6, True) for n in r.counts) for r in c.places]
    out += _heading(w["decisions"])
    out.append(w["decisions_note"])
    for f in c.decisions:
        out += _heading(f"{f.name} ({f.seat})", "-")
        if not f.rows:
            out.append(w["no_decisions"])
        for r in f.rows:
            out.append(f"{r.month}  {pad(r.mark, 2)}{r.decision}")
            out.append(f"{'':9}{w['history_did']}: {r.history}")
    out += _heading(w["timeline"])
    out.append(w["timeline_note"])
    for y in c.timeline:
        out += _heading(str(y.year), "-")
        for m in y.months:
            for h in m.history:
                out.append(f"{m.month}  {w['history']}  {h.mark} {h.text} [{h.source}]")
            for g in m.game:
                out.append(f"{m.month}  {w['this_game']}  {g}")
    if c.instead:
        out += _heading(w["instead"])
        out += [f"- {line}" for line in c.instead]
    out += ["", w["footer"], ""]
    return "\n".join(out)
