"""A :class:`lab.compare.Comparison` as text (a terminal table, CJK-aware column widths) or as
one self-contained HTML page (jinja2 with autoescape; charts embedded as base64 PNG)."""

from __future__ import annotations

import base64
import unicodedata
from typing import Any, Sequence

from lab.compare import Block, Comparison
from lab.stats import FallDates, MilestoneRate, Proportion, QuestionRow, Summary

WORDS: dict[str, dict[str, str]] = {
    "whatif": {"zh": "假设", "zh_hant": "假設", "en": "What-if"},
    "vs": {"zh": "对照", "zh_hant": "對照", "en": "vs"},
    "runs": {"zh": "{n}次运行", "zh_hant": "{n}次運行", "en": "{n} runs"},
    "question": {"zh": "问题", "zh_hant": "問題", "en": "Question"},
    "baseline": {"zh": "基线", "zh_hant": "基線", "en": "Baseline"},
    "other": {"zh": "假设", "zh_hant": "假設", "en": "What-if"},
    "change": {"zh": "变化", "zh_hant": "變化", "en": "Change"},
    "shifted": {"zh": "* 变化的95%置信区间不含0", "zh_hant": "* 變化的95%信賴區間不含0",
                "en": "* the 95 % interval of the change excludes 0"},
    "ci": {"zh": "百分比后为95%置信区间（Wilson）", "zh_hant": "百分比後為95%信賴區間（Wilson）",
           "en": "percentages with 95 % Wilson intervals"},
    "falls": {"zh": "亡国时间", "zh_hant": "亡國時間", "en": "Fall dates"},
    "fell": {"zh": "{p}亡；中位{median}（{q1}–{q3}）", "zh_hant": "{p}亡；中位{median}（{q1}–{q3}）",
             "en": "{p} fell; median {median} ({q1}–{q3})"},
    "never": {"zh": "至{until}未亡", "zh_hant": "至{until}未亡", "en": "never fell (to {until})"},
    "colon": {"zh": "：", "zh_hant": "：", "en": ": "},
    "semicolon": {"zh": "；", "zh_hant": "；", "en": "; "},
    "held": {"zh": "终局据地（中位数，10–90%）", "zh_hant": "終局據地（中位數，10–90%）",
             "en": "Places held at the end (median, 10–90 %)"},
    "fidelity": {"zh": "史实吻合度（0–100）", "zh_hant": "史實吻合度（0–100）", "en": "Fidelity to history (0–100)"},
    "milestones": {"zh": "里程碑按时达成率", "zh_hant": "里程碑按時達成率", "en": "Milestones met on time"},
    "charts": {"zh": "图表", "zh_hant": "圖表", "en": "Charts"},
    "territory": {"zh": "据地随时间变化", "zh_hant": "據地隨時間變化", "en": "Territory over time"},
    "fallchart": {"zh": "亡国年份分布", "zh_hant": "亡國年份分布", "en": "Fall dates by year"},
    "report": {"zh": "假设推演比较", "zh_hant": "假設推演比較", "en": "What-if comparison"},
    "note": {"zh": "注", "zh_hant": "註", "en": "Note"},
    "na": {"zh": "—", "zh_hant": "—", "en": "—"},
    "hist_off": {"zh": "史实事件：关（AI自主抉择）", "zh_hant": "史實事件：關（AI自主抉擇）",
                 "en": "historical events: off (the AI chooses freely)"},
    "hist_ai": {"zh": "史实事件：ai（AI照史实抉择）", "zh_hant": "史實事件：ai（AI照史實抉擇）",
                "en": "historical events: ai (history's choices forced on the AI)"},
    "hist_all": {"zh": "史实事件：all（各方照史实抉择）", "zh_hant": "史實事件：all（各方照史實抉擇）",
                 "en": "historical events: all (history's choices forced on everyone)"},
}


def w(key: str, lang: str, **values: Any) -> str:
    text = WORDS[key].get(lang, WORDS[key]["en"])
    return text.format(**values) if values else text


def pct(p: Proportion | None) -> str:
    """``91% (87–94) 182/200``; an em dash when no run could tell."""
    if p is None or p.n == 0 or p.interval is None:
        return "—"
    lo, hi = p.interval
    return f"{100 * p.k / p.n:.0f}% ({100 * lo:.0f}–{100 * hi:.0f}) {p.k}/{p.n}"


def change(row: QuestionRow) -> str:
    d = row.diff
    if d is None:
        return ""
    star = " *" if row.shifted else ""
    return f"{100 * d[0]:+.0f} ({100 * d[1]:+.0f}…{100 * d[2]:+.0f}){star}"


def falls_text(fd: FallDates | None, lang: str, until: str) -> str:
    if fd is None:
        return ""
    if not fd.months:
        return w("never", lang, until=until)
    p = f"{100 * len(fd.months) / max(1, fd.runs):.0f}%"
    return w("fell", lang, p=p, median=fd.quantile(0.5), q1=fd.quantile(0.25), q3=fd.quantile(0.75))


