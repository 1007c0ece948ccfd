"""Raising troops within the budget, and keeping the army the stores can feed.

The AI reckons its monthly balance the way :mod:`engine.rules.economy` does, keeps a reserve
of months of upkeep (more when cautious), and raises troops only when a war needs them: more
field strength than its enemies can bring against it, or siege engineers for the walls its
plans want taken. Steppe states raise horsemen on their pastures, the others foot soldiers at
the capital or the most threatened safe place. When grain runs short, idle field armies at
home go into garrison, where they cost half as much.
"""

from __future__ import annotations

from engine import orders as o
from engine.ai.situation import field_power, place_worth
from engine.ai.turn_part import TurnPart
from engine.legality import why_illegal

#: share of a field army that should be siege engineers when walls are to be taken.
ENGINEER_SHARE = 0.08


class Recruitment(TurnPart):
    """Recruiting and feeding decisions of one faction for one turn."""

    def run(self) -> None:
        silver, grain = self.sit.balance()
        pol = self.s.polities[self.f]
        if grain < 0 and pol.grain < -grain * 4 and not self.sit.enemies:
            self.stand_down()
            return
        if not self.sit.enemies and not self.intent.enemies:
            return
        need = self.shortfall()
        if need < 1000 or pol.manpower < 1000:
            return
        self.raise_troops(need, silver, grain)

    def shortfall(self) -> float:
        """Men the faction lacks: the field strength of the enemy armies that threaten its
        places — or, for an aggressive state, a share of its enemies' whole field strength —
        against its own (a steppe horseman counts for about two foot soldiers)."""
        s = self.s
        t = self.intent.traits
        mine = sum(field_power(s, a) for a in self.sit.armies)
        near: set[str] = set()
        for pid in self.sit.threats:
            near |= {a.id for a in self.sit.enemy_armies_near(pid, 30)}
        theirs = sum(field_power(s, s.armies[aid]) for aid in sorted(near))
        foes = sorted((self.sit.enemies | self.intent.enemies) & set(s.alive()))
        whole = sum(field_power(s, a) for e in foes for a in self.sit.by_owner.get(e, ()))
        theirs = max(theirs, whole * (0.7 * t.aggression - 0.1))
        want = theirs * t.battle_margin
        lack = (want - mine) / 1.5
        if t.aggression >= 0.6 and foes:
            # a conqueror also wants the men to blockade what its plans most want taken
            target = self.top_target(foes)
            if target is not None:
                men = sum(a.size for a in self.sit.armies)
                lack = max(lack, min(8.0 * s.places[target].garrison, 150000) - men)
        return lack

    def top_target(self, foes: list[str]) -> str | None:
        """The enemy place the plans weight most (by weight, then worth)."""
        s = self.s
        best: tuple[float, str] | None = None
        for pid in sorted(s.places):
            owner = s.places[pid].owner
            if owner not in foes:
                continue
            key = self.intent.attack_weight(pid, owner) * place_worth(s, pid)
            if best is None or key > best[0]:
                best = (key, pid)
        return best[1] if best else None

    def affordable(self, per_1000_silver: float, per_1000_upkeep: float, per_1000_grain: float,
                   silver: float, grain: float) -> int:
        """The most men the stores can raise and keep for the reserve months: silver now plus
        the balance over the months, and grain over the months, must stay positive."""
        pol = self.s.polities[self.f]
        months = 24.0 * (0.5 + self.intent.traits.caution)
        by_silver = (pol.treasury + months * silver) / (per_1000_silver + months * per_1000_upkeep)
        if per_1000_grain <= 0:
            return int(max(0.0, by_silver) * 1000)
        by_grain = (pol.grain + months * grain) / (months * per_1000_grain)
        return int(max(0.0, min(by_silver, by_grain)) * 1000)

    def raise_troops(self, need: float, silver: float, grain: float) -> None:
        """Raise what the stores allow, up to what is lacking."""
        s = self.s
        rules = s.scen.rules
        pol = s.polities[self.f]
        places = [p for p in self.sit.places if p.besieger is None]
        if not places:
            return
        scen = s.scen
        pasture = [p.id for p in places if "pasture" in scen.places[p.id].flags]
        capital = pol.capital if pol.capital in {p.id for p in places} else None
        where = self.muster_point([p.id for p in places], capital)
        kind, factor = "infantry", 1.0
        if self.intent.traits.plunder >= 0.6 and pasture:
            kind, factor = "steppe_cavalry", rules.steppe_cost_factor
            where = min(pasture, key=lambda pid: (pid != capital, pid))
        cost = rules.recruit_silver_per_1000 * factor
        upkeep = rules.upkeep_silver_per_1000 * factor
        # horsemen live off their herds (the rules charge them a share of the grain): only
        # silver limits how many a steppe state raises
        food = 0.0 if kind == "steppe_cavalry" else rules.upkeep_grain_per_1000
        amount = min(self.affordable(cost, upkeep, food, silver, grain), pol.manpower, int(need), 30000) // 1000 * 1000
        if amount >= 1000:
            order = o.Recruit(self.f, where, kind, amount)
            if why_illegal(s, order) is None:
                self.add(order)
                silver -= amount / 1000 * upkeep
                grain -= amount / 1000 * food
        self.engineers(capital or where, amount, silver, grain)

    def engineers(self, site: str, raised: int, silver: float, grain: float) -> None:
        """Siege engineers, once the state has the craft, for the walls its plans want taken:
        a state bent on conquest keeps more of them than a raider."""
        s = self.s
        rules = s.scen.rules
        pol = s.polities[self.f]
        t = self.intent.traits
        if pol.siege_skill < 1 or not (self.intent.enemies & self.sit.enemies or t.aggression >= 0.5):
            return
        field = sum(a.size for a in self.sit.armies) + raised
        have = sum(a.troops[3] for a in self.sit.armies)
        share = ENGINEER_SHARE + 0.12 * (1.0 - t.plunder) * t.aggression
        cost = rules.recruit_silver_per_1000 + 0.0
        n = min(int(field * share) - have, self.affordable(cost, rules.upkeep_silver_per_1000, rules.upkeep_grain_per_1000, silver, grain), 10000)
        n = n // 1000 * 1000
        if n >= 1000:
            order = o.Recruit(self.f, site, "siege", n)
            if why_illegal(s, order) is None:
                self.add(order)

    def muster_point(self, held: list[str], capital: str | None) -> str:
        """Where new troops gather: behind the walls of the capital (not under siege), else
        the most strongly walled place not under siege."""
        if capital is not None:
            return capital
        return max(held, key=lambda pid: (self.s.places[pid].walls, self.s.places[pid].population, pid))

    def stand_down(self) -> None:
        """Grain is running out in peacetime: idle foot armies at home go into garrison (half
        the upkeep). Horsemen are never shut up in walls: they live off their herds, and at war
        they feed on the enemy's land."""
        for army in self.sit.armies:
            if army.troops[0] * 2 >= army.size:
                continue
            if army.task == "idle" and self.s.places[army.place].owner == self.f and army.place not in self.sit.threats:
                self.add(o.Garrison(self.f, army.id, army.size))
