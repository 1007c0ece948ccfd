"""Log records in words (zh, zh_hant, en), for the CLI chronicle, the game and reports.

The engine emits structured records; this module is the only place that turns them into
sentences. It imports nothing from pygame, so reports and the CLI can use it.
"""

from __future__ import annotations

from string import Formatter

from engine.calendar import format_month
from engine.scenario import Scenario
from engine.state import LogRecord

#: index of each language in the template and label triples
LANGS = {"zh": 0, "zh_hant": 1, "en": 2}


def pick(triple: tuple[str, str, str], lang: str) -> str:
    """The member of a (zh, zh_hant, en) triple for ``lang``; English for an unknown language.
    Every table of words in the engine and the reports is kept as such triples."""
    return triple[LANGS.get(lang, LANGS["en"])]

# kind -> (zh, zh_hant, en template); fields: {a} {b} first/second actor, {place}, data keys
TEMPLATES: dict[str, tuple[str, str, str]] = {
    "battle": ("{a}军在{place}击败{b}军（{b}损失{loser_losses}人，{a}损失{winner_losses}人）", "{a}軍在{place}擊敗{b}軍（{b}損失{loser_losses}人，{a}損失{winner_losses}人）",
               "{a} defeats {b} at {place} ({b} loses {loser_losses} men, {a} {winner_losses})"),
    "siege_started": ("{a}围攻{b}的{place}", "{a}圍攻{b}的{place}", "{a} lays siege to {place} ({b})"),
    "siege_lifted": ("{place}之围解除", "{place}之圍解除", "The siege of {place} is lifted"),
    "siege_ended": ("{place}粮尽，城破", "{place}糧盡，城破", "{place} is starved into surrender"),
    "assault": ("{a}强攻{place}：{won_zh}", "{a}強攻{place}：{won_zh}", "{a} storms {place}: {won_en}"),
    "capture": ("{a}夺取{b}的{place}", "{a}奪取{b}的{place}", "{a} takes {place} from {b}"),
    "raid": ("{a}劫掠{place}，得银{silver}", "{a}劫掠{place}，得銀{silver}", "{a} raids {place} and carries off {silver} silver"),
    "war_declared": ("{a}与{b}开战", "{a}與{b}開戰", "War between {a} and {b}"),
    "peace": ("{a}与{b}议和", "{a}與{b}議和", "{a} and {b} make peace"),
    "treaty_made": ("{a}与{b}立约：{type}", "{a}與{b}立約：{type}", "{a} and {b} conclude a treaty: {type}"),
    "treaty_ended": ("{a}与{b}之约终止：{type}", "{a}與{b}之約終止：{type}", "The {type} between {a} and {b} ends"),
    "treaty_broken": ("{a}背约（{type}）", "{a}背約（{type}）", "{a} breaks the {type}"),
    "treaty_offered": ("{a}向{b}提议：{type}", "{a}向{b}提議：{type}", "{a} offers {b} a treaty: {type}"),
    "treaty_refused": ("{a}拒绝{b}的提议：{type}", "{a}拒絕{b}的提議：{type}", "{a} refuses {b}'s offer: {type}"),
    "investiture": ("{a}册封{b}", "{a}冊封{b}", "{a} invests the ruler of {b}"),
    "levy_demanded": ("{a}向{b}征兵{amount}人", "{a}向{b}征兵{amount}人", "{a} demands {amount} troops from {b}"),
    "levy_sent": ("{a}遣兵{amount}人助{b}", "{a}遣兵{amount}人助{b}", "{a} sends {amount} troops to {b}"),
    "levy_refused": ("{a}拒绝{b}的征兵", "{a}拒絕{b}的征兵", "{a} refuses {b}'s levy"),
    "tribute_paid": ("{a}向{b}纳贡（银{silver}）", "{a}向{b}納貢（銀{silver}）", "{a} pays tribute to {b} ({silver} silver)"),
    "tribute_withheld": ("{a}拒绝向{b}纳贡", "{a}拒絕向{b}納貢", "{a} withholds tribute from {b}"),
    "payment_paid": ("{a}向{b}输岁币（银{silver}）", "{a}向{b}輸歲幣（銀{silver}）", "{a} pays the annual payment to {b} ({silver} silver)"),
    "payment_withheld": ("{a}停付{b}岁币", "{a}停付{b}歲幣", "{a} withholds the annual payment from {b}"),
    "call_to_arms": ("{a}求{b}出兵相援", "{a}求{b}出兵相援", "{a} calls on {b} for help"),
    "call_refused": ("{a}拒绝援助{b}", "{a}拒絕援助{b}", "{a} refuses to help {b}"),
    "succession": ("{a}新君即位：{ruler}", "{a}新君即位：{ruler}", "{a}: {ruler} comes to the throne"),
    "capital_moved": ("{a}迁都{place}", "{a}遷都{place}", "{a} moves its capital to {place}"),
    "state_fallen": ("{a}亡", "{a}亡", "{a} falls"),
    "army_raised": ("{a}在{place}集结新军", "{a}在{place}集結新軍", "{a} raises an army at {place}"),
    "army_destroyed": ("{a}一军在{place}覆没", "{a}一軍在{place}覆沒", "An army of {a} is destroyed at {place}"),
    "army_left": ("{a}一军离开战场", "{a}一軍離開戰場", "An army of {a} leaves the theatre"),
    "recruited": ("{a}在{place}募兵{amount}人", "{a}在{place}募兵{amount}人", "{a} recruits {amount} men at {place}"),
    "commander_gone": ("{a}将领{commander}去世", "{a}將領{commander}去世", "{a}: {commander} is gone"),
    "event": ("事件：{event}{choice_text}", "事件：{event}{choice_text}", "Event: {event}{choice_text}"),
    "event_pending": ("待决：{event}", "待決：{event}", "Awaiting a decision: {event}"),
    "game_over": ("终局", "終局", "The game ends"),
}


