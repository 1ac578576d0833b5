"""Every screen drawn at two window sizes, with its buttons inside the window and not overlapping."""

from __future__ import annotations

import itertools

import pygame
import pytest

from game.ui.screens.backlog import BacklogScreen
from game.ui.screens.card import EventCard, TermCard
from game.ui.screens.codex import CodexScreen
from game.ui.screens.content_note import ContentNoteScreen
from game.ui.screens.dialog import MessageDialog
from game.ui.screens.ending import EndingScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.perspectives import PerspectivesScreen
from game.ui.screens.saves import SavesScreen
from game.ui.screens.settings import SettingsScreen
from game.ui.screens.timeline import TimelineScreen
from game.ui.session import Session

SIZES = [(1024, 600), (1920, 1080)]
SCREENS = {
    "title": None,
    "content_note": ContentNoteScreen,
    "perspectives": PerspectivesScreen,
    "scene": None,
    "term_card": lambda app: TermCard(app, "jadid"),
    "event_card": lambda app: EventCard(app, "revolt_1916", app.story.scenes["mosque"]),
    "backlog": BacklogScreen,
    "save": lambda app: SavesScreen(app, mode="save"),
    "load": lambda app: SavesScreen(app, mode="load"),
    "settings": SettingsScreen,
    "codex": CodexScreen,
    "timeline": TimelineScreen,
    "pause": PauseScreen,
    "dialog": lambda app: MessageDialog(app, "A question", "Some words.", ["Yes", "No"]),
    "ending": EndingScreen,
}


def visible_buttons(ui):
    out = []
    for button in ui.buttons():  # a hidden card has an empty clip: not "no clip"
        rect = button.rect.clip(button.clip) if button.clip is not None else button.rect
        if rect.width and rect.height:
            out.append((button, rect))
    return out


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen_draws_tidily(start_app, size, name):
    ui = start_app(size)
    app = ui.app
    app.start_session(Session.start(app.story, "weaver", app.profile, app.clock))
    ui.key(pygame.K_SPACE)
    ui.key(pygame.K_1)  # into the event scene, so history and timeline have content
    ui.past_note()
    if name == "ending":
        ui.key(pygame.K_SPACE)
        ui.key(pygame.K_1)
    if name == "title":
        app.home()
    elif SCREENS[name] is not None:
        app.push(SCREENS[name](app))
    surf = ui.pixels()
    assert surf.get_size() == size
    window = pygame.Rect((0, 0), size)
    shown = visible_buttons(ui)
    assert shown, "every screen offers a way on"
    for button, rect in shown:
        assert window.contains(rect), f"{button.label!r} leaves the window"
    for (a, ra), (b, rb) in itertools.combinations(shown, 2):
        assert not ra.colliderect(rb), f"{a.label!r} overlaps {b.label!r}"
    # Text and ornament were drawn, not just flat fills (anti-aliased text gives many shades).
    grid = itertools.product(range(0, size[0], 5), range(0, size[1], 5))
    assert len({tuple(surf.get_at(p))[:3] for p in grid}) > 12


def test_screenshots_command_writes_every_screen(tmp_path):
    from game.ui import screenshots
    from tests.ui.conftest import FIXTURE_STORY

    assert screenshots.main([str(tmp_path), "--story", str(FIXTURE_STORY)]) == 0
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    for size in ("1280x720", "1920x1080"):
        shots = [n for n in names if n.endswith(f"-{size}.png")]
        assert len(shots) >= 19
        assert any(n.startswith("08-what-really-happened") for n in shots)
        assert any(n.startswith("20-ending") for n in shots)
    image = pygame.image.load(tmp_path / "01-title-1920x1080.png")
    assert image.get_size() == (1920, 1080)
