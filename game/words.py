"""Game things in words for the current language: dates, numbers, names, pending decisions,
log records. Templates live in ``game/i18n``; names come from the scenario."""

from __future__ import annotations

import re

from engine.calendar import month_of, season_of, year_of
from engine.narrate import describe
from engine.scenario import Scenario
from engine.state import LogRecord, Pending
from game.i18n import language, t

TROOP_KEYS = ("steppe_cavalry", "heavy_cavalry", "infantry", "siege")


def date_text(month_index: int) -> str:
    return t("date", year=year_of(month_index), month=month_of(month_index), month_name=t(f"month_{month_of(month_index)}"))


def season_text(month_index: int) -> str:
    return t("season_" + season_of(month_index))


def number(n: int) -> str:
    """Large figures the way each language groups them (万 / thousands)."""
    if language() == "en":
        if abs(n) >= 1_000_000:
            return f"{n / 1_000_000:.1f}".rstrip("0").rstrip(".") + "M"
        if abs(n) >= 10_000:
            return f"{n / 1000:.0f}k"
        return f"{n:,}"
    if abs(n) >= 10000:
        return f"{n / 10000:.1f}".rstrip("0").rstrip(".") + "万"
    return str(n)


def state_name(scen: Scenario, sid: str | None) -> str:
    if not sid:
        return "—"
    s = scen.states.get(sid)
    return s.name.get(language()) if s else sid


def place_name(scen: Scenario, pid: str | None) -> str:
    if not pid:
        return "—"
    p = scen.places.get(pid)
    return p.name.get(language()) if p else pid


def ruler_name(scen: Scenario, rid: str | None) -> str:
    if not rid:
        return "—"
    r = scen.rulers.get(rid)
    return r.name.get(language()) if r else rid


def commander_name(scen: Scenario, cid: str | None) -> str:
    if not cid:
        return t("no_commander")
    c = scen.commanders.get(cid)
    return c.name.get(language()) if c else cid


def treaty_type_name(scen: Scenario, type_id: str | None) -> str:
    if not type_id:
        return "—"
    tt = scen.treaty_types.get(type_id)
    return tt.name.get(language()) if tt else type_id


def role_name(role: str | None) -> str:
    """A treaty role (overlord, vassal, payer …) in words; unknown roles show their id."""
    if not role:
        return "—"
    text = t("role_" + role)
    return role if text == "role_" + role else text


def pending_text(scen: Scenario, p: Pending) -> str:
    """A waiting decision in a sentence."""
    other = state_name(scen, p.other)
    if p.kind == "offer":
        ttype = scen.treaty_types.get(p.ref or "")
        if ttype is None or ttype.symmetric:
            return t("pending_offer_equal", other=other, type=treaty_type_name(scen, p.ref))
        return t("pending_offer", other=other, type=treaty_type_name(scen, p.ref), role=role_name(p.role))
    if p.kind == "levy":
        return t("pending_levy", other=other, amount=number(p.amount))
    if p.kind == "tribute":
        key = "pending_payment" if p.role == "payment" else "pending_tribute"
        return t(key, other=other, silver=number(p.amount), grain=number(p.grain))
    if p.kind == "call":
        return t("pending_call", other=other, enemy=state_name(scen, p.role))
    if p.kind == "event":
        event = scen.events.get(p.ref or "")
        return event.title.get(language()) if event else (p.ref or "")
    return p.kind


def record_text(scen: Scenario, record: LogRecord) -> str:
    return describe(record, scen, language())


#: The engine's refusal reasons (English sentences from ``engine.legality``) that the player
#: meets most, as patterns -> i18n keys; named groups become the template's fields. A reason
#: that matches none is shown as the engine wrote it.
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"the army stands in your own land", "reason_own_land"),
        (r"you are not at war with (?P<state>\w+)", "reason_not_at_war_with"),
        (r"the army is already there", "reason_already_there"),
        (r"no way for the army to reach (?P<place>\w+).*", "reason_no_way"),
        (r"the army is already doing that.*", "reason_already_doing"),
        (r"the army is idle already", "reason_idle_already"),
        (r"armies garrison only places you hold", "reason_garrison_own"),
        (r"the place is besieged", "reason_besieged"),
        (r"steppe cavalry is raised only on pasture land", "reason_pasture"),
        (r"your state has no siege craft yet", "reason_no_siege_craft"),
        (r"not enough manpower \((?P<have>\d+)\)", "reason_manpower"),
        (r"not enough silver \((?P<have>\d+) of (?P<need>\d+)\)", "reason_silver"),
        (r"it is already your capital", "reason_already_capital"),
        (r"only a city can be a capital", "reason_city_capital"),
        (r"you are already at war", "reason_already_war"),
        (r"(?P<state>\w+) has fallen", "reason_fallen"),
        (r"such a treaty is already in force", "reason_treaty_in_force"),
        (r"at war, offer peace or a truce first", "reason_peace_first"),
        (r"you are not at war", "reason_not_at_war"),
        (r"an offer is already waiting", "reason_offer_waiting"),
        (r"a levy is already waiting for an answer", "reason_levy_waiting"),
        (r"answer the (?P<n>\d+) waiting decision.*", "reason_answer_first"),
        (r"the game is over", "reason_game_over"),
        (r"you have ended your turn", "reason_turn_ended"),
        (r"this treaty cannot be offered", "reason_not_offerable"),
        (r"both armies must stand at one place", "reason_same_place"),
    )
)


def reason_text(scen: Scenario, reason: str) -> str:
    """An engine refusal in the player's language (known reasons), else as written."""
    for pattern, key in _REASONS:
        m = pattern.fullmatch(reason)
        if m:
            fields = m.groupdict()
            if "state" in fields:
                fields["state"] = state_name(scen, fields["state"])
            if "place" in fields:
                fields["place"] = place_name(scen, fields["place"])
            return t(key, **fields) if fields else t(key)
    return reason


def refusal(scen: Scenario, reason: str | None) -> str:
    """The tooltip or notice of something the player cannot do now, with the reason."""
    return t("disabled_because", reason=reason_text(scen, reason) if reason else t("not_possible"))
