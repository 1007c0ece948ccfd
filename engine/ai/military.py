"""Armies: hold what matters, strike where it pays, besiege or raid, and fall back in time.

Each turn the AI sorts its armies. Those at an enemy place weigh what they can do there —
storm the walls, starve them out, or strip the countryside — against moving on. Free armies
that a much stronger enemy can catch take ground that favours them (a pass against horsemen),
man the walls of the capital or a key place, or fall back. While an enemy army threatens the
capital, the armies near it stay to cover it. Then free armies go where an enemy is about to
take a place worth holding, if together they can beat him there. The rest take jobs against
enemy places or armies: each job's worth (the place's people and rank, the plans' weight, the
plunder it yields) is set against what it costs — marching time, the months a siege needs,
men lost to walls and to attrition in steppe and winter — and armies within reach are gathered
until they are strong enough. A job no gathering of armies can do is left alone: the AI makes
no hopeless assaults. An army with nothing to do waits at the own place nearest to what its
plans want, or nearest to the danger.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from engine import orders as o
from engine.apply import apply
from engine.legality import IllegalOrder
from engine.ai.evaluation import value
from engine.ai.levels import Level
from engine.ai.lookahead import simulate
from engine.ai.plans import Intent
from engine.ai.turn_part import TurnPart
from engine.ai.situation import (
    Situation,
    assault_power,
    months_to_starve,
    place_worth,
    wall_defence,
)
from engine.rules.geography import is_deep_winter
from engine.scenario import model as m
from engine.scenario.crossref import walk
from engine.state import Army, GameState

#: a countryside below this prosperity is stripped (no longer worth raiding).
STRIPPED = 30
#: armies smaller than this do not campaign on their own.
SMALL = 1500
#: months a job's worth is spread over (a job done in this many months counts half).
HORIZON = 6.0
#: value units of 10,000 men lost (a small walled town is worth about 3).
MAN_VALUE = 4.0
#: value units of 100 silver of plunder (to a plunderer; scaled by the plunder trait).
PLUNDER_VALUE = 2.0
#: days within which armies stay to cover a threatened capital.
COVER_DAYS = 25
#: the farthest (days) an army goes to relieve a threatened place.
RELIEF_DAYS = 20
#: share of the worth of what lies beyond a place (within GATEWAY_DAYS) that taking it adds.
GATEWAY = 0.3
GATEWAY_DAYS = 12


@dataclass
class Option:
    """One way of dealing with an enemy place: storm it, starve it, or raid it."""

    kind: str  # "assault", "besiege", "raid"
    value: float
    months: float
    losses: float


@dataclass
class Job:
    """A place where armies are wanted, and how strong they must be in the field there."""

    place: str
    kind: str  # "defend", "attack", "hunt"
    worth: float
    need_field: float


_NAMED: dict[int, tuple[object, frozenset[str]]] = {}


def named_armies(scen: object) -> frozenset[str]:
    """Ids of armies that events or in-play history remove or reinforce by name during play
    (history that only builds bookmarks does not count)."""
    hit = _NAMED.get(id(scen))
    if hit is not None and hit[0] is scen:
        return hit[1]
    ids: set[str] = set()
    items = [h for h in scen.history if h.in_play] + list(scen.events.values())  # type: ignore[attr-defined]
    for item in items:
        for obj, _ in walk(item):
            if isinstance(obj, (m.RemoveArmyEff, m.ReinforceEff)):
                ids.add(obj.remove_army.army if isinstance(obj, m.RemoveArmyEff) else obj.reinforce.army)
    out = frozenset(ids)
    _NAMED[id(scen)] = (scen, out)
    return out


class Military(TurnPart):
    """The army orders of one faction for one turn."""

    def __init__(self, state: GameState, faction: str, sit: Situation, intent: Intent, level: Level,
                 add: Callable[[o.Order], None], skip: set[str] | frozenset[str] = frozenset()) -> None:
        super().__init__(state, faction, sit, intent, level, add)
        self.skip = skip
        self.rules = state.scen.rules
        self.capital = state.polities[faction].capital
        self.claimed: set[str] = set()
        self.hunger = self.stores_hunger()
        #: what 10,000 men lost weigh: an aggressive state spends men more readily.
        self.man_value = MAN_VALUE * (1.5 - self.traits.aggression)

    def stores_hunger(self) -> float:
        """1 with a year's stores or more, up to 3 when silver or grain is about to run out:
        a hungry state raids for what it lacks."""
        pol = self.s.polities[self.f]
        silver, grain = self.sit.balance()
        months = min(pol.treasury / max(1.0, -silver) if silver < 0 else 99.0,
                     pol.grain / max(1.0, -grain) if grain < 0 else 99.0)
        return 1.0 + 2.0 * max(0.0, 1.0 - months / 12.0)

    # ------------------------------------------------------------------ entry

    def run(self) -> None:
        if not self.sit.armies:
            return
        merged = self.merge()
        armies = [a for a in self.sit.armies if a.id not in merged and a.id not in self.skip]
        armies.sort(key=lambda a: (-a.size, a.id))
        free: list[Army] = []
        for army in armies:
            if army.size < SMALL:
                self.small(army)
            elif not self.at_enemy(army):
                free.append(army)
        if not free:
            return
        if self.level.concentrate:
            free = self.stand_fast(free)
            free = self.cover_capital(free)
        free = self.defend(free)
        free = self.attack(free)
        for army in free:
            self.idle(army)

    # ------------------------------------------------------------------ merging

    def merge(self) -> set[str]:
        """Idle armies at one place join together (the battle rule makes armies at one place
        fight one by one, so a divided host is beaten in detail): into one at work there (a
        siege, a raid), else the one with the best commander, else the largest. An army the scenario's history moves by name keeps its
        name: it is always the one joined, and two such armies stay apart."""
        gone: set[str] = set()
        by_place: dict[str, list[Army]] = {}
        for army in self.sit.armies:
            if army.id not in self.skip and army.task in ("idle", "besiege", "raid"):
                by_place.setdefault(army.place, []).append(army)
        scen = self.s.scen
        named = named_armies(scen)
        for place in sorted(by_place):
            group = by_place[place]
            if len(group) < 2:
                continue

            def rank(a: Army) -> tuple[bool, bool, int, int, str]:
                skill = scen.commanders[a.commander].field if a.commander in scen.commanders else 0
                return (a.id not in named, a.task == "idle", -skill, -a.size, a.id)

            group.sort(key=rank)
            head = group[0]
            for other in group[1:]:
                if other.id in named or other.task != "idle":
                    continue
                self.add(o.Merge(self.f, other.id, head.id))
                gone.add(other.id)
        return gone

    def small(self, army: Army) -> None:
        """A small band joins the garrison where it stands, or walks home to do so."""
        place = self.s.places[army.place]
        if place.owner == self.f:
            if army.task == "idle":
                self.add(o.Garrison(self.f, army.id, army.size))
            return
        if army.task == "move" and army.path and self.s.places[army.path[-1]].owner == self.f:
            return
        home = self.nearest_own(army)
        if home is not None:
            self.add(o.Move(self.f, army.id, home))

    # ------------------------------------------------------------------ what to do at a place

    def options(self, pid: str, armies: list[Army], days: float = 0.0) -> list[Option]:
        """The ways ``armies`` (arriving in ``days``) could deal with enemy place ``pid``."""
        s = self.s
        rules = self.rules
        t = self.traits
        place = s.places[pid]
        pdef = s.scen.places[pid]
        size = sum(a.size for a in armies)
        steppe = sum(a.troops[0] for a in armies) / max(1, size)
        weight = self.intent.attack_weight(pid, place.owner)
        worth = place_worth(s, pid) * weight * (1.2 - 0.5 * t.plunder)
        if pid == s.polities[place.owner].capital:
            worth *= 1.5
        out: list[Option] = []
        if self.level.concentrate:
            power = sum(assault_power(s, a) for a in armies)
        else:
            power = max(assault_power(s, a) for a in armies)
        defence = wall_defence(s, place)
        if weight > 0 and power >= defence * t.assault_margin:
            lost = rules.assault_loss_rate * min(3.0, defence / max(1.0, power)) * size
            out.append(Option("assault", worth, 1.0, lost))
        rate = rules.attrition_enemy_land * (1.0 - 0.5 * steppe)
        if pdef.terrain in ("steppe", "desert"):
            rate += rules.attrition_steppe_foot * (1.0 - steppe)
        months = months_to_starve(s, place, size) + (0 if place.besieger == self.f else 0.0)
        winter = rules.winter_siege_attrition if pdef.lat >= rules.north_latitude else 0.0
        patience = t.siege_months * (0.5 + min(weight, 2.0))
        if weight > 0 and months <= patience:
            winters = winter * min(months, 3.0) / 3.0 if (is_deep_winter(s.date) or months > 6) else 0.0
            out.append(Option("besiege", worth, months, (rate * months + winters * 3.0) * size))
        if place.prosperity >= STRIPPED and place.population >= 20000:
            haul = min(rules.raid_silver_per_10k * place.population / 10000.0 * place.prosperity / 100.0, size // 50 + 1)
            stripped_in = max(1.0, (place.prosperity - STRIPPED) / max(1, rules.raid_prosperity_loss) + 1.0)
            plunder = PLUNDER_VALUE * haul / 100.0 * stripped_in * (0.2 + t.plunder) * (0.5 + min(weight, 2.0)) * self.hunger
            out.append(Option("raid", plunder, stripped_in, rate * stripped_in * size))
        return out

    def net(self, option: Option, travel_days: float) -> float:
        """An option's value, discounted for time and net of the men it costs."""
        total = travel_days / 30.0 + option.months
        return option.value / (1.0 + total / HORIZON) - option.losses / 10000.0 * self.man_value

    def at_enemy(self, army: Army) -> bool:
        """Storm, besiege or raid the enemy place the army stands at; False when the army is
        free to go (nothing here is worth its time, or a stronger enemy is coming)."""
        place = self.s.places[army.place]
        if place.owner == self.f or place.owner not in self.sit.enemies:
            return False
        if self.level.concentrate and self.outmatched(army.place, days=12):
            return False
        here = [a for a in self.sit.armies if a.place == army.place and a.size >= SMALL]
        if army.id in self.claimed:
            return True
        best: tuple[float, Option] | None = None
        for opt in self.options(army.place, here):
            value = self.net(opt, 0.0)
            if opt.kind == army.task:
                value *= 1.2  # keep at a task under way unless something is clearly better
            if best is None or value > best[0]:
                best = (value, opt)
        if best is None or best[0] <= 0:
            return False
        opt = best[1]
        besieged = opt.kind == "besiege"
        workers = here
        if besieged and len(here) > 1:
            # as many armies as the blockade needs; the others are free to go
            workers = []
            for a in here:
                workers.append(a)
                if months_to_starve(self.s, place, sum(x.size for x in workers)) <= opt.months + 1:
                    break
        for a in workers:
            self.claimed.add(a.id)
            if a.task != opt.kind:
                self.add({"assault": o.Assault, "besiege": o.Besiege, "raid": o.Raid}[opt.kind](self.f, a.id))
        return army.id in self.claimed

    # ------------------------------------------------------------------ danger

    def outmatched(self, place_id: str, days: int, armies: list[Army] | None = None, marching: bool = False) -> bool:
        """An enemy that can reach ``place_id`` within ``days`` is clearly stronger there than
        ``armies`` (default: every own army that can get there as soon)."""
        foes = self.sit.enemy_armies_near(place_id, days, marching)
        if not foes:
            return False
        if armies is None:
            armies = self.sit.own_armies_near(place_id, days)
        mine = sum(self.sit.field(a, place_id) for a in armies)
        theirs = sum(self.sit.field(e, place_id) for e in foes)
        return theirs > mine * self.traits.battle_margin * 1.15

    def stand_fast(self, free: list[Army]) -> list[Army]:
        """Armies a much stronger enemy can catch this month take ground that favours them,
        man the walls of the capital or a key place, or fall back out of reach."""
        left: list[Army] = []
        for army in free:
            if not self.outmatched(army.place, days=20):
                left.append(army)
                continue
            position = self.position(army)
            if position is not None:
                self.move(army, position)
                continue
            place = self.s.places[army.place]
            key = army.place == self.capital or self.intent.defend_weight(army.place, self.f) > 1.5
            if place.owner == self.f and place.walls >= 3 and key:
                # into the walls only if the enemy can really march here soon
                if self.outmatched(army.place, days=20, marching=True):
                    self.add(o.Garrison(self.f, army.id, army.size))
                continue
            refuge = self.refuge(army)
            if refuge is not None and refuge != army.place:
                self.move(army, refuge)
                continue
            left.append(army)
        return left

    def position(self, army: Army) -> str | None:
        """An own place within two weeks' march where this army would beat the enemies that
        can reach it (the best such ratio: a pass or mountains against horsemen)."""
        s = self.s
        best: tuple[float, int, str] | None = None
        for pid, d in sorted(self.sit.march(army).items()):
            if d > 15 or s.places[pid].owner != self.f:
                continue
            theirs = sum(self.sit.field(e, pid) for e in self.sit.enemy_armies_near(pid, 20))
            if theirs <= 0:
                continue
            ratio = self.sit.field(army, pid) / theirs
            if ratio < self.traits.battle_margin:
                continue
            key = (-ratio, d, pid)
            if best is None or key < best:
                best = key
        return best[2] if best else None

    def refuge(self, army: Army) -> str | None:
        """The nearest own walled place no stronger enemy can reach within two weeks."""
        best: tuple[float, str] | None = None
        for pid, d in self.sit.march(army).items():
            place = self.s.places[pid]
            if place.owner != self.f or pid == army.place or d > 45:
                continue
            if self.outmatched(pid, days=14, armies=[army]):
                continue
            key = (d - 5.0 * place.walls, pid)
            if best is None or key < best:
                best = key
        return best[1] if best else None

    def nearest_own(self, army: Army) -> str | None:
        own = [(d, pid) for pid, d in self.sit.march(army).items() if self.s.places[pid].owner == self.f and pid != army.place]
        return min(own)[1] if own else None

    def cover_capital(self, free: list[Army]) -> list[Army]:
        """While enemy armies can reach the capital within a month, armies near it stay to
        cover it: at the best ground between, or in the capital itself."""
        cap = self.capital
        if cap is None or self.s.places[cap].owner != self.f:
            return free
        foes = self.sit.enemy_armies_near(cap, 30, marching=True)
        if not foes:
            return free
        near_cap = self.sit.raw(cap)
        left: list[Army] = []
        for army in free:
            if near_cap.get(army.place, 1 << 30) > COVER_DAYS:
                left.append(army)
                continue
            position = self.position(army)
            if position is not None and near_cap.get(position, 1 << 30) <= COVER_DAYS:
                self.move(army, position)
                continue
            hunt = self.best_hunt(army, foes)
            if hunt is not None:
                self.move(army, hunt)
                continue
            self.move(army, cap)
        return left

    def best_hunt(self, army: Army, foes: list[Army]) -> str | None:
        """The place of a foe this army alone beats comfortably there, the nearest first."""
        s = self.s
        dist = self.sit.march(army)
        best: tuple[int, str] | None = None
        for e in foes:
            d = dist.get(e.place)
            if d is None or d > 20:
                continue
            theirs = sum(self.sit.field(x, e.place) for x in self.sit.enemy_armies_near(e.place, 10))
            if self.sit.field(army, e.place) >= theirs * self.traits.battle_margin:
                if best is None or (d, e.place) < best:
                    best = (d, e.place)
        return best[1] if best else None

    # ------------------------------------------------------------------ defence

    def defend(self, free: list[Army]) -> list[Army]:
        """Send armies where an enemy is about to take a place worth holding, when together
        they can beat him there."""
        s = self.s
        jobs: list[Job] = []
        for pid, threat in sorted(self.sit.threats.items()):
            place = s.places[pid]
            stormable = threat.walls > wall_defence(s, place) * 0.8
            starvable = months_to_starve(s, place, threat.men) <= 6
            if not (stormable or starvable or place.besieger is not None):
                continue
            worth = place_worth(s, pid) * self.intent.defend_weight(pid, self.f) * (3.0 if pid == self.capital else 1.0)
            urgency = 1.0 + 30.0 / (10.0 + threat.nearest)
            jobs.append(Job(pid, "defend", worth * urgency, threat.field * self.traits.battle_margin))
        jobs.sort(key=lambda j: (-j.worth, j.place))
        taken: set[str] = set()
        for job in jobs:
            near = sorted(((self.sit.march(a).get(job.place, 1 << 30), a.id, a) for a in free if a.id not in taken))
            near = [x for x in near if x[0] <= RELIEF_DAYS]
            if not self.level.concentrate:
                near = near[:1]
            power, chosen = 0.0, []
            for _, _, a in near:
                chosen.append(a)
                power += self.sit.field(a, job.place)
                if power >= job.need_field:
                    break
            if power < job.need_field:
                continue
            for a in chosen:
                taken.add(a.id)
                self.move(a, job.place)
        return [a for a in free if a.id not in taken]

    # ------------------------------------------------------------------ attack

    def attack(self, free: list[Army]) -> list[Army]:
        """Give free armies the best jobs against enemy places and armies they can manage."""
        if not self.sit.enemies:
            return free
        s = self.s
        reach = int(self.level.reach_days * self.traits.reach_factor)
        dists = {a.id: self.sit.march(a) for a in free}
        targets: set[str] = set()
        for a in free:
            targets |= {pid for pid, d in dists[a.id].items() if d <= reach and s.places[pid].owner in self.sit.enemies}
        jobs = [j for j in (self.job_at(pid) for pid in sorted(targets)) if j is not None]
        jobs += self.hunts(free, dists, reach)
        jobs.sort(key=lambda j: (-j.worth, j.place))
        jobs = jobs[: max(4, self.level.candidates * len(free))]
        left = list(free)
        first = True
        while left and jobs:
            found_all: list[tuple[float, int, list[Army]]] = []
            for i, job in enumerate(jobs):
                found = self.gather(job, left, dists, reach)
                if found is not None and found[0] > 0:
                    found_all.append((found[0], i, found[1]))
            if not found_all:
                break
            found_all.sort(key=lambda x: (-x[0], x[1]))
            best = found_all[0]
            if first and self.level.military_months > 0 and len(found_all) > 1:
                best = self.look_ahead([(jobs[i].place, sc, armies) for sc, i, armies in found_all[: self.level.candidates]], found_all)
            first = False
            job = jobs.pop(best[1])
            for a in best[2]:
                self.move(a, job.place)
            ids = {a.id for a in best[2]}
            left = [a for a in left if a.id not in ids]
        return left

    def look_ahead(self, options: list[tuple[str, float, list[Army]]],
                   found: list[tuple[float, int, list[Army]]]) -> tuple[float, int, list[Army]]:
        """Hard level: try the best few jobs on cloned states, each army marching, let the
        level's months run, and keep the job whose future the evaluation likes best."""
        best_i, best_v = 0, float("-inf")
        for k, (dest, score, armies) in enumerate(options):
            w = self.s
            for a in armies:
                order = o.Move(self.f, a.id, dest) if a.place != dest else o.Hold(self.f, a.id)
                try:
                    w, _ = apply(w, order)
                except IllegalOrder:
                    continue
            future = simulate(w, self.f, self.level.military_months)
            v = value(future, self.f, self.intent) + 0.1 * score
            if v > best_v:
                best_i, best_v = k, v
        return found[best_i]

    def job_at(self, pid: str) -> Job | None:
        s = self.s
        place = s.places[pid]
        weight = self.intent.attack_weight(pid, place.owner)
        if weight <= 0 and self.traits.plunder < 0.5:
            return None
        opposition = sum(self.sit.field(e, pid) for e in self.sit.enemy_armies_near(pid, 10))
        worth = place_worth(s, pid) * max(weight, 0.1) + GATEWAY * self.beyond(pid)
        return Job(pid, "attack", worth, opposition * self.traits.battle_margin)

    def beyond(self, pid: str) -> float:
        """What taking the place opens: the most wanted enemy place within ``GATEWAY_DAYS``
        beyond it (a march stops at every held enemy place, so a fort on the road to a great
        city is worth part of the city)."""
        best = 0.0
        for other, d in self.sit.raw(pid).items():
            if d > GATEWAY_DAYS or other == pid:
                continue
            place = self.s.places[other]
            if place.owner in self.sit.enemies:
                best = max(best, self.intent.attack_weight(other, place.owner) * place_worth(self.s, other))
        return best

    def hunts(self, free: list[Army], dists: dict[str, dict[str, int]], reach: int) -> list[Job]:
        """Enemy field armies within a month's march (walls shelter garrisons, not armies: an
        army in a city fights in the field like anywhere else)."""
        s = self.s
        out: list[Job] = []
        seen: set[str] = set()
        for _, e in sorted(s.armies.items()):
            if e.owner not in self.sit.enemies or e.place in seen or e.size < SMALL:
                continue
            if not any(dists[a.id].get(e.place, 1 << 30) <= min(reach, 30) for a in free):
                continue
            where = s.places[e.place]
            if where.owner != self.f and self.intent.attack_weight(e.place, where.owner) <= 0:
                continue  # the plans keep the armies out of there
            seen.add(e.place)
            here = sum(self.sit.field(x, e.place) for x in self.sit.enemy_armies_near(e.place, 10))
            men = sum(x.size for x in s.armies.values() if x.place == e.place and x.owner in self.sit.enemies)
            worth = men / 10000.0 * self.man_value * 1.5
            if s.places[e.place].owner == self.f:
                worth += place_worth(s, e.place) * self.intent.defend_weight(e.place, self.f)
            out.append(Job(e.place, "hunt", worth, here * self.traits.battle_margin))
        return out

    def gather(self, job: Job, armies: list[Army], dists: dict[str, dict[str, int]], reach: int) -> tuple[float, list[Army]] | None:
        """The nearest armies that together are enough for the job, and the job's score."""
        s = self.s
        near = sorted((dists[a.id].get(job.place, 1 << 30), a.id, a) for a in armies)
        near = [x for x in near if x[0] <= reach]
        if not self.level.concentrate:
            near = near[:1]
        chosen: list[Army] = []
        fpow = 0.0
        slowest = 0
        for d, _, a in near:
            chosen.append(a)
            fpow += self.sit.field(a, job.place)
            slowest = max(slowest, d)
            if fpow < job.need_field:
                continue
            score = self.score(job, chosen, slowest, fpow)
            if score is not None:
                return score, chosen
        return None

    def score(self, job: Job, armies: list[Army], days: int, fpow: float) -> float | None:
        """The job's net worth for these armies, or None if they cannot do it."""
        s = self.s
        size = sum(a.size for a in armies)
        battle = job.need_field / self.traits.battle_margin
        lost = self.rules.battle_loss_rate * min(1.0, battle / max(1.0, fpow)) * size if battle > 0 else 0.0
        if job.kind != "attack":
            return job.worth / (1.0 + days / 30.0 / HORIZON) - lost / 10000.0 * self.man_value
        opts = self.options(job.place, armies, days)
        if not opts:
            return None
        march = self.rules.attrition_enemy_land * days / 30.0 * size * 0.5
        return max(self.net(opt, days) for opt in opts) - (lost + march) / 10000.0 * self.man_value

    # ------------------------------------------------------------------ orders

    def move(self, army: Army, dest: str) -> None:
        """March to ``dest`` unless already on the way there (or there)."""
        if army.place == dest:
            if army.task == "move":
                self.add(o.Hold(self.f, army.id))
            return
        if army.task == "move" and army.path and army.path[-1] == dest:
            return
        self.add(o.Move(self.f, army.id, dest))

    def idle(self, army: Army) -> None:
        """No job: wait at the own place nearest to what the plans want (or to the danger),
        or come home from enemy land."""
        s = self.s
        base = self.staging(army)
        if base is not None:
            self.move(army, base)
        elif s.places[army.place].owner != self.f:
            home = self.nearest_own(army)
            if home is not None:
                self.move(army, home)
        elif army.task == "move" and army.path and s.places[army.path[-1]].owner != self.f:
            self.add(o.Hold(self.f, army.id))

    def staging(self, army: Army) -> str | None:
        """The own place, within two months' march, nearest to what the plans most want taken
        (or, under threat, nearest to the most dangerous enemy)."""
        s = self.s
        goal: str | None = None
        key = [p for p in sorted(self.sit.threats) if p == self.capital or self.intent.defend_weight(p, self.f) > 1.0]
        if key:
            goal = max(key, key=lambda p: self.sit.threats[p].field * self.intent.defend_weight(p, self.f))
        elif self.intent.attack and (self.intent.enemies & set(s.alive())):
            best: tuple[float, str] | None = None
            for pid in sorted(s.places):
                place = s.places[pid]
                if place.owner == self.f or place.owner not in self.intent.enemies:
                    continue
                w = self.intent.attack_weight(pid, place.owner) * place_worth(s, pid)
                if best is None or w > best[0]:
                    best = (w, pid)
            goal = best[1] if best else None
        if goal is None:
            return None
        near_goal = self.sit.raw(goal)
        dist = self.sit.march(army)
        foot = army.troops[0] * 2 < army.size
        own = [(near_goal.get(pid, 1 << 30) + d // 3, pid) for pid, d in dist.items()
               if s.places[pid].owner == self.f and (d <= 60 or s.places[army.place].owner != self.f)
               and not (foot and s.scen.places[pid].terrain in ("steppe", "desert"))]
        if s.places[army.place].owner == self.f:
            own.append((near_goal.get(army.place, 1 << 30), army.place))
        return min(own)[1] if own else None
