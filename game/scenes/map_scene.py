"""The map scene: the world with its territory, places and armies; selecting and ordering
armies; ending the turn; and the turn's sequence of hand-over, briefing and decisions.

Input becomes orders (``engine.orders``) applied through the session; the scene never
decides legality itself. The base map is cached (see ``game.mapview.layers``); a frame
blits it and draws places, banners and the path on top.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from engine import orders as o
from engine.legality import IllegalOrder
from engine.rules.geography import plan_path
from engine.save import SaveError
from game import saves
from game.fonts import TextCache
from game.i18n import language, t
from game.mapview.camera import Camera
from game.mapview.layers import MapLayers
from game.mapview.minimap import Minimap
from game.mapview.painter import Painter
from game.mapview.territory import TerritoryGrid
from game.mapview.world import World, load_world
from game.scene import Scene
from game.scenes.map_hud import Hud, months_for
from game.words import TROOP_KEYS, commander_name, number, place_name, refusal, state_name

if TYPE_CHECKING:
    from game.app import App
    from game.session import Session

PAN_SPEED = 700  # screen px per second for keys and the window edge
EDGE = 6  # px from the window edge that scroll the map
DRAG_THRESHOLD = 5
#: The opening zoom is at least this (screen px per world px): close enough to read towns.
START_ZOOM = 0.63

_WORLDS: dict[int, tuple[object, World, TerritoryGrid]] = {}


def _world_for(session: "Session") -> tuple[World, TerritoryGrid]:
    """World and nearest-place grid, kept per scenario object (a load or new turn reuses them)."""
    key = id(session.scenario)
    hit = _WORLDS.get(key)
    if hit is not None and hit[0] is session.scenario:
        return hit[1], hit[2]
    world = load_world(session.scenario)
    grid = TerritoryGrid(world, session.scenario)
    _WORLDS.clear()
    _WORLDS[key] = (session.scenario, world, grid)
    return world, grid


def begin_game(app: "App", session: "Session") -> "MapScene":
    """Enter a game (new or loaded): the map, then the first turn's sequence."""
    app.session = session
    scene = MapScene(app, session)
    app.reset(scene)
    scene.begin_turn()
    return scene


