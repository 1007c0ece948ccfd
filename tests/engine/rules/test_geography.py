"""The route graph: seasonal travel times, who may enter where, and the quickest way."""

from __future__ import annotations

import pytest

from engine.rules.geography import graph, is_deep_winter, may_enter, plan_path, route_between, route_days
from engine.scenario.model import RouteDef
from engine.state import GameState, Treaty
from engine_testkit import at_date, month, with_rules


def _days(scen, a: str, b: str, when: str) -> int:
    route = route_between(scen, a, b)
    assert route is not None, f"no route {a}-{b}"
    return route_days(scen, route, month(when))


@pytest.mark.parametrize("when", ["1200-12", "1201-01", "1201-02"])
def test_winter_slows_routes_north_of_the_line(duel_scen, when: str) -> None:
    # red_camp (42.0) - open_village (40.0): 10 days, times winter_north_slowdown (1.5)
    assert _days(duel_scen, "red_camp", "open_village", when) == 15


@pytest.mark.parametrize("when", ["1200-03", "1200-07", "1200-11"])
def test_no_slowdown_outside_deep_winter(duel_scen, when: str) -> None:
    assert _days(duel_scen, "red_camp", "open_village", when) == 10


def test_winter_does_not_slow_routes_south_of_the_line(duel_scen) -> None:
    # blue_city (36.0) - south_port (33.5): both ends south of north_latitude 37.0
    assert _days(duel_scen, "blue_city", "south_port", "1201-01") == 10


def test_the_north_line_is_a_rule_coefficient(duel_scen) -> None:
    moved = with_rules(duel_scen, north_latitude=45.0)
    assert _days(moved, "red_camp", "open_village", "1201-01") == 10


def _route(**fields):
    """A route built for the test (route_days needs only the scenario's places and rules)."""
    return RouteDef.model_validate(fields)


@pytest.mark.parametrize("when", ["1200-12", "1201-01", "1201-02"])
def test_frozen_river_saves_the_ferry_delay_in_deep_winter(duel_scen, when: str) -> None:
    # blue_city - south_port lie south of the line, so only the ice changes the time
    rules = duel_scen.rules
    frozen = _route(**{"from": "blue_city", "to": "south_port", "days": 25, "freezes": True})
    assert route_days(duel_scen, frozen, month(when)) == 25 - rules.crossing_delay_days


@pytest.mark.parametrize("when", ["1200-12", "1201-01", "1201-02"])
def test_bare_frozen_crossing_takes_the_frozen_crossing_time(duel_scen, when: str) -> None:
    rules = duel_scen.rules
    bare = _route(**{"from": "blue_city", "to": "south_port", "days": rules.crossing_delay_days, "freezes": True})
    assert route_days(duel_scen, bare, month(when)) == rules.frozen_crossing_days


@pytest.mark.parametrize("when", ["1200-03", "1200-06", "1200-11"])
def test_river_not_frozen_outside_dec_to_feb(duel_scen, when: str) -> None:
    assert _days(duel_scen, "fortress", "blue_city", when) == 25
    frozen = _route(**{"from": "blue_city", "to": "south_port", "days": 25, "freezes": True})
    assert route_days(duel_scen, frozen, month(when)) == 25


def test_frozen_crossing_north_of_the_line_is_quicker_than_an_unfrozen_one(duel_scen) -> None:
    # fortress (38.5) - blue_city: slowed by winter like any northern route, but the ice helps
    route = route_between(duel_scen, "fortress", "blue_city")
    assert route is not None and route.freezes
    unfrozen = route.model_copy(update={"freezes": False})
    for when in ("1200-12", "1201-01", "1201-02"):
        assert route_days(duel_scen, route, month(when)) < route_days(duel_scen, unfrozen, month(when))


def test_non_freezing_route_is_not_shortened_in_winter(duel_scen) -> None:
    assert _days(duel_scen, "narrow_pass", "blue_city", "1201-01") == 60


def test_deep_winter_is_december_to_february() -> None:
    assert [m for m in range(1, 13) if is_deep_winter(month(f"1200-{m:02d}"))] == [1, 2, 12]


def test_a_route_always_takes_at_least_a_day(duel_scen) -> None:
    scen = with_rules(duel_scen, frozen_crossing_days=0, winter_north_slowdown=0.0)
    for route in scen.routes:
        for m in range(1, 13):
            assert route_days(scen, route, month(f"1200-{m:02d}")) >= 1, (route, m)


def test_graph_is_symmetric(duel_scen) -> None:
    g = graph(duel_scen)
    for here, links in g.neighbours.items():
        for there, route in links:
            assert any(back == here and r is route for back, r in g.neighbours[there])


def test_may_enter_own_enemy_and_treaty_land_but_not_neutral(duel: GameState) -> None:
    assert may_enter(duel, "red", "red_camp")
    assert may_enter(duel, "red", "blue_city")  # at war
    assert not may_enter(duel, "red", "grey_town")  # neutral
    assert may_enter(duel, "blue", "grey_town")  # border markets give access
    duel.treaties["t"] = Treaty("t", "alliance", (("a", "grey"), ("b", "red")), duel.date)
    assert may_enter(duel, "red", "grey_town")


def test_plan_path_avoids_neutral_land(duel: GameState) -> None:
    at_date(duel, "1200-07")
    path, days = plan_path(duel, "red_horde", "blue_city")
    assert "grey_town" not in path
    # the quickest allowed way: by the fortress (10+10+25), not the direct road (10+50)
    # with fewer steps, nor the pass (10+8+40)
    assert (path, days) == (["open_village", "fortress", "blue_city"], 45)


def test_plan_path_takes_the_short_way_once_the_land_is_open(duel: GameState) -> None:
    at_date(duel, "1200-07")
    duel.treaties["t"] = Treaty("t", "border_markets", (("a", "grey"), ("b", "red")), duel.date)
    assert plan_path(duel, "red_horde", "blue_city") == (["grey_town", "blue_city"], 12)


def test_plan_path_uses_the_season_of_the_current_month(duel: GameState) -> None:
    at_date(duel, "1201-01")
    expected = sum(_days(duel.scen, a, b, "1201-01") for a, b in
                   (("red_camp", "open_village"), ("open_village", "fortress"), ("fortress", "blue_city")))
    assert plan_path(duel, "red_horde", "blue_city") == (["open_village", "fortress", "blue_city"], expected)
    assert expected > 45  # winter slows the northern roads


def test_plan_path_none_into_neutral_land_or_to_itself(duel: GameState) -> None:
    assert plan_path(duel, "red_horde", "grey_town") is None
    assert plan_path(duel, "red_horde", "red_camp") is None
    assert plan_path(duel, "red_horde", "no_such_place") is None

