"""The diplomacy window: every state with your relation to it (war, treaties in force), the
proposals, declarations and breaches ``legal_orders`` allows, and the decisions waiting for you.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui

from engine import orders as o
from game.i18n import language, t
from game.scenes.dialogs import DialogScene
from game.words import pending_text, refusal, role_name, state_name, treaty_type_name

if TYPE_CHECKING:
    from game.app import App
    from game.scenes.map_scene import MapScene


class DiplomacyScene(DialogScene):
    width = 940
    height = 640

    def __init__(self, app: "App", map_scene: "MapScene") -> None:
        super().__init__(app, t("diplomacy"))
        self.map = map_scene

    def build(self) -> None:
        r = self.inner()
        pad = self.s(8)
        bh = self.s(30)
        gap = self.s(4)
        session = self.map.session
        scen = session.scenario
        state = session.state
        me = self.map.faction
        lang = language()
        legal = self.map.legal_set()
        scroll = pygame_gui.elements.UIScrollingContainer(
            pygame.Rect(0, 0, r.width, r.height - bh - 2 * pad), manager=self.manager, container=self.container, allow_scroll_x=False
        )
        inner_w = r.width - self.s(24)
        y = pad
        self.buttons: dict[str, pygame_gui.elements.UIButton] = {}

        def heading(text: str) -> None:
            nonlocal y
            self.label(pygame.Rect(pad, y, inner_w - 2 * pad, bh), text, container=scroll, object_id="#row_heading")
            y += bh

        def line(text: str, dim: bool = False) -> None:
            nonlocal y
            self.label(pygame.Rect(pad, y, inner_w - 2 * pad, bh), text, container=scroll, object_id="#row_text" if dim else "#stats")
            y += bh

        def row(items: list[tuple[str, str, o.Order, str]]) -> None:
            """Buttons (key, text, order, tip) flowed into lines."""
            nonlocal y
            x = pad
            for key, text, order, tip in items:
                bw = max(self.s(120), min(inner_w - 2 * pad, self.map.text.font(self.s(15)).size(text)[0] + self.s(24)))
                if x + bw > inner_w - pad:
                    x = pad
                    y += bh + gap
                ok = order in legal
                btn = self.button(pygame.Rect(x, y, bw, bh), text, (lambda order=order: self.act(order)) if ok else None,
                                  tip if ok else refusal(scen, session.why(order)), container=scroll, enabled=ok)
                self.buttons[key] = btn
                x += bw + gap
            y += bh + gap * 2

        if me is None:
            line(t("no_faction"))
        else:
            waiting = session.pending_for(me)
            heading(t("waiting_decisions"))
            if not waiting:
                line(t("none_waiting"), dim=True)
            for p in waiting:
                line(pending_text(scen, p))
                if p.kind == "event":
                    btn = self.button(pygame.Rect(pad, y, self.s(200), bh), t("open_event"), lambda: self._open_events(), t("tip_open_event"), container=scroll)
                    self.buttons[f"event_{p.id}"] = btn
                    y += bh + gap * 2
                else:
                    row([
                        (f"accept_{p.id}", t("accept_" + p.kind), o.Answer(me, p.id, True), t("tip_accept")),
                        (f"refuse_{p.id}", t("refuse_" + p.kind), o.Answer(me, p.id, False), t("tip_refuse")),
                    ])
            y += gap
            for other in sorted(scen.states):
                if other == me:
                    continue
                pol = state.polities[other]
                status = t("fallen") if not pol.alive else (t("at_war") if state.at_war(me, other) else t("at_peace"))
                heading(f"{state_name(scen, other)} — {status}")
                treaties = state.treaties_between(me, other)
                for tr in treaties:
                    ttype = scen.treaty_types.get(tr.type)
                    role = tr.role_of(me)
                    role_text = "" if ttype is None or ttype.symmetric else f" ({t('your_role', role=role_name(role))})"
                    line(f"· {treaty_type_name(scen, tr.type)}{role_text}", dim=True)
                if not pol.alive:
                    continue
                items: list[tuple[str, str, o.Order, str]] = [
                    (f"war_{other}", t("declare_war"), o.DeclareWar(me, other), t("tip_declare_war"))
                ]
                for tr in treaties:
                    items.append((f"break_{tr.id}", t("break_treaty", type=treaty_type_name(scen, tr.type)), o.BreakTreaty(me, tr.id), t("tip_break_treaty")))
                for order in sorted((x for x in legal if isinstance(x, o.DemandLevy)), key=lambda x: x.treaty):
                    if state.treaties[order.treaty].states and other in state.treaties[order.treaty].states:
                        items.append((f"levy_{order.treaty}", t("demand_levy", n=order.amount), order, t("tip_demand_levy")))
                for order in sorted((x for x in legal if isinstance(x, o.ProposeTreaty) and x.to == other), key=lambda x: (x.type, x.role)):
                    ttype = scen.treaty_types[order.type]
                    text = treaty_type_name(scen, order.type)
                    if not ttype.symmetric:
                        text = t("propose_as", type=text, role=role_name(order.role))
                    else:
                        text = t("propose", type=text)
                    tip = ttype.description.get(lang) if ttype.description else text
                    items.append((f"propose_{other}_{order.type}_{order.role}", text, order, tip))
                row(items)
        scroll.set_scrollable_area_dimensions((inner_w, y + pad))
        self.close_button = self.button(pygame.Rect(r.width - self.s(160) - pad, r.height - bh - pad, self.s(160), bh), t("close"),
                                        self.dismiss, t("tip_close"))

    def act(self, order: o.Order) -> None:
        self.map.give(order)
        self.rebuild()

    def _open_events(self) -> None:
        self.dismiss()
        self.map.show_pending()
