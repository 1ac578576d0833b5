"""The attract map's names: none covers another name or a dot, and the route's towns are named."""

from __future__ import annotations

import itertools

import pytest

from game.engine import load_story
from game.kiosk.app import KioskApp
from game.kiosk.attract import AttractScreen
from game.paths import default_story_dir
from game.ui.turkestan import REGIONS, RIVERS, MapLayer
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
    assert len(layer.labels) >= 12 and len(layer.dots) >= 15
    for a, b in itertools.combinations(layer.labels, 2):
        assert not a.colliderect(b), (a, b)
    for label, dot in itertools.product(layer.labels, layer.dots):
        assert not label.colliderect(dot), (label, dot)
    assert all(layer.surface.get_rect().contains(label) for label in layer.labels)


def test_the_routes_towns_are_named_first(layer: MapLayer):
    stops = {stop for _perspective, route in layer.routes for stop in route}
    towns = stops - REGIONS - RIVERS.keys()
    assert {"beshtut", "kokand", "tashkent", "khiva", "urgench"} <= towns
    assert towns <= layer.named
