"""Diplomacy: answering offers, levies, dues and calls to arms; making peace, submitting,
allying, demanding levies and going to war — by interest, strength and personality.

Offers are judged by the evaluation on cloned states (accepting against refusing), plus what
the evaluation cannot see: the weight of the obligations the treaty brings (tribute and levies
to give or to receive) measured against the state's willingness to submit. Levies and dues are
paid when the other side is much the stronger or when the state keeps faith; a strong state
refuses them. Proposals are made sparingly (never the same one twice within a few months):
peace when a war goes badly and the plans do not demand it, submission when desperate and
willing, alliance against a common enemy, war on the plans' enemies when strong enough and
free to (a treaty loyal state does not break a peace it has sworn).
"""

from __future__ import annotations

from typing import Callable

from engine import orders as o
from engine.apply import apply
from engine.ai.evaluation import capital_danger, value
from engine.ai.lookahead import best_of
from engine.ai.turn_part import TurnPart
from engine.ai.situation import assault_power, place_worth, wall_defence
from engine.legality import why_illegal
from engine.rules.geography import graph
from engine.rules.treaties import levy_limit
from engine.scenario import model as m
from engine.state import GameState, Pending

#: months before the same proposal is made again.
PROPOSAL_GAP = 4
#: months between two levy demands under one treaty.
LEVY_GAP = 24
#: value units of a treaty that makes the faction a tributary (scaled by its reluctance).
SUBMISSION_COST = 25.0
#: value units of a treaty that makes the faction an overlord or suzerain.
OVERLORDSHIP = 15.0


def obligation_kinds(ttype: m.TreatyTypeDef, role: str) -> tuple[bool, bool, bool]:
    """(owes tribute or levies, receives them, is defended) for ``role`` of the type."""
    owes = receives = defended = False
    for ob in ttype.obligations:
        if isinstance(ob, (m.TributeOb, m.PaymentOb)):
            flow = ob.tribute if isinstance(ob, m.TributeOb) else ob.payment
            owes |= flow.from_ == role
            receives |= flow.to == role
        elif isinstance(ob, m.LevyOb):
            owes |= ob.levy.from_ == role
            receives |= ob.levy.by == role
        elif isinstance(ob, m.DefenceOb):
            defended |= ob.defence.of in ("any", role)
    return owes, receives, defended


