"""A baseline AI for any faction: legal, purposeful, deterministic.

It answers what waits for it by simple utility, defends threatened places, concentrates on
the weakest valuable enemy place within reach, besieges or storms when strong enough and
raids when not, recruits within its budget, and ends its turn. It reads the state's
personality traits where they matter. Named personalities and historical plans come later
(issue 6) behind the same :class:`~engine.ai.controller.Controller` seam.
"""

from __future__ import annotations

import heapq

from engine import orders as o
from engine.legality import recruit_cost, why_illegal
from engine.rules.conditions import men_under_arms
from engine.rules.geography import graph, may_enter, route_days
from engine.rules.troops import wall_power
from engine.state import Army, GameState, Pending


class BaselineAI:
    """The baseline AI controller."""

    def orders(self, state: GameState, faction: str) -> list[o.Order]:
        plan = _Planner(state, faction)
        return plan.run()


class _Planner:
    def __init__(self, state: GameState, faction: str) -> None:
        self.s = state
        self.f = faction
        self.scen = state.scen
        self.pers = state.scen.states[faction].personality
        self.out: list[o.Order] = []
        self.strength = {p: men_under_arms(state, p) for p in state.alive()}
        self.threat: dict[str, int] = {}

    def add(self, order: o.Order) -> None:
        if why_illegal(self.s, order) is None:
            self.out.append(order)

    def run(self) -> list[o.Order]:
        for p in self.s.pending_for(self.f):
            self.answer(p)
        self.diplomacy()
        self.military()
        self.recruit()
        self.out.append(o.EndTurn(self.f))
        return self.out

    # ------------------------------------------------------------ answers

    def ratio(self, other: str) -> float:
        return self.strength.get(other, 0) / max(1, self.strength.get(self.f, 0))

    def answer(self, p: Pending) -> None:
        if p.kind == "event":
            event = self.scen.events[p.ref]
            choice = next((c for c in event.choices if c.historical), event.choices[0])
            self.out.append(o.ChooseEvent(self.f, p.id, choice.id))
            return
        other = p.other or ""
        if p.kind == "offer":
            accept = self.accept_offer(p)
        elif p.kind == "levy":
            accept = self.ratio(other) > 2.5 - 2 * self.pers.submission and not self.s.enemies(self.f) or self.ratio(other) > 4
        elif p.kind == "tribute":
            accept = self.s.polities[self.f].treasury >= p.amount and (self.ratio(other) > 0.8 or self.pers.treaty_loyalty > 0.6)
        else:  # call to arms
            accept = self.pers.treaty_loyalty >= 0.5 and self.ratio(p.role or other) < 1.5
        self.out.append(o.Answer(self.f, p.id, accept))

    def accept_offer(self, p: Pending) -> bool:
        other = p.other or ""
        ttype = self.scen.treaty_types[p.ref or ""]
        at_war = self.s.at_war(self.f, other)
        if at_war:
            return self.ratio(other) > 1.2 or self.s.polities[self.f].legitimacy < 30
        obligations = {type(ob).__name__ for ob in ttype.obligations}
        if "LevyOb" in obligations or "TributeOb" in obligations:
            my_role = next(r for r in ttype.roles if r != p.role)
            overlord_role = ttype.roles[0]
            if my_role == overlord_role:
                return True
            return self.ratio(other) > 3 - 2 * self.pers.submission
        common = set(self.s.enemies(self.f)) & set(self.s.enemies(other))
        return bool(common) or "MarketOb" in obligations or ttype.id in ("truce", "peace")

    # ------------------------------------------------------------ diplomacy

    def diplomacy(self) -> None:
        for enemy in self.s.enemies(self.f):
            losing = self.ratio(enemy) > 2.0 and self.s.polities[self.f].legitimacy < 50
            if losing:
                for ttype in ("truce", "peace"):
                    if ttype in self.scen.treaty_types:
                        self.add(o.ProposeTreaty(self.f, enemy, ttype, self.scen.treaty_types[ttype].roles[0]))
                        break
        pol = self.s.polities[self.f]
        if not self.s.enemies(self.f) and self.pers.aggression > 0.7:
            for target in pol.casus_belli:
                if self.s.polities[target].alive and self.ratio(target) < 0.7:
                    self.add(o.DeclareWar(self.f, target))
                    break

    # ------------------------------------------------------------ military

    def merge(self) -> set[str]:
        """Idle armies at one place join the largest there (concentration of force)."""
        merged: set[str] = set()
        by_place: dict[str, list[Army]] = {}
        for army in self.s.armies_of(self.f):
            if army.task == "idle":
                by_place.setdefault(army.place, []).append(army)
        for group in by_place.values():
            if len(group) > 1:
                group.sort(key=lambda a: (-a.size, a.id))
                for other in group[1:]:
                    self.add(o.Merge(self.f, other.id, group[0].id))
                    merged.add(other.id)
        return merged

    def defenders(self, place_id: str) -> int:
        """Men holding a place: its garrison and the owner's armies standing there."""
        place = self.s.places[place_id]
        return place.garrison + sum(a.size for a in self.s.armies.values() if a.place == place_id and a.owner == place.owner)

    def military(self) -> None:
        merged = self.merge()
        enemies = set(self.s.enemies(self.f))
        threatened = self.threatened(enemies)
        claimed: set[str] = set()
        for army in self.s.armies_of(self.f):
            if army.size < 1000 or army.id in merged:
                continue
            if army.task == "move" and army.path:
                continue
            here = self.s.places[army.place]
            if here.owner in enemies and self.act_at_enemy(army):
                continue
            if army.task in ("besiege", "assault") or (army.task == "raid" and here.owner in enemies):
                continue
            dist = self.distances(army)
            prey = self.weaker_enemy_army(army, enemies, dist)
            if prey is not None and prey not in claimed:
                claimed.add(prey)
                self.add(o.Move(self.f, army.id, prey))
                continue
            guard = next((p for p in threatened if p in dist and dist[p] <= 45 and p not in claimed
                          and army.size + self.defenders(p) >= 0.8 * self.threat[p]), None)
            if guard is not None:
                claimed.add(guard)
                if guard != army.place:
                    self.add(o.Move(self.f, army.id, guard))
                continue
            if army.place in threatened:
                continue
            target = self.pick_target(army, enemies, dist, claimed)
            if target is not None:
                claimed.add(target)
                self.add(o.Move(self.f, army.id, target))

    def weaker_enemy_army(self, army: Army, enemies: set[str], dist: dict[str, int]) -> str | None:
        """The place of the nearest enemy army (within a month) that this army outnumbers well."""
        best: tuple[int, str] | None = None
        for other in self.s.armies.values():
            if other.owner in enemies and other.place in dist and dist[other.place] <= 30 and other.place != army.place:
                if other.size * 1.5 < army.size and (best is None or dist[other.place] < best[0]):
                    best = (dist[other.place], other.place)
        return best[1] if best else None

    def threatened(self, enemies: set[str]) -> list[str]:
        """Own places with an enemy army within two steps, capital first."""
        g = graph(self.scen)
        near: dict[str, int] = {}
        for army in self.s.armies.values():
            if army.owner not in enemies:
                continue
            for n1, _ in g.neighbours[army.place]:
                for n2 in (n1, *[x for x, _ in g.neighbours[n1]]):
                    if self.s.places[n2].owner == self.f:
                        near[n2] = max(near.get(n2, 0), army.size)
        self.threat = near
        capital = self.s.polities[self.f].capital
        ranked = sorted(near, key=lambda p: (p != capital, -self.s.places[p].population, p))
        return [p for p in ranked if near[p] > self.s.places[p].garrison]

    def act_at_enemy(self, army: Army) -> bool:
        """Storm, besiege or raid the enemy place the army stands at; False when it is time to
        move on (the countryside is stripped and the walls are too strong)."""
        place = self.s.places[army.place]
        rules = self.scen.rules
        attack = wall_power(army.troops, self.s.polities[self.f].siege_skill, rules)
        defence = place.garrison * (1.0 + rules.wall_strength_per_level * place.walls) * (0.6 if place.food == 0 else 1.0)
        stripped = place.prosperity < 30
        if attack > defence * (1.6 - 0.5 * self.pers.aggression):
            if army.task != "assault":
                self.add(o.Assault(self.f, army.id))
        elif army.size > place.garrison * 2:
            wants_raid = self.pers.plunder > 0.6 and place.walls >= 3 and place.food > 6 * (1 - self.pers.siege_patience)
            if wants_raid and not stripped:
                if army.task != "raid":
                    self.add(o.Raid(self.f, army.id))
            elif army.task != "besiege":
                self.add(o.Besiege(self.f, army.id))
        elif not stripped:
            if army.task != "raid":
                self.add(o.Raid(self.f, army.id))
        else:
            return False
        return True

    def distances(self, army: Army) -> dict[str, int]:
        """Days from the army to every place it may enter."""
        g = graph(self.scen)
        best = {army.place: 0}
        heap = [(0, army.place)]
        while heap:
            d, here = heapq.heappop(heap)
            if d > best[here] or d > 120:
                continue
            if here != army.place and self.s.places[here].owner != self.f and self.s.places[here].garrison > 0:
                continue  # a march stops at a held enemy place
            for nxt, route in g.neighbours[here]:
                if not may_enter(self.s, self.f, nxt):
                    continue
                nd = d + route_days(self.scen, route, self.s.date)
                if nd < best.get(nxt, 1 << 30):
                    best[nxt] = nd
                    heapq.heappush(heap, (nd, nxt))
        return best

    def pick_target(self, army: Army, enemies: set[str], dist: dict[str, int], claimed: set[str]) -> str | None:
        rules = self.scen.rules
        best, best_score = None, 0.0
        power = army.size
        if power < 10000:
            return None
        margin = 1.0 + 1.5 * self.pers.caution
        reach = 20 + 60 * self.pers.aggression
        for pid, days in dist.items():
            place = self.s.places[pid]
            if place.owner not in enemies or pid in claimed or days > reach:
                continue
            in_field = self.defenders(pid) - place.garrison
            if in_field * 1.2 * margin > power:
                continue  # an enemy army stands there: do not walk into it outnumbered
            defence = place.garrison * (1.0 + rules.wall_strength_per_level * place.walls)
            if power < defence * 0.5 * margin and self.pers.plunder < 0.5:
                continue
            value = place.population / 10000 + (50 if pid == self.s.polities[place.owner].capital else 0) + 5
            if self.scen.places[pid].terrain in ("steppe", "desert") and army.troops[0] * 2 < army.size:
                value *= 0.1  # foot and heavy horse waste away on the steppe
            score = value / (1 + days / 30) / (1 + defence / max(1, power))
            if score > best_score:
                best, best_score = pid, score
        return best

    # ------------------------------------------------------------ recruiting

    def recruit(self) -> None:
        pol = self.s.polities[self.f]
        upkeep = men_under_arms(self.s, self.f) / 1000 * self.scen.rules.upkeep_silver_per_1000
        spare = pol.treasury - 12 * upkeep
        if spare <= 0 or pol.manpower < 1000:
            return
        places = self.s.places_of(self.f)
        if not places:
            return
        pasture = [p.id for p in places if "pasture" in self.scen.places[p.id].flags and p.besieger is None]
        capital = pol.capital if pol.capital and self.s.places[pol.capital].owner == self.f else places[0].id
        where, kind = (pasture[0], "steppe_cavalry") if pasture and self.pers.plunder > 0.6 else (capital, "infantry")
        unit = max(1, recruit_cost(self.s, 1000, kind))
        amount = min(pol.manpower, int(spare * 0.5 / unit) * 1000, 20000)
        if amount >= 1000 and recruit_cost(self.s, amount, kind) <= pol.treasury:
            self.add(o.Recruit(self.f, where, kind, amount))
        engineers = sum(a.troops[3] for a in self.s.armies_of(self.f))
        field = sum(a.size for a in self.s.armies_of(self.f))
        if pol.siege_skill >= 1 and amount >= 5000 and engineers * 20 < field:
            self.add(o.Recruit(self.f, capital, "siege", 1000))
