"""A human changes history: Xia keeps faith with the Mongols through 1227.

Xia is a human seat played by a scripted controller that keeps the Mongol vassalage: it sends
every levy and tribute the Mongols ask, accepts Mongol offers, refuses Jin's and Song's, takes
the pro-Mongol choice in Xia's events, and never breaks a treaty. The other three states are
the AI (historical-events mode "off": they decide every event themselves). The whole campaign
must play without an error, every AI order must be legal when given, and the AIs must react
sensibly — no nonsense orders:

* the Mongols never make war on their loyal vassal (their plan for the final war on Xia needs
  a cause, and a loyal Xia gives none), so the vassalage is still in force at the end;
* no AI declares war on a state it made a peace-keeping treaty with less than a year before;
* no AI asks a treaty partner for a levy larger than the treaty allows, or twice within two
  years (legality refuses the first; the AI's own restraint the second).
"""

from __future__ import annotations

from engine import orders as o
from engine.ai.controller import Controller
from engine.ai.player import AIPlayer
from engine.apply import apply
from engine.calendar import format_month
from engine.cli_simulate import run_campaign
from engine.legality import why_illegal
from engine.scenario import Scenario, find_scenario, load_scenario
from engine.setup import new_game
from engine.state import GameState

#: Xia's events: the choice that keeps faith with the Mongols.
WITH_THE_MONGOLS = {
    "xia_war_on_jin_1211": "attack",
    "mongol_levy_1217": "send",
    "xia_joins_muqali_1221": "send",
    "xia_desert_fengxiang_1223": "stay",
    "xia_depose_deren_1223": "depose",
    "xia_seek_peace_jin_1224": "stay_loyal",
    "hostage_demanded_1225": "send_hostage",
    "jin_asks_xia_peace_1220": "refuse",
}


class LoyalXia:
    """The scripted human player of Xia."""

    def orders(self, state: GameState, faction: str) -> list[o.Order]:
        out: list[o.Order] = []
        for p in state.pending_for(faction):
            if p.kind == "event":
                event = state.scen.events[p.ref]
                ids = [c.id for c in event.choices]
                historical = next((c.id for c in event.choices if c.historical), ids[0])
                out.append(o.ChooseEvent(faction, p.id, WITH_THE_MONGOLS.get(p.ref, historical)))
            else:
                out.append(o.Answer(faction, p.id, p.other == "mongol"))
        out.append(o.EndTurn(faction))
        return out


class CheckedAI:
    """The AI, with every order it gives checked: legal when given, one after another."""

    def __init__(self) -> None:
        self.inner = AIPlayer()
        self.problems: list[str] = []
        self.levies: dict[str, list[int]] = {}

    def orders(self, state: GameState, faction: str) -> list[o.Order]:
        orders = list(self.inner.orders(state, faction))
        w = state
        for order in orders:
            reason = why_illegal(w, order)
            if reason is not None:
                self.problems.append(f"{format_month(state.date)} {order}: {reason}")
                break
            if isinstance(order, o.DemandLevy):
                self.levies.setdefault(order.treaty, []).append(state.date)
            w, _ = apply(w, order)
        return orders


def test_xia_keeping_faith_with_the_mongols_gets_sensible_ai_play() -> None:
    scen: Scenario = load_scenario(find_scenario("jin_xia_1211"))
    state = new_game(scen, seed=7, humans=("xia",), historical_mode="off", ai_level="normal")
    ai = CheckedAI()
    controllers: dict[str, Controller] = {f: ai for f in scen.states}
    controllers["xia"] = LoyalXia()
    final, _ = run_campaign(state, controllers)

    assert final.over and format_month(final.date) == "1228-01"
    assert not ai.problems, ai.problems[:5]
    wars_on_xia = [r for r in final.log if r.kind == "war_declared" and set(r.actors) == {"mongol", "xia"}]
    assert not wars_on_xia, [(format_month(r.date), r.actors) for r in wars_on_xia]
    assert any(t.type == "vassalage" and t.party("overlord") == "mongol" and t.party("vassal") == "xia"
               for t in final.treaties.values()), "the loyal vassal's tie was broken"
    made: dict[frozenset[str], int] = {}
    for r in final.log:
        pair = frozenset(r.actors[:2])
        if r.kind == "treaty_made" and final.scen.treaty_types[r.get("type")].peace:
            made[pair] = r.date
        if r.kind == "war_declared" and r.get("cause") == "declared" and pair in made:
            assert r.date - made[pair] >= 12, f"{format_month(r.date)}: {r.actors[0]} broke a peace made {format_month(made[pair])}"
    for treaty, dates in ai.levies.items():
        assert all(b - a >= 24 for a, b in zip(dates, dates[1:])), (treaty, [format_month(d) for d in dates])
