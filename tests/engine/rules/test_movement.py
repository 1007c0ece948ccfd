"""Marching: armies advance ``days_per_month`` along their path and stop where they must."""

from __future__ import annotations

from engine.rules import movement
from engine.rules.geography import plan_path
from engine.state import GameState, LogRecord
from engine_testkit import at_date, clear_armies, kinds, put_army, with_rules


def _march(w: GameState, aid: str, dest: str) -> None:
    found = plan_path(w, aid, dest)
    assert found is not None
    w.set_army(aid, task="move", path=tuple(found[0]), progress=0)


def _advance(w: GameState) -> list[LogRecord]:
    out: list[LogRecord] = []
    movement.advance(w, out)
    return out


def test_a_long_route_takes_two_months_and_keeps_its_progress(duel: GameState) -> None:
    at_date(duel, "1200-07")
    clear_armies(duel)
    del duel.treaties["grey_blue_markets"]  # no short cut through Grey and Red's camp
    put_army(duel, "b", "blue", "narrow_pass", (0, 0, 5000, 0))
    _march(duel, "b", "blue_city")  # 40 days
    _advance(duel)
    army = duel.armies["b"]
    assert (army.place, army.path, army.progress, army.task) == ("narrow_pass", ("blue_city",), 30, "move")
    _advance(duel)
    army = duel.armies["b"]
    assert (army.place, army.path, army.progress, army.task) == ("blue_city", (), 0, "idle")


def test_progress_carries_past_a_place_on_the_way(duel: GameState) -> None:
    at_date(duel, "1200-07")
    clear_armies(duel)
    put_army(duel, "b", "blue", "south_port", (0, 0, 5000, 0))
    _march(duel, "b", "fortress")  # 10 to blue_city, then 25 across the river
    _advance(duel)
    army = duel.armies["b"]
    assert (army.place, army.path, army.progress) == ("blue_city", ("fortress",), 20)
    _advance(duel)
    assert (duel.armies["b"].place, duel.armies["b"].task) == ("fortress", "idle")


def test_days_per_month_sets_the_pace(duel: GameState) -> None:
    w = duel
    w.scen = with_rules(duel.scen, days_per_month=45)
    at_date(w, "1200-07")
    clear_armies(w)
    del w.treaties["grey_blue_markets"]
    put_army(w, "b", "blue", "narrow_pass", (0, 0, 5000, 0))
    _march(w, "b", "blue_city")  # 40 days
    assert w.armies["b"].path == ("blue_city",)
    _advance(w)
    assert w.armies["b"].place == "blue_city"


def test_winter_slows_the_march(duel: GameState) -> None:
    clear_armies(duel)
    put_army(duel, "r", "red", "red_pasture", (5000, 0, 0, 0))
    at_date(duel, "1200-07")
    summer = duel.copy()
    _march(summer, "r", "open_village")  # 20 + 10 days in summer
    _advance(summer)
    at_date(duel, "1201-01")
    _march(duel, "r", "open_village")  # 30 + 15 days in winter
    _advance(duel)
    assert summer.armies["r"].place == "open_village"
    assert duel.armies["r"].place == "red_camp" and duel.armies["r"].path == ("open_village",)


def test_a_march_stops_at_a_walled_enemy_place(duel: GameState) -> None:
    at_date(duel, "1200-07")
    _march(duel, "red_horde", "blue_city")  # open_village (10), fortress (20), blue_city (45)
    _advance(duel)
    army = duel.armies["red_horde"]
    assert (army.place, army.path, army.task) == ("fortress", (), "idle")
    assert duel.places["fortress"].owner == "blue"


def test_an_empty_unwalled_enemy_place_is_taken_in_passing(duel: GameState) -> None:
    at_date(duel, "1200-07")
    _march(duel, "red_horde", "blue_city")
    out = _advance(duel)
    assert duel.places["open_village"].owner == "red"
    capture = next(r for r in out if r.kind == "capture")
    assert (capture.place, capture.actors, capture.get("how")) == ("open_village", ("red", "blue"), "marched_in")


def test_an_enemy_army_standing_there_stops_the_march(duel: GameState) -> None:
    at_date(duel, "1200-07")
    put_army(duel, "picket", "blue", "open_village", (0, 0, 2000, 0))
    _march(duel, "red_horde", "blue_city")
    out = _advance(duel)
    assert duel.places["open_village"].owner == "blue"
    assert "capture" not in kinds(out)
    assert (duel.armies["red_horde"].place, duel.armies["red_horde"].task) == ("open_village", "idle")


def test_a_garrison_without_walls_stops_the_march(duel: GameState) -> None:
    at_date(duel, "1200-07")
    duel.set_place("open_village", garrison=300)
    _march(duel, "red_horde", "fortress")
    _advance(duel)
    assert duel.places["open_village"].owner == "blue"
    assert duel.armies["red_horde"].place == "open_village"


def test_walls_without_a_garrison_stop_the_march(duel: GameState) -> None:
    at_date(duel, "1200-07")
    duel.set_place("open_village", walls=1)
    _march(duel, "red_horde", "fortress")
    _advance(duel)
    assert duel.places["open_village"].owner == "blue"
    assert duel.armies["red_horde"].place == "open_village"


def test_own_places_do_not_stop_a_march(duel: GameState) -> None:
    at_date(duel, "1200-07")
    clear_armies(duel)
    put_army(duel, "b", "blue", "open_village", (0, 0, 5000, 0))
    _march(duel, "b", "narrow_pass")
    _advance(duel)
    assert duel.armies["b"].place == "narrow_pass"


def test_idle_armies_do_not_move(duel: GameState) -> None:
    before = duel.armies["red_horde"]
    assert _advance(duel) == []
    assert duel.armies["red_horde"] == before


def test_any_enemy_army_standing_there_stops_the_march(duel: GameState) -> None:
    # Grey, at war with Red, holds open_village with an army, though the village is Blue's:
    # Red's riders cannot ride past it (nor take the village) without a fight.
    at_date(duel, "1200-07")
    duel.wars.add(("grey", "red"))
    put_army(duel, "grey_band", "grey", "open_village", (0, 0, 2000, 0))
    _march(duel, "red_horde", "fortress")
    assert duel.armies["red_horde"].path == ("open_village", "fortress")
    _advance(duel)
    assert duel.places["open_village"].owner == "blue"
    assert duel.armies["red_horde"].place == "open_village"
