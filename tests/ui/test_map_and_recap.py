"""The Map screen and the ending's look back, driven by real events on the shipped story."""

from __future__ import annotations

import itertools
import math

import pygame
import pytest

from game.ui.scene_labels import ContentNoteDialog
from game.ui.screens.ending import EndingScreen
from game.ui.screens.map import MapScreen, PlaceCard
from game.ui.theme import PALETTES
from tests.ui.conftest import Driver

THEMES = tuple(PALETTES)


def _travel(ui: Driver, card: int, choices: int | None = None) -> None:
    """Start perspective number `card` and take, where offered, a choice to a new place."""
    ui.click("New story")
    ui.click("I understand — continue")
    ui.click(ui.screen.cards[card])
    if isinstance(ui.screen, ContentNoteDialog):
        ui.past_note()
    pt = ui.app.session.pt
    been = {pt.scene.place}
    taken = 0
    while not pt.is_over and pt.choices() and (choices is None or taken < choices):
        _toward_a_new_place(ui, pt, been)
        taken += 1


def _toward_a_new_place(ui: Driver, pt, been: set) -> None:
    """Take, by its number key, a choice that leads to a place not yet visited (else the first),
    and read on past the next scene's content note."""
    places = [ui.app.story.scenes[o.choice.goto].place for o in pt.choices()]
    pick = next((i for i, p in enumerate(places) if p not in been), 0)
    been.add(places[pick])
    ui.screen.complete()
    ui.key(pygame.K_1 + pick)
    if isinstance(ui.screen, ContentNoteDialog):
        ui.past_note()


