"""Hotseat hand-over: a screen that covers the map until the next player is at the keyboard,
so no one sees another faction's armies and decisions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import pygame

from game.i18n import t
from game.scene import Scene, fill_background
from game.words import date_text, state_name

if TYPE_CHECKING:
    from game.app import App
    from game.session import Session


class HandoverScene(Scene):
    opaque = True

    def __init__(self, app: "App", session: "Session", faction: str, on_continue: Callable[[], None]) -> None:
        super().__init__(app)
        self.session = session
        self.faction = faction
        self.on_continue = on_continue

    def build(self) -> None:
        w, h = self.app.screen.get_size()
        name = state_name(self.session.scenario, self.faction)
        self.label(pygame.Rect(0, h // 2 - self.s(110), w, self.s(50)), t("handover_title", state=name), object_id="#heading")
        self.label(pygame.Rect(0, h // 2 - self.s(55), w, self.s(30)), date_text(self.session.state.date), object_id="#large")
        self.label(pygame.Rect(0, h // 2 - self.s(20), w, self.s(30)), t("handover_hint"), object_id="#dim")
        bw = self.s(320)
        self.go = self.button(pygame.Rect((w - bw) // 2, h // 2 + self.s(30), bw, self.s(48)), t("handover_go", state=name),
                              self.proceed, t("tip_handover_go"), object_id="#accent")

    def draw(self, surface: pygame.Surface) -> None:
        fill_background(surface)
        colour = self.session.scenario.states[self.faction].colour
        w, _ = surface.get_size()
        h = surface.get_height()
        pygame.draw.rect(surface, pygame.Color(colour), pygame.Rect(w // 2 - self.s(80), h // 2 - self.s(140), self.s(160), self.s(10)))

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.proceed()
            return True
        return super().handle_event(event)

    def on_escape(self) -> bool:
        return True  # the seat must be taken, not skipped

    def proceed(self) -> None:
        self.app.pop(self)
        self.on_continue()
