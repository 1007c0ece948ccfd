"""The widgets around the map: top bar, selection panel (army or place with its order buttons),
this turn's reports, "this month in history" and the end-turn button.

Order buttons are enabled from ``legal_orders``; a disabled one explains itself with
``why_illegal`` in its tooltip and in the panel's status line.
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui

from engine import orders as o
from engine.state import Army
from game.i18n import language, t
from game.theme import font_size
from game.words import (
    TROOP_KEYS,
    commander_name,
    date_text,
    number,
    place_name,
    record_text,
    refusal,
    ruler_name,
    season_text,
    state_name,
)

if TYPE_CHECKING:
    from game.scenes.map_scene import MapScene


#: A bullet glued to its text (no-break space): pygame_gui wraps only at spaces, and would
#: otherwise leave the bullet alone on a line before a long run of Chinese.
BULLET = "•\u00a0"

#: Other states' routine records, left out of your reports (their recruiting and dues are not
#: news, and a turn of them would push the battles out of sight).
OTHERS_ROUTINE = frozenset({"recruited", "army_raised", "tribute_paid", "payment_paid", "event_pending"})

#: Recruit buttons: troop kind and the standard amount offered.
RECRUITS = (("infantry", 5000), ("heavy_cavalry", 5000), ("steppe_cavalry", 5000), ("siege", 1000))


class Hud:
    """Builds and refreshes the map scene's widgets; holds no game state of its own."""

    def __init__(self, scene: "MapScene") -> None:
        self.scene = scene
        self.order_buttons: dict[Any, o.Order] = {}
        self.panel: pygame_gui.elements.UIPanel | None = None

    # ------------------------------------------------------------ layout
    def layout(self) -> dict[str, pygame.Rect]:
        sc = self.scene
        w, h = sc.app.screen.get_size()
        bar = sc.s(38)
        side = min(sc.s(330), w // 3)
        pad = sc.s(6)
        end_h = sc.s(48)
        mini_w = min(sc.s(220), w // 5)
        panel_h = min(sc.s(380), (h - bar) * 55 // 100)
        rects = {
            "bar": pygame.Rect(0, 0, w, bar),
            "panel": pygame.Rect(w - side - pad, bar + pad, side, panel_h),
            "end": pygame.Rect(w - side - pad, h - end_h - pad, side, end_h),
        }
        hist_top = rects["panel"].bottom + pad
        rects["history"] = pygame.Rect(w - side - pad, hist_top, side, rects["end"].top - pad - hist_top)
        log_h = min(sc.s(150), h // 4)
        rects["log"] = pygame.Rect(mini_w + 2 * pad, h - log_h - pad, w - side - mini_w - 4 * pad, log_h)
        rects["mini"] = pygame.Rect(pad, 0, mini_w, 0)  # height set by the minimap
        return rects

    def build(self) -> None:
        sc = self.scene
        r = self.layout()
        self.rects = r
        m = sc.manager
        self.bar = pygame_gui.elements.UIPanel(r["bar"], manager=m, container=sc.container, object_id="#topbar")
        gap = sc.s(4)
        font = sc.text.font(font_size("normal", sc.app.settings.ui_scale))
        x = r["bar"].width - gap
        self.bar_buttons = {}
        for key, action in (("menu", sc.to_menu), ("help", sc.app.toggle_help), ("load", sc.open_load),
                            ("save", sc.save_as), ("chronicle", sc.open_chronicle), ("goals", sc.open_goals),
                            ("diplomacy", sc.open_diplomacy)):
            bw = max(sc.s(60), font.size(t(key))[0] + sc.s(22))  # as wide as its word: room for the stats
            x -= bw
            self.bar_buttons[key] = sc.button(pygame.Rect(x, gap, bw, r["bar"].height - 2 * gap), t(key), action,
                                              t("tip_" + key), container=self.bar)
            x -= gap
        self.stats = sc.label(pygame.Rect(sc.s(10), 0, x - sc.s(10), r["bar"].height), "", container=self.bar, object_id="#stats")
        self.end_button = sc.button(r["end"], t("end_turn"), sc.end_turn, t("tip_end_turn"), object_id="#accent")
        self.history = sc.text_box(r["history"], "")
        self.log = sc.text_box(r["log"], "")
        self.panel = None
        self.refresh()

    # ------------------------------------------------------------ refresh
    def refresh(self) -> None:
        """Re-read the state into the widgets (after any order or turn)."""
        self.refresh_bar()
        self.refresh_panel()
        self.refresh_history()
        self.refresh_log()

    def refresh_bar(self) -> None:
        sc = self.scene
        session = sc.session
        faction = sc.faction
        state = session.state
        scen = session.scenario
        if faction is None:
            self.stats.set_text(date_text(state.date))
            return
        pol = state.polities[faction]
        text = "   ".join([
            f"{state_name(scen, faction)}",
            f"{date_text(state.date)} {season_text(state.date)}",
            f"{t('treasury')} {number(pol.treasury)}",
            f"{t('grain')} {number(pol.grain)}",
            f"{t('manpower')} {number(pol.manpower)}",
            f"{t('legitimacy')} {pol.legitimacy}",
        ])
        ruler = f"   {t('ruler')} {ruler_name(scen, pol.ruler)}"
        font = sc.text.font(font_size("normal", sc.app.settings.ui_scale))
        room = self.stats.rect.width - sc.s(12)
        while ruler and font.size(text + ruler)[0] > room:  # a long ruler name gives way first
            ruler = ruler[:-2] + "…" if len(ruler) > 4 else ""
        self.stats.set_text(text + ruler)
        waiting = len(session.pending_for(faction))
        self.end_button.set_text(t("end_turn") if not waiting else t("decisions_waiting", n=waiting))

    def refresh_history(self) -> None:
        sc = self.scene
        state = sc.session.state
        months = range(state.date, state.date + state.setup.turn_months)
        lang = language()
        items = [html.escape(e.text.get(lang)) for e in sc.session.scenario.chronology if e.date in months]
        body = f"<b>{html.escape(t('this_month_in_history'))}</b><br>"
        body += "<br>".join(BULLET + i for i in items) if items else html.escape(t("nothing_recorded"))
        self.history.set_text(body)

    def refresh_log(self) -> None:
        """This turn's reports: your own first, then the world's news, each newest first."""
        sc = self.scene
        faction = sc.faction
        records = sc.session.new_records(faction) if faction else []
        scen = sc.session.scenario
        fired = sc.session.state.fired
        records = [r for r in records if not (r.kind == "event_pending" and r.get("event") in fired)]  # answered since
        own = [r for r in records if faction in r.actors]
        news = [r for r in records if faction not in r.actors and r.kind not in OTHERS_ROUTINE]
        lines = [html.escape(record_text(scen, r)) for r in list(reversed(own)) + list(reversed(news))][:30]
        body = f"<b>{html.escape(t('reports'))}</b><br>" + ("<br>".join(lines) if lines else html.escape(t("no_reports")))
        self.log.set_text(body)

    # ------------------------------------------------------------ selection panel
    def refresh_panel(self) -> None:
        sc = self.scene
        if self.panel is not None:
            self.panel.kill()
        self.order_buttons = {}
        self.panel = pygame_gui.elements.UIPanel(self.rects["panel"], manager=sc.manager, container=sc.container, object_id="#map_panel")
        if sc.selected_army and sc.selected_army in sc.session.state.armies:
            self._army_panel(sc.session.state.armies[sc.selected_army])
        elif sc.selected_place:
            self._place_panel(sc.selected_place)
        else:
            self._idle_panel()

    def _inner(self) -> pygame.Rect:
        assert self.panel is not None
        rect = self.panel.get_container().get_rect()
        return pygame.Rect(0, 0, rect.width, rect.height)

    def _info(self, html_text: str, height: int) -> None:
        sc = self.scene
        r = self._inner()
        sc.text_box(pygame.Rect(sc.s(4), sc.s(4), r.width - sc.s(8), height), html_text, container=self.panel)

    def _idle_panel(self) -> None:
        """No selection: a hint, and a button per own army that selects it and shows it."""
        sc = self.scene
        faction = sc.faction
        r = self._inner()
        info_h = sc.s(96)
        self._info(f"<b>{html.escape(t('no_selection'))}</b><br>{html.escape(t('select_hint'))}", info_h)
        if not faction:
            return
        top = info_h + sc.s(10)
        sc.label(pygame.Rect(sc.s(4), top, r.width - sc.s(8), sc.s(26)), t("your_armies"), container=self.panel, object_id="#row_heading")
        top += sc.s(28)
        bh = sc.s(28)
        for army in sc.session.state.armies_of(faction):
            if top + bh > r.height - sc.s(4):
                break
            text = f"{number(army.size)} · {place_name(sc.session.scenario, army.place)}"
            sc.button(pygame.Rect(sc.s(4), top, r.width - sc.s(8), bh), text, lambda aid=army.id: sc.show_army(aid),
                      t("tip_show_army"), container=self.panel)
            top += bh + sc.s(4)

    def _order_button(self, rect: pygame.Rect, text: str, order: o.Order, tip: str) -> None:
        """A button for ``order``: enabled when legal, else disabled with the reason."""
        sc = self.scene
        legal = order in sc.legal_set()
        btn = sc.button(rect, text, (lambda: sc.give(order)) if legal else None,
                        tip if legal else refusal(sc.session.scenario, sc.session.why(order)), container=self.panel, enabled=legal)
        self.order_buttons[btn] = order

    def _grid(self, top: int, index: int, cols: int = 2) -> pygame.Rect:
        sc = self.scene
        r = self._inner()
        gap = sc.s(4)
        bh = sc.s(28)
        bw = (r.width - gap * (cols + 1)) // cols
        row, col = divmod(index, cols)
        return pygame.Rect(gap + col * (bw + gap), top + row * (bh + gap), bw, bh)

    def _army_panel(self, army: Army) -> None:
        sc = self.scene
        scen = sc.session.scenario
        own = army.owner == sc.faction
        troops = "  ".join(f"{t('short_' + k)} {number(n)}" for k, n in zip(TROOP_KEYS, army.troops) if n)
        lines = [
            f"<b>{html.escape(t('army_of', state=state_name(scen, army.owner)))}</b> ({number(army.size)})",
            html.escape(f"{t('commander')}: {commander_name(scen, army.commander)}"),
            html.escape(troops),
            html.escape(f"{t('at_place')}: {place_name(scen, army.place)}"),
            html.escape(f"{t('morale')} {army.morale} · {t('task_' + army.task)}"),
        ]
        if army.path:
            lines[-1] += html.escape(f" → {place_name(scen, army.path[-1])}")
        info_h = sc.s(162)
        self._info("<br>".join(lines), info_h)
        if not own:
            return
        top = info_h + sc.s(10)
        f, a = army.owner, army.id
        dest = sc.destination
        r = self._inner()
        if dest is not None and sc.preview is not None:
            months = sc.preview_months()
            sc.button(pygame.Rect(sc.s(4), top, r.width - sc.s(8), sc.s(32)),
                      t("confirm_move", place=place_name(scen, dest), months=months), sc.confirm_move,
                      t("tip_confirm_move"), container=self.panel, object_id="#accent")
        else:
            sc.label(pygame.Rect(sc.s(4), top, r.width - sc.s(8), sc.s(32)), t("click_destination"), container=self.panel, object_id="#dim")
        top += sc.s(38)
        half = max(1, army.size // 2)
        buttons = [
            (t("hold"), o.Hold(f, a), t("tip_hold")),
            (t("besiege"), o.Besiege(f, a), t("tip_besiege")),
            (t("assault"), o.Assault(f, a), t("tip_assault")),
            (t("raid"), o.Raid(f, a), t("tip_raid")),
            (t("garrison_half", n=number(half)), o.Garrison(f, a, half), t("tip_garrison")),
            (t("garrison_all"), o.Garrison(f, a, army.size), t("tip_garrison")),
        ]
        others = [x for x in sc.session.state.armies_of(f) if x.id != a and x.place == army.place]
        if others:
            buttons.append((t("merge"), o.Merge(f, a, others[0].id), t("tip_merge")))
        for i, (text, order, tip) in enumerate(buttons):
            self._order_button(self._grid(top, i), text, order, tip)

    def _place_panel(self, pid: str) -> None:
        sc = self.scene
        scen = sc.session.scenario
        place = sc.session.state.places[pid]
        pdef = scen.places[pid]
        lines = [
            f"<b>{html.escape(pdef.name.get(language()))}</b> · {html.escape(t('rank_' + pdef.rank))}",
            html.escape(f"{t('owner')}: {state_name(scen, place.owner)}"),
            html.escape(f"{t('walls')} {place.walls} · {t('garrison')} {number(place.garrison)} · {t('food')} {place.food}"),
            html.escape(f"{t('population')} {number(place.population)} · {t('prosperity')} {place.prosperity}"),
        ]
        if place.besieger:
            lines.append(html.escape(t("besieged_by", state=state_name(scen, place.besieger), months=place.siege_months)))
        info_h = sc.s(150)
        self._info("<br>".join(lines), info_h)
        f = sc.faction
        if f is None or place.owner != f:
            return
        top = info_h + sc.s(10)
        half = max(1, place.garrison // 2)
        buttons: list[tuple[str, o.Order, str]] = [
            (t("muster_half", n=number(half)), o.Muster(f, pid, half), t("tip_muster")),
            (t("muster_all"), o.Muster(f, pid, max(1, place.garrison)), t("tip_muster")),
        ]
        for kind, amount in RECRUITS:
            buttons.append((t("recruit_kind", kind=t("short_" + kind), n=number(amount)), o.Recruit(f, pid, kind, amount),
                            t("tip_recruit_kind", kind=t(kind), n=number(amount))))
        buttons.append((t("make_capital"), o.MoveCapital(f, pid), t("tip_make_capital")))
        for i, (text, order, tip) in enumerate(buttons):
            self._order_button(self._grid(top, i), text, order, tip)


def months_for(days: int, days_per_month: int) -> int:
    return max(1, math.ceil(days / max(1, days_per_month)))