#: labels for record kinds written by scenario ``log`` effects (the chronology's kinds)
KIND_LABELS: dict[str, tuple[str, str, str]] = {
    "battle": ("战", "戰", "battle"), "siege": ("围城", "圍城", "siege"), "capture": ("克城", "克城", "capture"),
    "raid": ("劫掠", "劫掠", "raid"), "treaty": ("盟约", "盟約", "treaty"), "treaty_broken": ("背约", "背約", "treaty broken"),
    "levy": ("征兵", "征兵", "levy"), "tribute": ("纳贡", "納貢", "tribute"), "succession": ("继位", "繼位", "succession"),
    "capital": ("迁都", "遷都", "capital"), "death": ("薨逝", "薨逝", "death"), "diplomacy": ("外交", "外交", "diplomacy"),
    "campaign": ("出征", "出征", "campaign"), "other": ("纪事", "紀事", "record"),
}


def _required(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def _name(scen: Scenario, kind: str, key: str | None, lang: str) -> str:
    if not key:
        return ""
    table = {"state": scen.states, "place": scen.places, "event": scen.events, "type": scen.treaty_types}.get(kind)
    if kind == "ruler":
        ruler = scen.rulers.get(key)
        return ruler.name.get(lang) if ruler else key
    if kind == "commander":
        cmd = scen.commanders.get(key)
        return cmd.name.get(lang) if cmd else key
    item = table.get(key) if table is not None else None
    if item is None:
        return key
    return (item.title if kind == "event" else item.name).get(lang)  # type: ignore[union-attr]


#: computed fields that stand for a data key: a template that uses one needs that key's data
_FROM_DATA = {"type": "type", "ruler": "ruler", "commander": "commander", "event": "event"}
_COMPUTED = {"a", "b", "place", "won_zh", "won_en", "choice_text", *_FROM_DATA}


def _usable(template: str, fields: dict[str, object]) -> bool:
    """Whether ``fields`` has what ``template`` needs (a scenario's ``log`` effect may reuse an
    engine kind, e.g. ``treaty_broken``, without the engine's data)."""
    needed = _required(template)
    return not (needed - _COMPUTED - set(fields)) and all(fields.get(key) for name, key in _FROM_DATA.items() if name in needed)


def describe(record: LogRecord, scen: Scenario, lang: str = "en") -> str:
    """One log record as a sentence in ``lang`` (zh, zh_hant or en)."""
    zh = lang != "en"
    a = _name(scen, "state", record.actors[0], lang) if record.actors else ""
    b = _name(scen, "state", record.actors[1], lang) if len(record.actors) > 1 else ""
    fields = {k: v for k, v in record.data}
    values: dict[str, object] = {**fields, "a": a, "b": b, "place": _name(scen, "place", record.place, lang)}
    for name, key in _FROM_DATA.items():
        values[name] = _name(scen, name, fields.get(key), lang)
    values["won_zh"], values["won_en"] = ("攻克", "the walls fall") if fields.get("won") else ("受挫", "repulsed")
    choice = fields.get("choice")
    if choice and fields.get("event") in scen.events:
        ch = next((c for c in scen.events[fields["event"]].choices if c.id == choice), None)
        text = ch.text.get(lang) if ch else choice
        values["choice_text"] = f"——{text}" if zh else f" — {text}"
    else:
        values["choice_text"] = ""
    templates = TEMPLATES.get(record.kind)
    template = pick(templates, lang) if templates is not None else None
    if template is None or not _usable(template, fields):
        sep = "、" if zh else ", "
        who = sep.join(_name(scen, "state", s, lang) for s in record.actors if s)
        where = (f"（{values['place']}）" if zh else f" ({values['place']})") if record.place else ""
        label = pick(KIND_LABELS.get(record.kind, (record.kind,) * 3), lang)
        return f"【{label}】{who}{where}" if zh else f"[{label}] {who}{where}"
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return f"{record.kind}: {a} {b}"


def chronicle_line(record: LogRecord, scen: Scenario, lang: str = "en") -> str:
    return f"{format_month(record.date)}  {describe(record, scen, lang)}"
