"""The diplomacy window: the decisions waiting for you, then one page per state (chosen by a
tab) with your relation to it and what ``legal_orders`` allows, grouped by kind:

* in force -- each treaty with you, and a button to break it;
* war and peace -- declare war, propose peace or a truce;
* equal treaties -- alliance, border markets, joint attack (no roles to choose);
* one row per treaty with ranks (vassalage, investiture, annual payments, brother states),
  with a button for each role you could take;
* demands -- levies you may ask of this state.

Proposals that are not legal now are left out (a page would otherwise list every type twice);
declaring war and breaking a treaty stay, disabled with the reason, because "why can't I?"
matters there. Every button has a tooltip: the treaty type's description for proposals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui

from engine import orders as o
from game.i18n import language, t
from game.scenes.dialogs import DialogScene
from game.words import number, pending_text, refusal, role_name, state_name, treaty_type_name

if TYPE_CHECKING:
    from game.app import App
    from game.scenes.map_scene import MapScene

#: Treaty types that end a war: the engine treats these two ids so (``engine.legality``).
PEACE_TYPES = ("peace", "truce")

Item = tuple[str, str, o.Order, str]  # (key, text, order, tooltip)


class DiplomacyScene(DialogScene):
    width = 940
    height = 640

    def __init__(self, app: "App", map_scene: "MapScene") -> None:
        super().__init__(app, t("diplomacy"))
        self.map = map_scene
        #: the state whose page is shown (kept across rebuilds after each order).
        self.shown: str | None = None

    # ------------------------------------------------------------ building
    def build(self) -> None:
        r = self.inner()
        self.pad = self.s(8)
        self.bh = self.s(30)
        self.gap = self.s(4)
        self.label_w = self.s(190)
        self.buttons: dict[str, pygame_gui.elements.UIButton] = {}
        self.state_tabs: dict[str, pygame_gui.elements.UIButton] = {}
        self.scroll = pygame_gui.elements.UIScrollingContainer(
            pygame.Rect(0, 0, r.width, r.height - self.bh - 2 * self.pad), manager=self.manager, container=self.container,
            allow_scroll_x=False,
        )
        self.inner_w = r.width - self.s(24)
        self.y = self.pad
        me = self.map.faction
        if me is None:
            self._line(t("no_faction"))
        else:
            self._waiting(me)
            self.y += self.gap
            self._tabs(me)
            if self.shown is not None:
                self._page(me, self.shown)
        self.scroll.set_scrollable_area_dimensions((self.inner_w, self.y + self.pad))
        self.close_button = self.button(pygame.Rect(r.width - self.s(160) - self.pad, r.height - self.bh - self.pad, self.s(160), self.bh),
                                        t("close"), self.dismiss, t("tip_close"))

    def _heading(self, text: str) -> None:
        self.label(pygame.Rect(self.pad, self.y, self.inner_w - 2 * self.pad, self.bh), text, container=self.scroll, object_id="#row_heading")
        self.y += self.bh

    def _line(self, text: str, dim: bool = False) -> None:
        self.label(pygame.Rect(self.pad, self.y, self.inner_w - 2 * self.pad, self.bh), text, container=self.scroll,
                   object_id="#row_text" if dim else "#stats")
        self.y += self.bh

    def _text_w(self, text: str) -> int:
        return self.map.text.font(self.s(15)).size(text)[0] + self.s(24)

    def _flow(self, items: list[Item], x0: int) -> None:
        """Buttons flowed into lines from ``x0``; a button is enabled when its order is legal,
        else disabled with the reason as its tooltip."""
        session = self.map.session
        legal = self.map.legal_set()
        x = x0
        right = self.inner_w - self.pad
        for key, text, order, tip in items:
            bw = max(self.s(110), min(right - x0, self._text_w(text)))
            if x + bw > right and x > x0:
                x = x0
                self.y += self.bh + self.gap
            ok = order in legal
            self.buttons[key] = self.button(pygame.Rect(x, self.y, bw, self.bh), text, (lambda order=order: self.act(order)) if ok else None,
                                            tip if ok else refusal(session.scenario, session.why(order)), container=self.scroll, enabled=ok)
            x += bw + self.gap
        self.y += self.bh + self.gap * 2

    def _row_title(self, title: str) -> None:
        self.label(pygame.Rect(self.pad, self.y, self.label_w - self.gap, self.bh), title, container=self.scroll, object_id="#row_text")

    def _group(self, title: str, items: list[Item]) -> None:
        """A row: its title in the left column, its buttons flowed beside it (skipped if empty)."""
        if not items:
            return
        self._row_title(title)
        self._flow(items, self.pad + self.label_w)

    def _waiting(self, me: str) -> None:
        scen = self.map.session.scenario
        waiting = self.map.session.pending_for(me)
        self._heading(t("waiting_decisions"))
        if not waiting:
            self._line(t("none_waiting"), dim=True)
        for p in waiting:
            self._line(pending_text(scen, p))
            if p.kind == "event":
                btn = self.button(pygame.Rect(self.pad, self.y, self.s(200), self.bh), t("open_event"), self._open_events,
                                  t("tip_open_event"), container=self.scroll)
                self.buttons[f"event_{p.id}"] = btn
                self.y += self.bh + self.gap * 2
            else:
                self._flow([
                    (f"accept_{p.id}", t("accept_" + p.kind), o.Answer(me, p.id, True), t("tip_accept")),
                    (f"refuse_{p.id}", t("refuse_" + p.kind), o.Answer(me, p.id, False), t("tip_refuse")),
                ], self.pad)

    def _status(self, me: str, other: str) -> str:
        state = self.map.session.state
        if not state.polities[other].alive:
            return t("fallen")
        return t("at_war") if state.at_war(me, other) else t("at_peace")

    def _tabs(self, me: str) -> None:
        """One tab per other state, with the relation in its label."""
        scen = self.map.session.scenario
        others = [s for s in sorted(scen.states) if s != me]
        if self.shown not in others:
            waiting = [p.other for p in self.map.session.pending_for(me) if p.other in others]
            self.shown = waiting[0] if waiting else (others[0] if others else None)
        x = self.pad
        for other in others:
            text = f"{state_name(scen, other)} · {self._status(me, other)}"
            bw = self._text_w(text)
            if x + bw > self.inner_w - self.pad and x > self.pad:
                x = self.pad
                self.y += self.bh + self.gap
            btn = self.button(pygame.Rect(x, self.y, bw, self.bh), text, lambda other=other: self.show(other),
                              t("tip_dip_state", state=state_name(scen, other)), container=self.scroll)
            if other == self.shown:
                btn.select()
            self.state_tabs[other] = btn
            x += bw + self.gap
        self.y += self.bh + self.gap * 3

    def _page(self, me: str, other: str) -> None:
        """Everything between you and ``other``, grouped by kind."""
        session = self.map.session
        scen = session.scenario
        state = session.state
        legal = self.map.legal_set()
        self._heading(f"{state_name(scen, other)} — {self._status(me, other)}")
        treaties = state.treaties_between(me, other)
        if not treaties:
            self._row_title(t("dip_in_force"))
            self.label(pygame.Rect(self.pad + self.label_w, self.y, self.inner_w - self.label_w - 2 * self.pad, self.bh), t("dip_no_treaty"),
                       container=self.scroll, object_id="#row_text")
            self.y += self.bh + self.gap * 2
        for i, tr in enumerate(treaties):
            ttype = scen.treaty_types.get(tr.type)
            role = "" if ttype is None or ttype.symmetric else f" ({t('your_role', role=role_name(tr.role_of(me)))})"
            text = f"{treaty_type_name(scen, tr.type)}{role}"
            self._row_title(t("dip_in_force") if i == 0 else "")
            x = self.pad + self.label_w
            tw = self._text_w(text)
            self.label(pygame.Rect(x, self.y, tw, self.bh), text, container=self.scroll, object_id="#stats")
            self._flow([(f"break_{tr.id}", t("break_treaty", type=treaty_type_name(scen, tr.type)), o.BreakTreaty(me, tr.id),
                         t("tip_break_treaty"))], x + tw + self.gap)
        if not state.polities[other].alive:
            return
        proposals = sorted((x for x in legal if isinstance(x, o.ProposeTreaty) and x.to == other), key=lambda x: (x.type, x.role))

        def proposal(order: o.ProposeTreaty, text: str) -> Item:
            ttype = scen.treaty_types[order.type]
            tip = ttype.description.get(language()) if ttype.description else text
            return (f"propose_{other}_{order.type}_{order.role}", text, order, tip)

        war_peace: list[Item] = [(f"war_{other}", t("declare_war"), o.DeclareWar(me, other), t("tip_declare_war"))]
        war_peace += [proposal(p, t("propose", type=treaty_type_name(scen, p.type))) for p in proposals if p.type in PEACE_TYPES]
        self._group(t("dip_war_peace"), war_peace)
        self._group(t("dip_equal"), [proposal(p, t("propose", type=treaty_type_name(scen, p.type))) for p in proposals
                                     if p.type not in PEACE_TYPES and scen.treaty_types[p.type].symmetric])
        ranked = [p for p in proposals if p.type not in PEACE_TYPES and not scen.treaty_types[p.type].symmetric]
        for ttype_id in sorted({p.type for p in ranked}):
            self._group(treaty_type_name(scen, ttype_id),
                        [proposal(p, t("propose_you_as", role=role_name(p.role))) for p in ranked if p.type == ttype_id])
        levies = [x for x in sorted((x for x in legal if isinstance(x, o.DemandLevy)), key=lambda x: x.treaty)
                  if other in state.treaties[x.treaty].states]
        self._group(t("dip_demands"), [(f"levy_{x.treaty}", t("demand_levy", n=number(x.amount)), x, t("tip_demand_levy")) for x in levies])

    # ------------------------------------------------------------ actions
    def show(self, other: str) -> None:
        self.shown = other
        self.rebuild()

    def act(self, order: o.Order) -> None:
        """Give ``order``; war and breaking a treaty are asked about first (they cost legitimacy
        and cannot be taken back)."""
        from game.scenes.dialogs import ConfirmDialog

        scen = self.map.session.scenario
        if isinstance(order, o.DeclareWar):
            question = t("confirm_war", state=state_name(scen, order.target))
        elif isinstance(order, o.BreakTreaty):
            treaty = self.map.session.state.treaties[order.treaty]
            other = next((s for s in treaty.states if s != order.faction), None)
            question = t("confirm_break", type=treaty_type_name(scen, treaty.type), state=state_name(scen, other))
        else:
            self._give(order)
            return
        self.app.push(ConfirmDialog(self.app, t("diplomacy"), question, lambda: self._give(order)))

    def _give(self, order: o.Order) -> None:
        self.map.give(order)
        self.rebuild()

    def _open_events(self) -> None:
        self.dismiss()
        self.map.show_pending()