class MapScene(Scene):
    def __init__(self, app: "App", session: "Session") -> None:
        super().__init__(app)
        self.session = session
        self.world, self.grid = _world_for(session)
        self.layers = MapLayers(self.world, session.scenario, self.grid)
        self.text = TextCache()
        self.painter = Painter(self.world, session.scenario, self.text)
        self.camera = Camera(self.world.size, app.screen.get_size())
        self.minimap: Minimap | None = None  # sized by the HUD layout in build()
        self.hud = Hud(self)
        self._fitted = False
        self._hud_state: object = None
        self.selected_army: str | None = None
        self.selected_place: str | None = None
        self.destination: str | None = None
        self.preview: tuple[list[str], int] | None = None
        self.hover_place: str | None = None
        self.hover_army: str | None = None
        self._owners: dict[str, str] = {}
        self._seen_state: object = None
        self._drag_from: tuple[int, int] | None = None
        self._dragging = False
        self._moving = False
        self._toast: tuple[str, float] | None = None
        self._hover_preview: tuple[object, str, str, tuple[list[str], int] | None] | None = None
        self.viewer: str | None = session.current
        #: Hotseat: where each human last looked, restored when their turn comes again.
        self._views: dict[str, tuple[int, float, float]] = {}
        self._sync_state()

    # ------------------------------------------------------------ who is looking
    @property
    def faction(self) -> str | None:
        """The human faction whose turn is shown (their stats, their orders)."""
        return self.session.current or self.viewer

    def legal_set(self) -> set[o.Order]:
        f = self.faction
        return set(self.session.legal(f)) if f else set()

    # ------------------------------------------------------------ building
    def _fit_scenario(self) -> None:
        bounds = self.session.scenario.header.map
        if bounds is not None:
            x0, y0 = self.world.to_world(bounds.west, bounds.north)
            x1, y1 = self.world.to_world(bounds.east, bounds.south)
        else:
            pts = [self.world.to_world(p.lon, p.lat) for p in self.session.scenario.places.values()]
            x0, y0 = min(p[0] for p in pts), min(p[1] for p in pts)
            x1, y1 = max(p[0] for p in pts), max(p[1] for p in pts)
        self.camera.fit(x0, y0, x1, y1, min_zoom=START_ZOOM)

    def build(self) -> None:
        self.camera.view = self.app.screen.get_size()
        self.layers.set_patterns(self.app.settings.patterns)
        self.hud.build()
        self._hud_state = self.session.state
        r = self.hud.rects
        self.camera.focus = (0, r["bar"].bottom, r["panel"].left, r["log"].top - r["bar"].bottom)
        if not self._fitted:
            self._fit_scenario()
            self._fitted = True
        self.camera.clamp()
        mini_w = self.hud.rects["mini"].width
        if self.minimap is None or self.minimap.size[0] != mini_w:
            self.minimap = Minimap(self.layers, mini_w)
        h = self.app.screen.get_height()
        self.minimap.rect.topleft = (self.hud.rects["mini"].x, h - self.minimap.size[1] - self.s(6))

    def refresh(self) -> None:
        """The state changed: recolour the territory if owners changed, refresh the widgets
        (once per state: text boxes are costly to re-lay out)."""
        self._sync_state()
        if self.container is not None and self._hud_state is not self.session.state:
            self._hud_state = self.session.state
            self.hud.refresh()
        self.app.invalidate()

    def _sync_state(self) -> None:
        state = self.session.state
        if state is self._seen_state:
            return
        self._seen_state = state
        owners = {pid: p.owner for pid, p in state.places.items()}
        if owners != self._owners:
            self._owners = owners
            self.layers.owners_changed(owners)
        if self.selected_army and self.selected_army not in state.armies:
            self.selected_army = None
            self.clear_destination()
        self._hover_preview = None

    # ------------------------------------------------------------ the turn sequence
    def begin_turn(self) -> None:
        """Start the current human's turn: hand-over (hotseat), briefing, then decisions."""
        if self.session.over:
            self.show_end()
            return
        human = self.session.current
        if human is None:
            return
        if self.viewer is not None and self.viewer != human:
            self._views[self.viewer] = (self.camera.level, self.camera.cx, self.camera.cy)
        if self.viewer != human and human in self._views:
            self.camera.level, self.camera.cx, self.camera.cy = self._views[human]
        elif self.viewer != human and self.viewer is not None:
            self.centre_on_capital(human)
        self.viewer = human
        self.selected_army = self.selected_place = None
        self.clear_destination()
        self._hud_state = None  # a new player's turn: redraw every widget for them
        self.refresh()
        if len(self.session.living_humans()) > 1:
            from game.scenes.handover import HandoverScene

            self.app.push(HandoverScene(self.app, self.session, human, lambda: self._after_handover(human)))
        else:
            self._after_handover(human)

    def _after_handover(self, human: str) -> None:
        if human not in self.session.briefed:
            from game.scenes.briefing import BriefingScene

            self.centre_on_capital(human)
            self.app.push(BriefingScene(self.app, self.session, human, lambda: self._after_briefing(human)))
        else:
            self._after_briefing(human)

    def centre_on_capital(self, faction: str) -> None:
        capital = self.session.state.polities[faction].capital
        if capital:
            pdef = self.session.scenario.places[capital]
            self.camera.centre_on(*self.world.to_world(pdef.lon, pdef.lat))

    def _after_briefing(self, human: str) -> None:
        self.refresh()
        self.show_pending()

    def show_pending(self) -> None:
        """Open the first waiting decision of the current human (one dialog at a time)."""
        from game.scenes.decisions import DecisionDialog, EventDialog

        if any(isinstance(s, (DecisionDialog, EventDialog)) for s in self.app.scenes):
            return
        human = self.session.current
        if human is None:
            return
        waiting = self.session.pending_for(human)
        if not waiting:
            return
        p = waiting[0]
        dialog = EventDialog(self.app, self, p) if p.kind == "event" else DecisionDialog(self.app, self, p)
        self.app.push(dialog)

    def end_turn(self) -> None:
        human = self.session.current
        if human is None:
            return
        reason = self.session.why(o.EndTurn(human))
        if reason is not None:
            self.toast(t("cannot_end_turn"))
            self.show_pending()
            return
        outcome = self.session.end_turn()
        self.selected_army = self.selected_place = None
        self.clear_destination()
        if outcome == "new_turn":
            try:
                saves.autosave(self.session)
            except OSError as err:
                self.app.message(t("save_failed"), str(err))
        self.refresh()
        if outcome == "over":
            self.show_end()
        else:
            self.begin_turn()

    def show_end(self) -> None:
        from game.scenes.end import EndScene

        self.app.push(EndScene(self.app, self.session))

    # ------------------------------------------------------------ orders
    def give(self, order: o.Order) -> bool:
        """Apply an order from a button or a click; a refusal is shown, never raised."""
        try:
            self.session.apply(order)
        except IllegalOrder as err:
            self.toast(refusal(self.session.scenario, err.reason))
            return False
        self.refresh()  # also drops the selection of an army that merged or garrisoned away
        return True

    def select_army(self, aid: str | None) -> None:
        self.selected_army = aid
        self.selected_place = None
        self.clear_destination()
        self.hud.refresh_panel()
        self.app.invalidate()

    def select_place(self, pid: str | None) -> None:
        self.selected_place = pid
        self.selected_army = None
        self.clear_destination()
        self.hud.refresh_panel()
        self.app.invalidate()

    def clear_destination(self) -> None:
        self.destination = None
        self.preview = None

    def path_to(self, dest: str) -> tuple[list[str], int] | None:
        """The planned path of the selected army to ``dest`` (cached for hovering)."""
        aid = self.selected_army
        if aid is None or aid not in self.session.state.armies:
            return None
        cached = self._hover_preview
        if cached is not None and cached[0] is self.session.state and cached[1] == aid and cached[2] == dest:
            return cached[3]
        found = plan_path(self.session.state, aid, dest) if dest != self.session.state.armies[aid].place else None
        self._hover_preview = (self.session.state, aid, dest, found)
        return found

    def preview_months(self) -> int:
        days = self.preview[1] if self.preview else 0
        return months_for(days, self.session.scenario.rules.days_per_month)

    def choose_destination(self, pid: str) -> None:
        aid = self.selected_army
        if aid is None:
            return
        if self.destination == pid and self.preview is not None:
            self.confirm_move()
            return
        order = o.Move(self.faction or "", aid, pid)
        reason = self.session.why(order)
        if reason is not None:
            self.toast(refusal(self.session.scenario, reason))
            return
        self.destination = pid
        self.preview = self.path_to(pid)
        self.hud.refresh_panel()
        self.app.invalidate()

    def confirm_move(self) -> None:
        if self.selected_army is None or self.destination is None or self.faction is None:
            return
        if self.give(o.Move(self.faction, self.selected_army, self.destination)):
            self.clear_destination()
            self.hud.refresh_panel()

    # ------------------------------------------------------------ dialogs and saving
    def open_diplomacy(self) -> None:
        from game.scenes.diplomacy import DiplomacyScene

        if self.faction is not None:
            self.app.push(DiplomacyScene(self.app, self))

    def open_goals(self) -> None:
        from game.scenes.goals import GoalsDialog

        self.app.push(GoalsDialog(self.app, self))

    def open_chronicle(self) -> None:
        from game.scenes.chronicle import ChronicleScene

        self.app.push(ChronicleScene(self.app, self.session))

    def quicksave(self) -> None:
        try:
            saves.quicksave(self.session)
        except OSError as err:
            self.app.message(t("save_failed"), str(err))
            return
        self.toast(t("saved"))

    def quickload(self) -> None:
        from game.scenes.load import load_and_play

        path = saves.quick_path()
        if not path.is_file():
            self.toast(t("no_quicksave"))
            return
        load_and_play(self.app, path)

    def save_as(self) -> None:
        from game.scenes.dialogs import TextEntryDialog

        default = f"{self.session.scenario.id}-{self.session.state.date // 12}-{self.session.state.date % 12 + 1:02d}"

        def write(name: str) -> None:
            try:
                saves.write(self.session, saves.slot_path(name))
            except (OSError, SaveError) as err:
                self.app.message(t("save_failed"), str(err))
                return
            self.toast(t("saved"))

        self.app.push(TextEntryDialog(self.app, t("save"), t("save_name"), default, write))

    def open_load(self) -> None:
        from game.scenes.load import LoadScene

        self.app.push(LoadScene(self.app))

    def to_menu(self) -> None:
        from game.scenes.game_menu import GameMenu

        self.app.push(GameMenu(self.app))

    def toast(self, text: str, seconds: float = 2.5) -> None:
        import time

        self._toast = (text, time.monotonic() + seconds)
        self.app.invalidate()

    # ------------------------------------------------------------ input
    def _over_ui(self, pos: tuple[int, int]) -> bool:
        """Whether ``pos`` lies on a widget of the map's HUD (then the map ignores it)."""
        return any(rect.collidepoint(pos) for key, rect in self.hud.rects.items() if key != "mini")

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        if event.type == pygame.MOUSEWHEEL:
            mx, my = pygame.mouse.get_pos()
            if not self._over_ui((mx, my)):
                self.camera.zoom_at(1 if event.y > 0 else -1, mx, my)
                self.app.invalidate()
            return True
        if event.type == pygame.MOUSEBUTTONDOWN:
            if event.button == 1:
                mini = self.minimap.world_at(event.pos) if self.minimap else None
                if mini is not None:
                    self.camera.centre_on(*mini)
                    self.app.invalidate()
                    return True
                self._drag_from = event.pos
                self._dragging = False
                return True
            if event.button == 3:
                self.select_army(None) if self.selected_army else self.select_place(None)
                return True
        if event.type == pygame.MOUSEMOTION:
            if self._drag_from is not None and event.buttons[0]:
                if self._dragging or abs(event.pos[0] - self._drag_from[0]) + abs(event.pos[1] - self._drag_from[1]) > DRAG_THRESHOLD:
                    self._dragging = True
                    self.camera.pan(-event.rel[0], -event.rel[1])
            self._hover(event.pos)
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            was_drag = self._dragging
            start = self._drag_from
            self._drag_from = None
            self._dragging = False
            if start is not None and not was_drag:
                self.click(event.pos)
            return True
        return False

    def _key(self, event: pygame.event.Event) -> bool:
        key = event.key
        ctrl = bool(event.mod & pygame.KMOD_CTRL)
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.end_turn()
        elif key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            self.camera.zoom_at(1)
        elif key in (pygame.K_MINUS, pygame.K_KP_MINUS):
            self.camera.zoom_at(-1)
        elif key == pygame.K_TAB:
            self.cycle_army()
        elif key == pygame.K_g:
            self.open_diplomacy()
        elif key == pygame.K_o:
            self.open_goals()
        elif key == pygame.K_c and not ctrl:
            self.open_chronicle()
        elif key == pygame.K_p:
            self.app.settings.patterns = not self.app.settings.patterns
            self.app.settings.save()
            self.layers.set_patterns(self.app.settings.patterns)
        elif key == pygame.K_F5:
            self.quicksave()
        elif key == pygame.K_F9:
            self.quickload()
        elif key == pygame.K_s and ctrl:
            self.save_as()
        elif key == pygame.K_F11:
            self.app.set_window(tuple(self.app.settings.window_size), not self.app.settings.fullscreen)
        elif key == pygame.K_ESCAPE:
            if self.selected_army or self.selected_place:
                self.select_army(None)
            else:
                self.to_menu()
        else:
            return False
        self.app.invalidate()
        return True

    def cycle_army(self) -> None:
        f = self.faction
        if f is None:
            return
        armies = [a.id for a in self.session.state.armies_of(f)]
        if armies:
            i = armies.index(self.selected_army) + 1 if self.selected_army in armies else 0
            self.show_army(armies[i % len(armies)])

    def show_army(self, aid: str) -> None:
        """Select an army and bring it into view."""
        self.select_army(aid)
        self.camera.centre_on(*self.painter.army_world_pos(self.session.state.armies[aid]))

    def _hover(self, pos: tuple[int, int]) -> None:
        if self._over_ui(pos):
            place, army = None, None
        else:
            army = self.painter.hits.army_at(pos)
            place = None if army else self.painter.hits.place_at(pos)
        if (place, army) != (self.hover_place, self.hover_army):
            self.hover_place, self.hover_army = place, army
            self.app.invalidate()

    def click(self, pos: tuple[int, int]) -> None:
        """A left click on the map: an army banner selects it; a place is a destination for the
        selected own army, or else selected itself."""
        if self._over_ui(pos):
            return
        state = self.session.state
        aid = self.painter.hits.army_at(pos)
        pid = self.painter.hits.place_at(pos)
        selected = state.armies.get(self.selected_army or "")
        if selected is not None and selected.owner == self.faction:
            if aid is not None and aid != selected.id and state.armies[aid].owner == self.faction:
                self.select_army(aid)
                return
            target = pid if pid is not None else (state.armies[aid].place if aid is not None else None)
            if target is not None and target != selected.place:
                self.choose_destination(target)
                return
        if aid is not None:
            self.select_army(aid)
        elif pid is not None:
            self.select_place(pid)
        else:
            self.select_army(None)

    # ------------------------------------------------------------ frame
    def update(self, dt: float) -> None:
        if self.app.top is not self:
            return
        keys = pygame.key.get_pressed()
        dx = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
        dy = (keys[pygame.K_DOWN] or keys[pygame.K_s]) - (keys[pygame.K_UP] or keys[pygame.K_w])
        if keys[pygame.K_LCTRL] or keys[pygame.K_RCTRL]:
            dx = dy = 0
        if self.app.settings.edge_scroll and pygame.mouse.get_focused():
            mx, my = pygame.mouse.get_pos()
            w, h = self.app.screen.get_size()
            if (mx, my) != (0, 0):
                dx += (mx >= w - EDGE) - (mx <= EDGE - 1)
                dy += (my >= h - EDGE) - (my <= EDGE - 1)
        self._moving = bool(dx or dy)
        if self._moving:
            self.camera.pan(dx * PAN_SPEED * dt, dy * PAN_SPEED * dt)
        if self.session.state is not self._seen_state:
            self.refresh()

    def wants_redraw(self) -> bool:
        import time

        return self._moving or self._dragging or (self._toast is not None and time.monotonic() < self._toast[1])

    def draw(self, surface: pygame.Surface) -> None:
        self.layers.draw(surface, self.camera, surface.get_rect())
        path = None
        label = None
        if self.preview is not None and self.selected_army in self.session.state.armies:
            path = [self.session.state.armies[self.selected_army].place] + self.preview[0]  # type: ignore[index]
            label = t("months_label", months=self.preview_months(), days=self.preview[1])
        elif self.selected_army and self.selected_army in self.session.state.armies:
            army = self.session.state.armies[self.selected_army]
            found = self.path_to(self.hover_place) if self.hover_place and army.owner == self.faction else None
            if found is not None:
                path = [army.place] + found[0]
                label = t("months_label", months=months_for(found[1], self.session.scenario.rules.days_per_month), days=found[1])
            elif army.owner == self.faction and army.path:  # the march under way
                path = [army.place, *army.path]
        self.painter.draw(surface, self.camera, self.session.state, language(), self.app.settings.ui_scale,
                          self.selected_army, self.selected_place, self.hover_place, path, label)
        if self.minimap is not None:
            self.minimap.draw(surface, self.camera)

    def draw_over(self, surface: pygame.Surface) -> None:
        """Map tooltips and the toast sit above the widgets, but only while no dialog is open."""
        if self.app.top is not self:
            return
        tip = self._tooltip_lines()
        if tip:
            self._draw_tooltip(surface, tip, pygame.mouse.get_pos())
        if self._toast is not None:
            import time

            if time.monotonic() < self._toast[1]:
                img = self.text.render(self._toast[0], max(12, self.s(16)), (255, 244, 220))
                box = img.get_rect(midtop=(surface.get_width() // 2, self.s(48))).inflate(self.s(24), self.s(12))
                pygame.draw.rect(surface, (30, 26, 22), box, border_radius=6)
                pygame.draw.rect(surface, (201, 164, 92), box, 1, border_radius=6)
                surface.blit(img, img.get_rect(center=box.center))
            else:
                self._toast = None

    def _tooltip_lines(self) -> list[str]:
        scen = self.session.scenario
        state = self.session.state
        if self.hover_army and self.hover_army in state.armies:
            a = state.armies[self.hover_army]
            lines = [t("army_of", state=state_name(scen, a.owner)) + f" · {number(a.size)}",
                     f"{t('commander')}: {commander_name(scen, a.commander)}"]
            lines += [f"{t(k)} {number(n)}" for k, n in zip(TROOP_KEYS, a.troops) if n]
            lines.append(f"{t('morale')} {a.morale} · {t('task_' + a.task)}")
            if a.path:
                lines.append(f"{t('marching_to')}: {place_name(scen, a.path[-1])}")
            return lines
        if self.hover_place and self.hover_place in state.places:
            p = state.places[self.hover_place]
            pdef = scen.places[self.hover_place]
            lines = [f"{pdef.name.get(language())} · {t('rank_' + pdef.rank)}",
                     f"{t('owner')}: {state_name(scen, p.owner)}",
                     f"{t('walls')} {p.walls} · {t('garrison')} {number(p.garrison)}"]
            if p.besieger:
                lines.append(t("besieged_by", state=state_name(scen, p.besieger), months=p.siege_months))
            return lines
        return []

    def _draw_tooltip(self, surface: pygame.Surface, lines: list[str], pos: tuple[int, int]) -> None:
        size = max(11, self.s(14))
        imgs = [self.text.render(line, size, (240, 232, 210), bold=(i == 0)) for i, line in enumerate(lines)]
        pad = self.s(8)
        w = max(i.get_width() for i in imgs) + 2 * pad
        h = sum(i.get_height() for i in imgs) + 2 * pad
        x, y = pos[0] + self.s(18), pos[1] + self.s(18)
        sw, sh = surface.get_size()
        x = min(x, sw - w - 4)
        y = min(y, sh - h - 4)
        box = pygame.Rect(x, y, w, h)
        pygame.draw.rect(surface, (16, 17, 20), box, border_radius=4)
        pygame.draw.rect(surface, (201, 164, 92), box, 1, border_radius=4)
        yy = y + pad
        for img in imgs:
            surface.blit(img, (x + pad, yy))
            yy += img.get_height()