@pytest.mark.parametrize("theme", THEMES)
def test_the_map_draws_the_route_to_the_current_place(player, theme):
    ui = player(theme=theme)
    _travel(ui, 1, choices=14)
    ui.click("Map")
    screen = ui.screen
    assert isinstance(screen, MapScreen) and len(screen.stops) >= 2
    assert screen.stops[-1] == ui.app.session.pt.scene.place
    ui.wait(5)  # the route has drawn itself
    pixels = ui.pixels()
    pal = ui.app.kit.palette
    assert pixels.get_at(screen.layer.at(screen.stops[-1]))[:3] == pal.ornament2, "current place"
    points = [screen.layer.at(s) for s in screen.stops]
    a, b = max(itertools.pairwise(points), key=lambda ab: math.dist(*ab))
    middle = ((a[0] + b[0]) // 2, (a[1] + b[1]) // 2)
    assert math.dist(a, b) > 40  # a stretch long enough to see, clear of the rings at its ends
    assert pixels.get_at(middle)[:3] == pal.ornament, "the route runs between its stops"
    assert screen.layer.rect.colliderect(screen.list_rect) is False
    assert not screen.back_button.rect.colliderect(screen.panel)


def test_the_route_draws_itself_and_a_place_opens_its_card(player):
    ui = player()
    _travel(ui, 1, choices=14)
    ui.key(pygame.K_m)
    screen = ui.screen
    assert isinstance(screen, MapScreen) and screen.share < 1.0
    ui.wait(1)
    assert 0 < screen.share < 1.0
    ui.wait(5)
    assert screen.share == 1.0
    place = screen.stops[0]
    ui.click(screen.layer.at(place))
    card = ui.screen
    assert isinstance(card, PlaceCard) and card.place.id == place
    text = " ".join(piece.text for block in card.blocks() for piece in block)
    assert ui.app.story.places[place].name in text
    ui.key(pygame.K_ESCAPE)
    assert isinstance(ui.screen, MapScreen)
    ui.click("Back")
    assert not isinstance(ui.screen, MapScreen)


@pytest.mark.parametrize("theme", THEMES)
def test_the_ending_looks_back_at_route_decisions_and_what_is_left(player, theme):
    ui = player(theme=theme)
    _travel(ui, 0)
    pt = ui.app.session.pt
    assert pt.is_over
    ui.screen.complete()
    ui.click("Continue")
    screen = ui.screen
    assert isinstance(screen, EndingScreen)
    pictures = [i for i in screen.stack.items if isinstance(i, pygame.Surface)]
    assert len(pictures) == 1, "the route on the map"
    endings = {ui.app.story.scenes[s].ending.id for s in pt.perspective.scene_ids
               if ui.app.story.scenes[s].ending}  # fmt: skip
    text = _page_text(screen)
    assert f"Endings found in this perspective: 1 of {len(endings)}" in text
    assert "Documented events witnessed:" in text
    assert "Perspectives not yet played: The Khivan Refugee" in text
    top = screen.stack.tops[screen.stack.items.index(pictures[0])]
    screen.scroll(top)
    pixels = ui.pixels()
    shown = pygame.Rect(screen.view.x, screen.view.y + top - screen.scroller.offset,
                        *pictures[0].get_size()).clip(screen.view)  # fmt: skip
    assert shown.height > 0
    colours = {pixels.get_at((x, shown.centery))[:3] for x in range(shown.left, shown.right, 7)}
    assert len(colours) > 3, "the map is drawn where the stack puts it"
    for button in screen.group.buttons:
        assert not button.rect.colliderect(screen.view)


def _page_text(screen) -> str:
    """Every word the ending's recap lays out (its blocks, as the page was built from them)."""
    from game.ui.screens.recap import recap_blocks

    return " ".join(piece.text for block in recap_blocks(screen.app, screen.kit) for piece in block)


def _crossings(layer, rect: pygame.Rect, stops: list[str]) -> list[str]:
    """The route's legs (between stops) that a written name lies across."""
    points = [layer._local(layer.at(s)) for s in stops]
    return [f"{a}-{b}" for a, b in itertools.pairwise(points) if rect.clipline(a, b)]


def test_names_on_the_journey_map_keep_off_the_route_and_the_ranges(player):
    """An editor saw "Chashmasor · Kafrun" over a mountain ridge and "The Lokai summer
    pastures" across the route on an eastern Bukhara journey's map."""
    ui = player()
    _journey(ui, "eastern_bukhara", 14)
    layer, stops = ui.screen.layer, ui.screen.stops
    assert len(set(stops)) >= 4
    assert set(stops) <= layer.named, "every place of the route is named"
    for pid, rect in layer.written.items():
        assert not _crossings(layer, rect, stops), f"{pid}'s name lies across the route"
        assert not layer.on_ranges(rect), f"{pid} lies on a range"


@pytest.mark.parametrize("size", [(1280, 720), (1024, 600), (1920, 1080)])
def test_no_name_on_any_perspectives_whole_journey_lies_on_a_range(player, size):
    """On a crowded journey map a route town's name touched a range when nothing clear was
    left: now it is written farther off with a line to its dot, or left out. Each perspective's
    whole journey (every place of its scenes), on the Map screen and on the ending's recap."""
    from game.ui.screens.recap import MAP_ASPECT
    from game.ui.turkestan import MapLayer, routes

    ui = player(size)
    _journey(ui, "fergana_farmer", 1)
    story, kit = ui.app.story, ui.app.kit
    recap = pygame.Rect(0, 0, ui.screen.layer.rect.width, 0)
    recap.height = round(recap.width * MAP_ASPECT)
    named = wanted = 0
    for perspective, stops in routes(story):
        for rect in (ui.screen.layer.rect, recap):
            layer = MapLayer(story, kit, rect, aral=True, route=stops)
            assert layer.ranges_drawn() > 0
            for pid, written in layer.written.items():
                assert not layer.on_ranges(written), f"{perspective.id}: {pid} on a range"
            named, wanted = named + len(set(stops) & layer.named), wanted + len(set(stops))
    assert named >= 0.9 * wanted, f"only {named} of {wanted} places named"


def test_no_town_outside_a_zoomed_map_is_named_or_pressable(player):
    """A journey map zoomed around its route cut off towns at its edge, yet wrote their names
    ("Kokand · Beshtut · Volzhskoye" over nothing): a town whose dot is not on the map has no
    name and no place to press."""
    from game.ui.turkestan import REGIONS, RIVERS, MapLayer, routes

    ui = player((1280, 720))
    _journey(ui, "fergana_farmer", 1)
    story, kit = ui.app.story, ui.app.kit
    rect = ui.screen.layer.rect
    outside = 0
    for _perspective, stops in routes(story):
        layer = MapLayer(story, kit, rect, aral=True, route=stops)
        for pid in story.places:
            if pid in RIVERS or pid in REGIONS:
                continue
            x, y = layer._local(layer.at(pid))
            if 0 <= x < rect.width and 0 <= y < rect.height:
                continue
            outside += 1
            assert pid not in layer.named and pid not in layer.spots, pid
    assert outside > 0  # the zoomed maps do cut towns off


def test_a_long_route_list_keeps_its_latest_stops_in_the_panel(player):
    """The list of stops ran out of the panel's foot, hiding where the player is now."""
    ui = player((1024, 600), text_size="largest")
    _journey(ui, "eastern_bukhara", 30)
    screen = ui.screen
    page, names = screen.stops_page, [ui.app.story.places[p].name for p in screen.stops]
    text = "\n".join("".join(run.text for run in line.runs).strip() for line in page.lines)
    assert len(names) >= 8
    assert page.height <= screen.list_rect.height
    assert f"{len(names)}. {names[-1]}" in text and f"1. {names[0]}" in text
    assert "…" in text


def _journey(ui: Driver, perspective: str, turns: int) -> None:
    """Play `perspective` (seeded) by the keys, to a new place where one is offered; open the map."""
    from game.engine.runtime import Playthrough
    from game.ui.session import Session

    pt = Playthrough.start(ui.app.story, perspective, seed=1)
    ui.app.start_session(Session(pt, ui.app.profile, ui.clock))
    been = {pt.scene.place}
    for _turn in range(turns):  # a choice to a new place where one is offered
        if isinstance(ui.screen, ContentNoteDialog):
            ui.past_note()
        if pt.is_over:
            break
        _toward_a_new_place(ui, pt, been)
    if isinstance(ui.screen, ContentNoteDialog):
        ui.past_note()
    ui.click("Map")


@pytest.mark.parametrize("route", [None, ["khiva", "khorezm", "karakum", "bukhara"]])
def test_a_region_is_not_named_on_a_desert_not_its_own(player, route):
    """ "Khorezm" was written on the Kyzylkum's sand, as if the desert were the oasis."""
    from game.ui.turkestan import DESERTS, REGIONS, RIVERS, MapLayer

    ui = player()
    story, kit = ui.app.story, ui.app.kit
    layer = MapLayer(story, kit, pygame.Rect(0, 0, 800, 460), aral=True, route=route)
    areas = {p: r for p, r in layer.written.items() if p in REGIONS or p in RIVERS}
    assert len(areas) >= 3
    assert layer._sands.keys() == DESERTS.keys()
    for pid, rect in areas.items():
        full = pygame.mask.Mask(rect.size, fill=True)
        on = [name for name, mask in layer._sands.items() if mask.overlap(full, rect.topleft)]
        assert on in ([], [pid]), f"{pid} is written on {on}"