class Diplomacy(TurnPart):
    """The diplomatic decisions of one faction for one turn."""

    def power_ratio(self, other: str) -> float:
        """Their fighting power over ours (:func:`engine.ai.situation.fighting_power`)."""
        return self.sit.power(other) / max(1.0, self.sit.power(self.f))

    # ------------------------------------------------------------------ answers

    def answer(self, p: Pending) -> o.Answer:
        if p.kind == "offer":
            accept = self.accept_offer(p)
        elif p.kind == "levy":
            accept = self.pay_levy(p)
        elif p.kind == "tribute":
            accept = self.pay_dues(p)
        else:
            accept = self.join_ally(p)
        return o.Answer(self.f, p.id, accept)

    def accept_offer(self, p: Pending) -> bool:
        other = p.other or ""
        ttype = self.s.scen.treaty_types[p.ref or ""]
        my_role = next((r for r in ttype.roles if r != p.role), ttype.roles[-1])

        def answering(yes: bool) -> Callable[[GameState], GameState]:
            return lambda state: apply(state, o.Answer(self.f, p.id, yes))[0]

        months = self.level.offer_months
        scored = dict((name, score) for score, name in best_of(
            self.s, self.f, [("yes", answering(True)), ("no", answering(False))],
            lambda w: value(w, self.f, self.intent), months))
        gain = scored["yes"] - scored["no"]
        owes, receives, defended = obligation_kinds(ttype, my_role)
        if owes:
            gain -= SUBMISSION_COST * (1.0 - self.traits.submission) / max(0.5, self.power_ratio(other))
        if receives:
            gain += OVERLORDSHIP * (1.3 - self.traits.aggression)  # a warlike state would rather conquer
        if defended and other in self.intent.friends:
            gain += 5.0
        if other in self.intent.enemies and ttype.peace:
            gain -= 10.0 * (0.5 + self.traits.aggression)
        if ttype.peace and self.s.at_war(self.f, other):
            gain -= self.spoils(other) * self.traits.aggression
        return gain > 0

    def spoils(self, other: str) -> float:
        """The worth of ``other``'s places our armies could take within a month's march:
        empty and unwalled ones, or ones an army could storm — what peace would give up."""
        total = 0.0
        seen: set[str] = set()
        for army in self.sit.armies:
            power = assault_power(self.s, army)
            for pid, d in self.sit.march(army).items():
                place = self.s.places[pid]
                if d > 30 or pid in seen or place.owner != other:
                    continue
                if (place.garrison == 0 and place.walls == 0) or power >= wall_defence(self.s, place) * self.traits.assault_margin:
                    seen.add(pid)
                    total += place_worth(self.s, pid)
        return total

    def pay_levy(self, p: Pending) -> bool:
        overlord = p.other or ""
        if overlord in self.intent.enemies:
            return False
        ratio = self.power_ratio(overlord)
        loyal = self.traits.treaty_loyalty + self.traits.submission + (0.5 if overlord in self.intent.friends else 0.0)
        busy = bool(self.sit.enemies - {overlord}) and ratio < 3.0
        return not busy and ratio * loyal > 1.5

    def pay_dues(self, p: Pending) -> bool:
        payee = p.other or ""
        pol = self.s.polities[self.f]
        if pol.treasury < p.amount:
            return False
        if payee in self.intent.enemies and self.power_ratio(payee) < 2.0:
            return False
        ratio = self.power_ratio(payee)
        return ratio > 1.5 - self.traits.treaty_loyalty or payee in self.intent.friends or self.traits.treaty_loyalty >= 0.6

    def join_ally(self, p: Pending) -> bool:
        attacker = p.role or ""
        if attacker in self.intent.friends:
            return False
        if attacker in self.intent.enemies:
            return True
        return self.traits.treaty_loyalty >= 0.5 and self.power_ratio(attacker) < 1.5

    # ------------------------------------------------------------------ proposals

    def propose(self) -> None:
        self.seek_peace()
        self.seek_allies()
        self.renounce()
        self.make_war()
        self.demand_levies()

    def renounce(self) -> None:
        """A state that keeps faith lightly renounces a treaty that binds it to send troops to a
        state its plans now count as an enemy (a loyal one waits to be released; a lighter tie
        — envoys and a token tribute — lapses by itself, as events tell)."""
        if self.traits.treaty_loyalty >= 0.5:
            return
        for tid in sorted(self.s.treaties):
            t = self.s.treaties[tid]
            role = t.role_of(self.f)
            if role is None:
                continue
            other = next(x for x in t.states if x != self.f)
            if other not in self.intent.enemies:
                continue
            ttype = self.s.scen.treaty_types[t.type]
            levied = any(isinstance(ob, m.LevyOb) and ob.levy.from_ == role for ob in ttype.obligations)
            if levied:
                order = o.BreakTreaty(self.f, tid)
                if why_illegal(self.s, order) is None:
                    self.add(order)

    def recently(self, kind: str, other: str, months: int, type_: str | None = None) -> bool:
        """Whether a record of ``kind`` between us and ``other`` lies within ``months``."""
        for r in reversed(self.s.log):
            if r.date < self.s.date - months:
                return False
            if r.kind == kind and self.f in r.actors and other in r.actors and (type_ is None or r.get("type") == type_):
                return True
        return False

    def offer(self, to: str, type_: str, role: str) -> None:
        if type_ not in self.s.scen.treaty_types or self.recently("treaty_offered", to, PROPOSAL_GAP, type_):
            return
        order = o.ProposeTreaty(self.f, to, type_, role)
        if why_illegal(self.s, order) is None:
            self.add(order)

    def seek_peace(self) -> None:
        """Offer an enemy the war goes badly against a plain peace (or a truce, for a state
        that keeps its word lightly); if it was refused, buy the peace with payments when the
        treasury allows; when desperate and willing, submit as a vassal. The plans' wars are
        pursued unless the state is in real danger."""
        danger = capital_danger(self.s, self.f)
        types = self.s.scen.treaty_types
        for enemy in sorted(self.sit.enemies):
            ratio = self.power_ratio(enemy)
            losing = ratio > 1.6 - 0.6 * self.traits.caution or danger > 0.8
            wanted = enemy in self.intent.enemies
            if not losing or (wanted and (danger < 1.5 or self.traits.aggression >= 0.8)):
                continue  # a warlike state never sues for peace in the war its plans want
            desperate = danger > 1.0 or ratio > 3.0
            refused = self.refused_by(enemy)
            if desperate and (self.traits.submission >= 0.5 or (refused and self.traits.submission + self.traits.caution >= 0.8)):
                vassal = self.unequal_type(owes=True, levies=True)
                if vassal is not None:
                    self.offer(enemy, vassal.id, self.role_that_owes(vassal))
            if refused and self.traits.caution >= 0.4:
                payer = self.unequal_type(owes=True, levies=False)
                if payer is not None:
                    self.offer(enemy, payer.id, self.role_that_owes(payer))
            kind = "truce" if self.traits.treaty_loyalty < 0.5 and "truce" in types else "peace"
            if kind in types:
                self.offer(enemy, kind, types[kind].roles[0])

    def refused_by(self, enemy: str) -> bool:
        """Whether ``enemy`` refused one of our offers in the last eight months."""
        for r in reversed(self.s.log):
            if r.date < self.s.date - 8:
                return False
            if r.kind == "treaty_refused" and r.actors[:2] == (enemy, self.f):
                return True
        return False

    def unequal_type(self, owes: bool, levies: bool) -> m.TreatyTypeDef | None:
        """An offerable peace-keeping treaty type in which one role owes the other: with a
        levy (vassalage) or without one (payments, tribute only)."""
        for ttype in sorted(self.s.scen.treaty_types.values(), key=lambda t: t.id):
            if not (ttype.offerable and ttype.peace) or ttype.symmetric:
                continue
            has_levy = any(isinstance(ob, m.LevyOb) for ob in ttype.obligations)
            for role in ttype.roles:
                o_, r_, _ = obligation_kinds(ttype, role)
                if o_ == owes and not r_ and has_levy == levies:
                    return ttype
        return None

    @staticmethod
    def role_that_owes(ttype: m.TreatyTypeDef) -> str:
        return next(r for r in ttype.roles if obligation_kinds(ttype, r)[0])

    def seek_allies(self) -> None:
        """Offer an alliance to a plan friend, or to a state at war with our enemy."""
        alliance = next((t for _, t in sorted(self.s.scen.treaty_types.items())
                         if t.offerable and t.symmetric and any(isinstance(ob, m.DefenceOb) for ob in t.obligations)), None)
        if alliance is None or not self.sit.enemies:
            return
        for other in self.s.alive():
            if other == self.f or self.s.at_war(self.f, other) or other in self.intent.enemies:
                continue
            shared = set(self.s.enemies(other)) & self.sit.enemies
            if other in self.intent.friends or shared:
                if not any(t.type == alliance.id for t in self.s.treaties_between(self.f, other)):
                    self.offer(other, alliance.id, alliance.roles[0])

    def make_war(self) -> None:
        """Declare war on a plans' enemy (or one we have a cause against) when strong enough;
        a treaty loyal state does not break a peace treaty to do it."""
        pol = self.s.polities[self.f]
        targets = set(self.intent.enemies) | set(pol.casus_belli)
        if self.traits.aggression >= 0.7 and not any(p.state == self.f for p in self.s.scen.plans):
            targets |= self.neighbours()  # a scenario without plans for it: a warlike state eyes its neighbours
        for target in sorted(targets):
            if not self.s.polities[target].alive or self.s.at_war(self.f, target):
                continue
            if target in self.intent.friends:
                continue
            ratio = self.power_ratio(target)
            wanted = target in self.intent.enemies
            peace = [t for t in self.s.treaties_between(self.f, target) if self.s.scen.treaty_types[t.type].peace]
            if peace and target not in pol.casus_belli:
                # any state keeps its word for a year; a loyal one keeps it, unless it is far
                # more warlike than faithful and twice as strong
                if any(self.s.date - t.since < 12 for t in peace):
                    continue
                faithless = self.traits.aggression - self.traits.treaty_loyalty >= 0.3 and ratio < 0.5
                if self.traits.treaty_loyalty > 0.45 and not faithless:
                    continue
            nerve = (1.4 if wanted else 0.6) * (0.5 + self.traits.aggression) - 0.4 * self.traits.caution
            if wanted and self.traits.aggression >= 0.8:
                nerve = max(nerve, 3.0)  # the plans' war is taken up again as soon as it may be
            if ratio < nerve and len(self.sit.enemies) < 2:
                order = o.DeclareWar(self.f, target)
                if why_illegal(self.s, order) is None:
                    self.add(order)
                    return

    def neighbours(self) -> set[str]:
        """States holding a place one route away from one of ours, other than those bound to
        us by a treaty (an aggressive state eyes them when it has no plans to follow)."""
        g = graph(self.s.scen)
        out: set[str] = set()
        for place in self.sit.places:
            for nxt, _ in g.neighbours[place.id]:
                owner = self.s.places[nxt].owner
                if owner != self.f:
                    out.add(owner)
        bound = {x for t in self.s.treaties.values() if self.f in t.states for x in t.states}
        return out - set(self.intent.friends) - bound

    def demand_levies(self) -> None:
        """As overlord at war with a stronger enemy, call up the vassal's men (rarely: a levy
        strains the tie, and a refusal breaks it)."""
        if not self.sit.enemies:
            return
        theirs = max(self.sit.power(e) for e in self.sit.enemies)
        if theirs < self.sit.power(self.f) or self.traits.aggression < 0.5:
            return
        for tid in sorted(self.s.treaties):
            limit = levy_limit(self.s, tid)
            if limit is None or limit[0] != self.f:
                continue
            vassal = limit[1]
            if self.s.polities[vassal].manpower < 20000 or self.recently("levy_demanded", vassal, LEVY_GAP):
                continue
            amount = min(limit[2], self.s.polities[vassal].manpower // 4) // 1000 * 1000
            order = o.DemandLevy(self.f, tid, amount)
            if why_illegal(self.s, order) is None:
                self.add(order)
