"""The scene's composed layer: reused while nothing changes, never a stale frame after a change."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pytest

from game import i18n
from game.ui.screens.scene import SceneScreen
from tests.ui.conftest import Driver


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    i18n.use_language("en")  # the language is process-wide: later tests expect English


def read_page(ui: Driver) -> SceneScreen:
    """Title → the weaver's first page, shown whole, drawn once from its layer."""
    ui.begin_story()
    ui.key(pygame.K_SPACE)
    scene = ui.screen
    assert isinstance(scene, SceneScreen) and scene.done
    frame(ui)
    return scene


def frame(ui: Driver) -> bytes:
    return pygame.image.tobytes(ui.pixels(), "RGB")


def fresh_frame(ui: Driver, scene: SceneScreen) -> bytes:
    """The same state drawn from scratch, the layer bypassed."""
    scene.cache_layer = False
    try:
        return frame(ui)
    finally:
        del scene.cache_layer


def hover(ui: Driver, pos: tuple[int, int]) -> None:
    ui.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)
    ui.pump()


def link_centre(scene: SceneScreen) -> tuple[int, int]:
    rect = scene.page.links[0][0]
    return rect.move(scene.view.x, scene.view.y - scene.scroller.offset).center


def scrolled(ui: Driver) -> None:
    ui.app.change_settings(text_size="largest")
    ui.resize(1024, 600)  # the smallest window with the largest text: the page scrolls
    frame(ui)
    scene = ui.screen
    assert scene.scroller.limit > 0
    ui.wheel(-1)
    assert scene.scroller.offset > 0


def to_event_page(ui: Driver) -> None:
    ui.key(pygame.K_1)  # the mosque, which has a "what really happened" card
    ui.past_note()
    ui.key(pygame.K_SPACE)
    frame(ui)
    hover(ui, ui.button("What really happened").rect.center)


def link_then_away(ui: Driver) -> None:
    hover(ui, link_centre(ui.screen))
    assert ui.screen.hover_link
    frame(ui)
    hover(ui, (5, 5))


def focus_twice(ui: Driver) -> None:
    ui.key(pygame.K_DOWN)
    frame(ui)
    ui.key(pygame.K_DOWN)
    assert ui.screen.group.focus == 1


def back_from_history(ui: Driver) -> None:
    ui.key(pygame.K_h)
    ui.key(pygame.K_ESCAPE)
    assert isinstance(ui.screen, SceneScreen)


CHANGES: dict[str, Callable[[Driver], None]] = {
    "hover a choice": lambda ui: hover(ui, ui.screen.group.buttons[1].rect.center),
    "hover a tool": lambda ui: hover(ui, ui.button("Codex").rect.center),
    "hover a link": lambda ui: hover(ui, link_centre(ui.screen)),
    "leave a link": link_then_away,
    "hover the event button": to_event_page,
    "press a choice": lambda ui: ui.post(
        pygame.MOUSEBUTTONDOWN, pos=ui.screen.group.buttons[0].rect.center, button=1, touch=False
    ),
    "focus by keys": focus_twice,
    "scroll": scrolled,
    "text size": lambda ui: ui.app.change_settings(text_size="largest"),
    "dark theme": lambda ui: ui.app.change_settings(theme="dark"),
    "high contrast": lambda ui: ui.app.change_settings(theme="high_contrast"),
    "language": lambda ui: ui.app.change_settings(language="ru"),
    "window size": lambda ui: ui.resize(1920, 1080),
    "back from the history": back_from_history,
    "under the pause menu": lambda ui: ui.key(pygame.K_ESCAPE),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_frame_after_a_change_equals_one_drawn_from_scratch(ui, change):
    read_page(ui)
    change(ui)
    ui.pump()
    scene = next(s for s in ui.app.stack if isinstance(s, SceneScreen))
    cached = frame(ui)
    assert scene.done and scene.layer_builds  # the frame really came from the layer
    assert cached == fresh_frame(ui, scene)


def test_an_unchanged_scene_reuses_its_layer(ui):
    scene = read_page(ui)
    builds = scene.layer_builds
    for _ in range(5):
        frame(ui)
    assert scene.layer_builds == builds
    hover(ui, link_centre(scene))
    assert scene.layer_builds == builds  # a state drawn once goes straight to the window
    frame(ui)
    assert scene.layer_builds == builds + 1  # drawn again: composed once, then reused
    hover(ui, (link_centre(scene)[0] + 1, link_centre(scene)[1]))  # the same link
    frame(ui)
    assert scene.layer_builds == builds + 1


def test_the_typewriter_draws_without_the_layer(ui):
    ui.begin_story()
    scene = ui.screen
    shots = set()
    for _ in range(4):
        ui.wait(0.2)
        shots.add(frame(ui))
    assert not scene.done and len(shots) == 4  # every tick shows more text
    assert scene.layer_builds == 0
    ui.wait(60)
    frame(ui)
    assert scene.done and scene.layer_builds == 1