def held_text(h: tuple[float, float, float] | None) -> str:
    return "" if h is None else f"{h[1]:.0f} ({h[0]:.0f}–{h[2]:.0f})"


def fidelity_text(s: Summary | None) -> str:
    return "—" if s is None else f"{s.mean:.1f} ({s.lo:.1f}–{s.hi:.1f}), n={s.n}"


def rate_text(m: MilestoneRate | None) -> str:
    if m is None or m.on_time.n == 0:
        return "—"
    return f"{100 * m.on_time.k / m.on_time.n:.0f}%"


def labels(b: Block, lang: str) -> tuple[str, str]:
    """The column names of the two sides: "Baseline" and "What-if" against the runs without
    overlays; the variants' ids when the baseline is itself a what-if (``--baseline``)."""
    if b.base_variant == "":
        return w("baseline", lang), w("other", lang)
    return b.base_variant, b.variant


def span(b: Block, lang: str) -> str:
    """``1211-01..1227-12 · historical events: off (…)``."""
    return f"{b.start}..{b.until} · {w('hist_' + b.historical, lang)}"


def counts(b: Block, lang: str) -> str:
    c = w("colon", lang)
    base, other = labels(b, lang)
    text = f"{base}{c}{w('runs', lang, n=len(b.base_runs))}"
    if b.other_runs is not None:
        text += f" · {other}{c}{w('runs', lang, n=len(b.other_runs))}"
    return text


# ---------------------------------------------------------------- text
def width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, cols: int) -> str:
    return text + " " * max(0, cols - width(text))


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    cols = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(pad(c, cols[i]) for i, c in enumerate(r)).rstrip() for r in rows]


def block_text(b: Block, lang: str, chart_files: dict[str, str]) -> list[str]:
    two = b.other_runs is not None
    head = f"{w('whatif', lang)}{w('colon', lang)}{b.title}  {w('vs', lang)}  {b.base_title}" if two else b.title
    out = ["═" * min(100, max(40, width(head))), head,
           f"{span(b, lang)} · " + counts(b, lang),
           ""]
    base, other = labels(b, lang)
    rows = [[w("question", lang), base] + ([other, w("change", lang)] if two else [])]
    for r in b.rows:
        rows.append([r.question.text(lang), pct(r.base)] + ([pct(r.other), change(r)] if two else []))
    out += table(rows)
    out += [f"  ({w('ci', lang)}{w('semicolon', lang)}{w('shifted', lang)})" if two else f"  ({w('ci', lang)})", ""]
    rows = [[w("falls", lang), base] + ([other] if two else [])]
    for _, name, fb, fo in b.falls:
        rows.append([name, falls_text(fb, lang, b.until)] + ([falls_text(fo, lang, b.until)] if two else []))
    out += table(rows) + [""]
    rows = [[w("held", lang), base] + ([other] if two else [])]
    rows += [[name, held_text(hb)] + ([held_text(ho)] if two else []) for _, name, hb, ho in b.held]
    out += table(rows) + [""]
    out += table([[w("fidelity", lang), base] + ([other] if two else []),
                  ["", fidelity_text(b.fidelity[0])] + ([fidelity_text(b.fidelity[1])] if two else [])])
    if b.milestones:
        out += ["", w("milestones", lang) + "  (" + " / ".join([base] + ([other] if two else [])) + ")"]
        rows = [[m[0], rate_text(m[2])] + ([rate_text(m[3])] if two else []) for m in b.milestones]
        out += ["  " + line for line in table(rows)]
    for note in b.notes:
        out.append(f"{w('note', lang)}{w('colon', lang)}{note}")
    if chart_files:
        out += ["", f"{w('charts', lang)}{w('colon', lang)}".rstrip()] + [f"  {path}" for path in chart_files.values()]
    return out + [""]


def render_text(c: Comparison, chart_files: Sequence[dict[str, str]] = ()) -> str:
    lines = [f"{c.scenario_title} ({c.scenario}) — {w('report', c.lang)}", ""]
    for i, b in enumerate(c.blocks):
        lines += block_text(b, c.lang, chart_files[i] if i < len(chart_files) else {})
    return "\n".join(lines)


