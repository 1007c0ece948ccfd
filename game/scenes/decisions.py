"""Dialogs for decisions waiting for the player: an event with choices (with a hint toggle
that marks history's choice), and accept/refuse for offers, levies, tribute and calls to arms.
Each answer is an order (``ChooseEvent`` / ``Answer``) applied through the session."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pygame

from engine import orders as o
from engine.state import Pending
from game.i18n import language, t
from game.scenes.dialogs import DialogScene
from game.words import date_text, pending_text, refusal, state_name

if TYPE_CHECKING:
    from game.app import App
    from game.scenes.map_scene import MapScene


class _PendingDialog(DialogScene):
    def __init__(self, app: "App", map_scene: "MapScene", pending: Pending, title: str) -> None:
        super().__init__(app, title)
        self.map = map_scene
        self.pending = pending

    def answer(self, order: o.Order) -> None:
        self.app.pop(self)
        self.map.give(order)
        self.map.show_pending()

    def on_escape(self) -> bool:
        self.app.pop(self)  # put it off; End turn will bring it back
        return True


class EventDialog(_PendingDialog):
    width = 640
    height = 460
    #: Whether the hint (history's choice) shows; kept across dialogs while the game runs.
    show_hint = False

    def __init__(self, app: "App", map_scene: "MapScene", pending: Pending) -> None:
        self.event = map_scene.session.scenario.events[pending.ref or ""]
        super().__init__(app, map_scene, pending, self.event.title.get(language()))

    def build(self) -> None:
        r = self.inner()
        pad = self.s(10)
        bh = self.s(36)
        lang = language()
        choices = self.event.choices
        text = html.escape(self.event.text.get(lang)) if self.event.text else ""
        head = f"<b>{html.escape(self.event.title.get(lang))}</b> · {html.escape(date_text(self.pending.date))}<br><br>"
        if EventDialog.show_hint:
            hints = [f"{'★ ' if c.historical else ''}<b>{html.escape(c.text.get(lang))}</b>"
                     + (f": {html.escape(c.hint.get(lang))}" if c.hint else "") for c in choices]
            text += "<br><br>" + "<br>".join(hints)
        box_h = r.height - pad * 4 - bh * (len(choices) + 1) - self.s(4) * len(choices)
        self.text_box(pygame.Rect(pad, pad, r.width - 2 * pad, max(self.s(80), box_h)), head + text)
        y = r.height - pad - bh * (len(choices) + 1) - self.s(4) * len(choices) - pad
        self.choice_buttons = {}
        legal = self.map.legal_set()
        for c in choices:
            order = o.ChooseEvent(self.pending.faction, self.pending.id, c.id)
            mark = "★ " if EventDialog.show_hint and c.historical else ""
            tip = (c.hint.get(lang) if c.hint else c.text.get(lang)) if order in legal else refusal(self.map.session.scenario, self.map.session.why(order))
            btn = self.button(pygame.Rect(pad, y, r.width - 2 * pad, bh), mark + c.text.get(lang), lambda order=order: self.answer(order), tip,
                              enabled=order in legal)
            self.choice_buttons[c.id] = btn
            y += bh + self.s(4)
        self.hint_button = self.button(pygame.Rect(pad, r.height - pad - bh, self.s(220), bh),
                                       t("hide_hint") if EventDialog.show_hint else t("show_hint"), self.toggle_hint, t("tip_hint"))

    def toggle_hint(self) -> None:
        EventDialog.show_hint = not EventDialog.show_hint
        self.rebuild()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_h:
            self.toggle_hint()
            return True
        return super().handle_event(event)


class DecisionDialog(_PendingDialog):
    """Accept or refuse: a treaty offer, a levy demand, tribute falling due, a call to arms."""

    width = 560
    height = 280

    def __init__(self, app: "App", map_scene: "MapScene", pending: Pending) -> None:
        super().__init__(app, map_scene, pending, t("decision_" + pending.kind))

    def build(self) -> None:
        r = self.inner()
        pad = self.s(10)
        bh = self.s(36)
        bw = (r.width - 3 * pad) // 2
        scen = self.map.session.scenario
        text = f"<b>{html.escape(state_name(scen, self.pending.other))}</b> · {html.escape(date_text(self.pending.date))}<br><br>"
        text += html.escape(pending_text(scen, self.pending)) + "<br><br>" + html.escape(t("consequence_" + self.pending.kind))
        self.text_box(pygame.Rect(pad, pad, r.width - 2 * pad, r.height - 3 * pad - bh), text)
        legal = self.map.legal_set()
        yes = o.Answer(self.pending.faction, self.pending.id, True)
        no = o.Answer(self.pending.faction, self.pending.id, False)
        self.accept = self.button(pygame.Rect(pad, r.height - pad - bh, bw, bh), t("accept_" + self.pending.kind),
                                  lambda: self.answer(yes), t("tip_accept"), object_id="#accent", enabled=yes in legal)
        self.refuse = self.button(pygame.Rect(2 * pad + bw, r.height - pad - bh, bw, bh), t("refuse_" + self.pending.kind),
                                  lambda: self.answer(no), t("tip_refuse"), enabled=no in legal)
