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
        places = [ui.app.story.scenes[o.choice.goto].place for o in pt.choices()]
        pick = next((i for i, p in enumerate(places) if p not in been), 0)
        been.add(places[pick])
        ui.screen.complete()
        ui.key(pygame.K_1 + pick)
        if isinstance(ui.screen, ContentNoteDialog):
            ui.past_note()
        taken += 1


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
