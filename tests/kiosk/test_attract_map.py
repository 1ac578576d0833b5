"""The attract map's names: none covers another name or a dot, and the route's towns are named."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from game.engine import load_story
from game.kiosk.app import KioskApp
from game.kiosk.attract import DRAW_SECONDS, HOLD_SECONDS, AttractScreen
from game.paths import default_story_dir
from game.ui.turkestan import REGIONS, RIVERS, MapLayer, journey
from tests.kiosk.conftest import CONFIG
from tests.ui.conftest import FakeClock


@pytest.fixture(scope="module")
def full_story():
    """The shipped story: two dozen places, crowded in the Fergana Valley."""
    return load_story(default_story_dir())


@pytest.fixture(params=[(1920, 1080), (1280, 720)], ids=["1080p", "720p"])
def layer(request, full_story, stats):
    app = KioskApp(CONFIG, full_story, stats, size=request.param, clock=FakeClock())
    try:
        app.pump()
        assert isinstance(app.screen, AttractScreen) and app.kit.size == request.param
        yield app.screen.map
    finally:
        app.close()


def test_no_name_overlaps_another_or_a_dot(layer: MapLayer):
    """The map's names and, while each route shows, its own villages' names: none overlaps."""
    assert len(layer.labels) >= 8 and len(layer.dots) >= 15
    assert len(layer.route_labels) == len(layer.routes) >= 5
    for extra in layer.route_labels:
        labels = layer.labels + [rect for _label, rect in extra]
        for a, b in itertools.combinations(labels, 2):
            assert not a.colliderect(b), (a, b)
        for label, dot in itertools.product(labels, layer.dots):
            assert not label.colliderect(dot), (label, dot)
        assert all(layer.surface.get_rect().contains(label) for label in labels)


def test_no_name_lies_on_a_range(layer: MapLayer):
    """ "Dushanbe · Hisor" was written over the Hisor range, and Tashkent over the Tien Shan:
    neither the map's names nor any route's, at any size, touch a range's band or peaks."""
    assert layer.ranges_drawn() > 0
    for index, extra in enumerate(layer.route_labels):
        for rect in layer.labels + [rect for _label, rect in extra]:
            assert not layer.on_ranges(rect), f"route {index}: the name at {rect} is on a range"


def test_each_routes_towns_are_named_while_it_shows_where_there_is_room(layer: MapLayer):
    """Where the valleys are too narrow for a name between the ranges, a name is written
    farther off with a line to its dot, or left out; most are there, known towns always."""
    stops = {stop for _perspective, route in layer.routes for stop in route}
    towns = stops - REGIONS - RIVERS.keys()
    assert {"beshtut", "kokand", "tashkent", "khiva", "urgench"} <= towns
    shown = wanted = 0
    for (perspective, route), own in zip(layer.routes, layer.route_named, strict=True):
        route_towns = set(route) - REGIONS - RIVERS.keys()
        missing = route_towns - layer.named - own
        known = {"kokand", "tashkent", "khiva", "bukhara", "samarkand"} & missing
        assert not known, f"{perspective.id}: {known} unnamed"
        shown, wanted = shown + len(route_towns - missing), wanted + len(route_towns)
    assert shown >= 0.7 * wanted, f"only {shown} of {wanted} route towns named"


def test_a_far_name_has_a_line_to_its_dot(layer: MapLayer):
    """A name written away from its dot is joined to it, and the line meets no other name."""
    leaders = [line for lines in layer.route_leaders for line in lines] + layer.leaders
    assert leaders, "the crowded Fergana Valley needs some"
    for index, lines in enumerate(layer.route_leaders):
        labels = layer.labels + [rect for _label, rect in layer.route_labels[index]]
        for start, end in lines + layer.leaders:
            ends_at = [rect for rect in labels if rect.inflate(2, 2).collidepoint(end)]
            assert len(ends_at) == 1, (start, end)
            crossed = [rect for rect in labels if rect.clipline(start, end)]
            assert crossed == ends_at, f"a leader crosses {crossed}"


def test_villages_are_named_only_with_their_route(layer: MapLayer):
    """The map itself names known towns; a village appears with the route that goes there."""
    assert "beshtut" not in layer.named and "tashkent" in layer.named
    farmer = next(i for i, (p, _r) in enumerate(layer.routes) if p.id == "fergana_farmer")
    assert "beshtut" in layer.route_named[farmer]


def test_the_loop_draws_every_perspectives_journey(layer: MapLayer, full_story):
    assert [p.id for p, _r in layer.routes] == [p.id for p in full_story.perspectives]
    for _p, route in layer.routes:
        path = journey(route)
        assert len(path) == len(set(path)) and not set(path) & (REGIONS | RIVERS.keys())


@pytest.mark.parametrize("offered", [(), ("khivan_refugee", "eastern_bukhara")])
def test_the_loop_shows_each_offered_perspectives_route_in_turn(full_story, stats, offered):
    clock = FakeClock()
    config = dataclasses.replace(CONFIG, perspectives=offered)
    app = KioskApp(config, full_story, stats, size=(1280, 720), clock=clock)
    try:
        app.pump()
        screen = app.screen
        seen = []
        for turn in range(len(full_story.perspectives)):
            clock.now = screen.started + turn * (DRAW_SECONDS + HOLD_SECONDS) + 1
            app.pump()
            seen.append(screen.map.routes[screen.route_index()][0].id)
        wanted = list(offered) or [p.id for p in full_story.perspectives]
        assert seen[: len(wanted)] == wanted and set(seen) == set(wanted)
    finally:
        app.close()
