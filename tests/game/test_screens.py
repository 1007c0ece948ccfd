"""What the screens show: the map draws relief, territory and owners' colours at known places;
Chinese text renders real glyphs (no tofu) for every UI string, name and symbol the game uses."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pygame
import pygame.freetype
import pytest

from tests.game.conftest import MINI, ROOT
from tests.game.helpers import map_scene, place_pos, start_mini


def _rgb(colour: str) -> tuple[int, int, int]:
    c = pygame.Color(colour)
    return (c.r, c.g, c.b)


def test_the_map_draws_relief_and_owner_colours_at_known_places(tmp_path: Path) -> None:
    from game.mapview.layers import SEA

    d = start_mini(("steppe",))
    m = map_scene(d)
    scen = m.session.scenario
    for place_id in ("south_city", "west_town"):
        pos = place_pos(d, place_id)
        screen = d.screenshot(tmp_path / f"{place_id}.png")
        owner = m.session.state.places[place_id].owner
        assert tuple(screen.get_at(pos))[:3] == _rgb(scen.states[owner].colour)
        wx, wy = m.world.to_world(scen.places[place_id].lon, scen.places[place_id].lat)
        assert m.grid.owner_at(wx, wy) == owner  # the territory fill around it is the owner's
    # The map area (left of the panels, above the reports) shows a picture, not a flat fill.
    screen = d.screenshot(tmp_path / "map.png")
    area = pygame.Rect(260, 60, 500, 300)
    colours = {tuple(screen.get_at((x, y)))[:3] for x in range(area.left, area.right, 7) for y in range(area.top, area.bottom, 7)}
    assert len(colours) > 50
    assert SEA not in colours


def test_ownership_change_recolours_the_territory() -> None:
    d = start_mini(("steppe",))
    m = map_scene(d)
    version = m.layers.version
    state = m.session.state.copy()
    state.set_place("west_town", owner="steppe")
    m.session.state = state
    d.frames(2)
    assert m.layers.version == version + 1
    wx, wy = m.world.to_world(m.session.scenario.places["west_town"].lon, m.session.scenario.places["west_town"].lat)
    assert m.grid.owner_at(wx, wy) == "steppe"


def test_territory_is_coloured_on_land_only() -> None:
    """The Voronoi fill reaches into the Bohai and the Yellow Sea; the land mask clears it there,
    and no border is drawn along the coast (the coastline is drawn instead)."""
    import numpy as np

    from engine.scenario import find_scenario, load_scenario
    from game.mapview.territory import CELL, TerritoryGrid
    from game.mapview.world import load_world

    scen = load_scenario(find_scenario("jin_xia_1211"))
    world = load_world(scen)
    assert world.land is not None and world.land.shape == (world.size[1], world.size[0])
    grid = TerritoryGrid(world, scen)
    grid.set_owners({pid: p.owner for pid, p in scen.places.items()})
    zoom = 0.5
    w, h = int(world.size[0] * zoom), int(world.size[1] * zoom)
    alpha = pygame.surfarray.array_alpha(grid.render(0, 0, w, h, zoom, patterns=True)).T  # rows, columns
    wx, wy = (np.arange(w) + 0.5) / zoom, (np.arange(h) + 0.5) / zoom
    land = grid._land_at(wx, wy)
    claimed = grid.nearest[np.clip((wy / CELL).astype(int), 0, grid.gh - 1)][:, np.clip((wx / CELL).astype(int), 0, grid.gw - 1)] >= 0
    assert (claimed & ~land).sum() > 10_000  # without the mask this much sea would be coloured
    assert alpha[~land].max() == 0
    assert (alpha[claimed & land] > 0).mean() > 0.99  # land within reach is coloured (edge sampling aside)
    sea_cell = np.argwhere(grid.sea_cells & (grid.nearest >= 0))[0]
    assert grid.owner_at((sea_cell[1] + 0.5) * CELL, (sea_cell[0] + 0.5) * CELL) is None


def _strings_in_game_sources() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "game").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and any(ord(c) > 127 for c in node.value):
                found.add(node.value)
    return found


@pytest.fixture(scope="module")
def cjk_font() -> pygame.freetype.Font:
    from game.fonts import BOLD, REGULAR

    pygame.freetype.init()
    return pygame.freetype.Font(str(REGULAR), 16), pygame.freetype.Font(str(BOLD), 16)  # type: ignore[return-value]


def _missing(fonts, text: str) -> str:  # type: ignore[no-untyped-def]
    out = ""
    for font in fonts:
        metrics = font.get_metrics(text)
        out += "".join(ch for ch, m in zip(text, metrics) if m is None and not ch.isspace())
    return out


def test_every_ui_string_and_symbol_has_real_glyphs(cjk_font) -> None:  # type: ignore[no-untyped-def]
    texts: set[str] = _strings_in_game_sources()
    for lang in ("zh", "zh_hant", "en"):
        texts |= set(json.loads((ROOT / "game" / "i18n" / f"{lang}.json").read_text(encoding="utf-8")).values())
    missing = {text: _missing(cjk_font, text) for text in texts}
    assert {k: v for k, v in missing.items() if v} == {}


def test_scenario_names_render_in_both_chinese_scripts(cjk_font) -> None:  # type: ignore[no-untyped-def]
    from engine.scenario import ScenarioError, load_scenario

    folders = [MINI]
    main = ROOT / "scenarios" / "jin_xia_1211"
    if (main / "scenario.yaml").is_file():
        folders.append(main)
    for folder in folders:
        try:
            scen = load_scenario(folder)
        except ScenarioError:
            assert folder != MINI
            continue
        names = [p.name for p in scen.places.values()] + [s.name for s in scen.states.values()]
        for name in names:
            for lang in ("zh", "zh_hant"):
                assert not _missing(cjk_font, name.get(lang)), (folder.name, name.get(lang))


def test_a_rendered_chinese_label_is_not_blank() -> None:
    from game.fonts import TextCache

    pygame.init()
    surf = TextCache().render("中兴府", 16, (0, 0, 0))
    inked = sum(1 for x in range(surf.get_width()) for y in range(surf.get_height()) if surf.get_at((x, y)).a > 128)
    assert inked > 40
