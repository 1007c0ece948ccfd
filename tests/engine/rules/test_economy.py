"""The monthly economy: what places yield, what troops cost, what border markets earn."""

from __future__ import annotations

from engine.rules import economy
from engine.state import GameState, LogRecord, Treaty
from engine_testkit import clear_armies, put_army

# Silver income (not upkeep) is multiplied by 0.5 + legitimacy / 200 (0.8 for Red and Blue at
# 60, 0.75 for Grey) and rounded once per state, so differences are compared to within one.


def _month(w: GameState) -> GameState:
    out: list[LogRecord] = []
    economy.month(w, out)
    return w


def _delta(before: GameState, field: str, who: str) -> int:
    after = _month(before.copy())
    return getattr(after.polities[who], field) - getattr(before.polities[who], field)


def _legit_factor(w: GameState, who: str) -> float:
    return 0.5 + w.polities[who].legitimacy / 200


def test_a_besieged_place_yields_nothing(duel: GameState) -> None:
    rules = duel.scen.rules
    sieged = duel.copy()
    sieged.set_place("blue_city", besieger="red")
    units = 500000 / 10000 * 60 / 100  # blue_city: people and prosperity
    lost_silver = _delta(duel, "treasury", "blue") - _delta(sieged, "treasury", "blue")
    lost_grain = _delta(duel, "grain", "blue") - _delta(sieged, "grain", "blue")
    assert abs(lost_silver - units * rules.silver_per_10k_people * _legit_factor(duel, "blue")) <= 1
    assert abs(lost_grain - units * rules.grain_per_10k_people) <= 1


def test_food_recovers_a_month_at_a_time_up_to_the_store_unless_besieged(duel: GameState) -> None:
    duel.set_place("blue_city", food=5)
    duel.set_place("south_port", food=2, besieger="red")
    _month(duel)
    assert duel.places["blue_city"].food == 6
    assert duel.places["south_port"].food == 2
    assert duel.places["fortress"].food == duel.scen.places["fortress"].food  # full stays full


def test_prosperity_recovers_towards_its_base(duel: GameState) -> None:
    rules = duel.scen.rules
    duel.set_place("blue_city", prosperity=40)
    duel.set_place("south_port", prosperity=duel.scen.places["south_port"].prosperity - 1)
    _month(duel)
    assert duel.places["blue_city"].prosperity == 40 + rules.prosperity_recovery
    assert duel.places["south_port"].prosperity == duel.scen.places["south_port"].prosperity


def test_armies_cost_upkeep(duel: GameState) -> None:
    rules = duel.scen.rules
    bigger = duel.copy()
    put_army(bigger, "extra", "red", "red_camp", (0, 0, 40000, 0))
    silver = _delta(duel, "treasury", "red") - _delta(bigger, "treasury", "red")
    grain = _delta(duel, "grain", "red") - _delta(bigger, "grain", "red")
    # 40,000 foot: 20 silver and 40 grain a month, whatever the state's legitimacy
    assert abs(silver - 40 * rules.upkeep_silver_per_1000) <= 1
    assert abs(grain - 40 * rules.upkeep_grain_per_1000) <= 1


def test_garrisons_cost_less_than_field_armies(duel: GameState) -> None:
    garrisoned = duel.copy()
    garrisoned.set_place("red_camp", garrison=20000)
    in_field = duel.copy()
    put_army(in_field, "extra", "red", "red_camp", (0, 0, 20000, 0))
    assert _delta(duel, "grain", "red") > _delta(garrisoned, "grain", "red") > _delta(in_field, "grain", "red")


def test_treasury_and_grain_never_go_negative(duel: GameState) -> None:
    clear_armies(duel)
    duel.set_polity("red", treasury=0, grain=0)
    put_army(duel, "huge", "red", "red_camp", (0, 0, 900000, 0))
    _month(duel)
    assert duel.polities["red"].treasury == 0 and duel.polities["red"].grain == 0


def test_border_markets_pay_both_parties_at_peace(duel: GameState) -> None:
    income = 7 * duel.scen.rules.market_income_scale  # the duel's border_markets income
    no_market = duel.copy()
    del no_market.treaties["grey_blue_markets"]
    for who in ("grey", "blue"):
        gain = _delta(duel, "treasury", who) - _delta(no_market, "treasury", who)
        assert abs(gain - income * _legit_factor(duel, who)) <= 1, who


def test_border_markets_pay_nothing_in_war(duel: GameState) -> None:
    market = Treaty("m", "border_markets", (("a", "blue"), ("b", "red")), duel.date)
    with_market = duel.copy()
    with_market.treaties["m"] = market
    assert duel.at_war("red", "blue")
    assert _delta(with_market, "treasury", "red") == _delta(duel, "treasury", "red")
    at_peace, at_peace_market = duel.copy(), with_market.copy()
    at_peace.wars.clear()
    at_peace_market.wars.clear()
    assert _delta(at_peace_market, "treasury", "red") > _delta(at_peace, "treasury", "red")


def test_legitimacy_scales_income(duel: GameState) -> None:
    low, high = duel.copy(), duel.copy()
    low.set_polity("blue", legitimacy=10)
    high.set_polity("blue", legitimacy=100)
    assert _delta(high, "treasury", "blue") > _delta(low, "treasury", "blue") > 0


def test_manpower_grows_and_pastures_breed_more(duel: GameState) -> None:
    # Red's 80,000 people live on pasture; Grey's 100,000 in a town
    assert _delta(duel, "manpower", "red") > _delta(duel, "manpower", "grey") > 0


def test_steppe_horsemen_cost_a_share_of_the_upkeep(duel: GameState) -> None:
    rules = duel.scen.rules
    foot, riders = duel.copy(), duel.copy()
    put_army(foot, "extra", "red", "red_camp", (0, 0, 40000, 0))
    put_army(riders, "extra", "red", "red_camp", (40000, 0, 0, 0))
    foot_grain = _delta(duel, "grain", "red") - _delta(foot, "grain", "red")
    rider_grain = _delta(duel, "grain", "red") - _delta(riders, "grain", "red")
    assert abs(foot_grain - 40 * rules.upkeep_grain_per_1000) <= 1
    assert abs(rider_grain - 40 * rules.upkeep_grain_per_1000 * rules.steppe_cost_factor) <= 1


def test_legitimacy_scales_income_but_not_upkeep(duel: GameState) -> None:
    # Red with no income (both its places besieged) and an army to pay: what the army costs
    # must not depend on how legitimate the khan is.
    duel.set_place("red_camp", besieger="blue")
    duel.set_place("red_pasture", besieger="blue")
    put_army(duel, "extra", "red", "red_camp", (0, 0, 40000, 0))
    low, high = duel.copy(), duel.copy()
    low.set_polity("red", legitimacy=0)
    high.set_polity("red", legitimacy=100)
    assert _delta(low, "treasury", "red") == _delta(high, "treasury", "red") < 0