# ---------------------------------------------------------------- HTML
TEMPLATE = """<!DOCTYPE html>
<html lang="{{ html_lang }}"><head><meta charset="utf-8">
<title>{{ title }}</title>
<style>
body { font-family: "Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; border-top: 2px solid #b08d57; padding-top: .6em; margin-top: 2em; }
table { border-collapse: collapse; margin: .8em 0; } th, td { border-bottom: 1px solid #ddd; padding: .3em .7em; text-align: left; }
th { background: #f4efe6; } td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.shift { font-weight: bold; color: #8a2b0e; } .meta, .note { color: #666; } img { max-width: 100%; }
</style></head><body>
<h1>{{ title }}</h1>
{% for b in blocks %}
<h2>{% if b.two %}{{ words.whatif }}{{ words.colon }}{{ b.title }} <span class="meta">{{ words.vs }} {{ b.base_title }}</span>{% else %}{{ b.title }}{% endif %}</h2>
<p class="meta">{{ b.span }} · {{ b.counts }}</p>
<table><tr><th>{{ words.question }}</th><th>{{ b.base_label }}</th>{% if b.two %}<th>{{ b.other_label }}</th><th>{{ words.change }}</th>{% endif %}</tr>
{% for r in b.rows %}<tr><td>{{ r.label }}</td><td class="num">{{ r.base }}</td>{% if b.two %}<td class="num">{{ r.other }}</td><td class="num{% if r.shifted %} shift{% endif %}">{{ r.change }}</td>{% endif %}</tr>
{% endfor %}</table>
<p class="meta">{{ words.ci }}{% if b.two %}{{ words.semicolon }}{{ words.shifted }}{% endif %}</p>
<table><tr><th>{{ words.falls }}</th><th>{{ b.base_label }}</th>{% if b.two %}<th>{{ b.other_label }}</th>{% endif %}</tr>
{% for f in b.falls %}<tr><td>{{ f.name }}</td><td>{{ f.base }}</td>{% if b.two %}<td>{{ f.other }}</td>{% endif %}</tr>
{% endfor %}</table>
<table><tr><th>{{ words.held }}</th><th>{{ b.base_label }}</th>{% if b.two %}<th>{{ b.other_label }}</th>{% endif %}</tr>
{% for p in b.held %}<tr><td>{{ p.name }}</td><td class="num">{{ p.base }}</td>{% if b.two %}<td class="num">{{ p.other }}</td>{% endif %}</tr>
{% endfor %}</table>
<table><tr><th>{{ words.fidelity }}</th><th>{{ b.base_label }}</th>{% if b.two %}<th>{{ b.other_label }}</th>{% endif %}</tr>
<tr><td></td><td class="num">{{ b.fid_base }}</td>{% if b.two %}<td class="num">{{ b.fid_other }}</td>{% endif %}</tr></table>
{% for src in b.images %}<p><img alt="{{ src.alt }}" src="data:image/png;base64,{{ src.data }}"></p>{% endfor %}
{% if b.milestones %}<h3>{{ words.milestones }}</h3>
<table><tr><th></th><th>{{ b.base_label }}</th>{% if b.two %}<th>{{ b.other_label }}</th>{% endif %}</tr>
{% for m in b.milestones %}<tr><td>{{ m.text }}</td><td class="num">{{ m.base }}</td>{% if b.two %}<td class="num">{{ m.other }}</td>{% endif %}</tr>
{% endfor %}</table>{% endif %}
{% for n in b.notes %}<p class="note">{{ words.note }}{{ words.colon }}{{ n }}</p>{% endfor %}
{% endfor %}
</body></html>
"""


def render_html(c: Comparison) -> str:
    from jinja2 import Environment, StrictUndefined, select_autoescape

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True), undefined=StrictUndefined)
    lang = c.lang
    blocks = []
    for b in c.blocks:
        two = b.other_runs is not None
        blocks.append({
            "two": two, "title": b.title, "base_title": b.base_title,
            "span": span(b, lang), "base_label": labels(b, lang)[0], "other_label": labels(b, lang)[1],
            "counts": counts(b, lang),
            "rows": [{"label": r.question.text(lang), "base": pct(r.base), "other": pct(r.other),
                      "change": change(r), "shifted": r.shifted} for r in b.rows],
            "falls": [{"name": name, "base": falls_text(fb, lang, b.until), "other": falls_text(fo, lang, b.until)} for _, name, fb, fo in b.falls],
            "held": [{"name": name, "base": held_text(hb), "other": held_text(ho)} for _, name, hb, ho in b.held],
            "fid_base": fidelity_text(b.fidelity[0]), "fid_other": fidelity_text(b.fidelity[1]),
            "milestones": [{"text": text, "base": rate_text(rb), "other": rate_text(ro)} for _, text, rb, ro in b.milestones],
            "images": [{"alt": w("territory" if k == "territory" else "fallchart", lang),
                        "data": base64.b64encode(png).decode("ascii")} for k, png in b.charts.items()],
            "notes": b.notes,
        })
    return env.from_string(TEMPLATE).render(
        title=f"{c.scenario_title} — {w('report', lang)}", html_lang={"zh": "zh-Hans", "zh_hant": "zh-Hant"}.get(lang, "en"),
        words={k: w(k, lang) for k in WORDS}, blocks=blocks,
    )
