"""A visitor cannot leave: Escape, Alt+F4 and close requests do nothing; no saves; big targets."""

from __future__ import annotations

import itertools

import pygame
import pytest

from game import storage
from game.kiosk.app import MIN_TEXT, KioskApp
from game.kiosk.attract import AttractScreen
from game.kiosk.config import aaa_themes
from game.kiosk.language import LanguageScreen
from game.kiosk.play import KioskEndingScreen, KioskPerspectivesScreen, KioskSceneScreen
from game.ui.kit import ROLES
from game.ui.theme import PALETTES, TEXT_PAIRS, contrast


def close_requests(kiosk) -> None:
    kiosk.key(pygame.K_ESCAPE)
    kiosk.alt_f4()
    kiosk.key(pygame.K_F11)
    kiosk.post(pygame.WINDOWCLOSE, window=kiosk.app.window)
    kiosk.post(pygame.QUIT)
    kiosk.pump()


def test_escape_alt_f4_and_close_are_ignored_everywhere(kiosk):
    close_requests(kiosk)
    assert kiosk.app.running and isinstance(kiosk.screen, AttractScreen)
    kiosk.start_reading()
    scene = kiosk.screen
    close_requests(kiosk)
    assert kiosk.app.running and kiosk.screen is scene  # not even the pause menu
    assert not kiosk.app.settings.fullscreen or kiosk.app.config.fullscreen
    kiosk.app.quit()  # what the player's Quit buttons call
    assert kiosk.app.running


def test_a_visit_writes_no_saves_settings_or_progress(kiosk):
    kiosk.start_reading()
    kiosk.tap("Go to the mosque where the elders meet")
    kiosk.past_note()
    kiosk.tap(kiosk.screen.view.center)
    kiosk.tap("Run home with Dilnoza")
    kiosk.tap(kiosk.screen.view.center)
    kiosk.tap("Continue")
    assert isinstance(kiosk.screen, KioskEndingScreen)
    assert [p.name for p in storage.data_dir().iterdir()] == ["kiosk-staff-pin"]  # set before


def test_full_screen_borderless_and_no_cursor(start_kiosk):
    kiosk = start_kiosk(fullscreen=True)
    assert kiosk.app.window.borderless
    assert not pygame.mouse.get_visible()


def screens_a_visitor_sees(kiosk):
    yield "attract", kiosk.screen
    kiosk.tap((600, 600))
    yield "language", kiosk.screen
    kiosk.tap("English")
    yield "perspectives", kiosk.screen
    kiosk.choose_story(0)
    kiosk.tap(kiosk.screen.view.center)
    yield "scene", kiosk.screen
    kiosk.tap("Go to the mosque where the elders meet")
    yield "content note", kiosk.screen
    kiosk.past_note()
    kiosk.tap(kiosk.screen.view.center)
    kiosk.tap("Run home with Dilnoza")
    kiosk.tap(kiosk.screen.view.center)
    kiosk.tap("Continue")
    yield "ending", kiosk.screen
    kiosk.wait(90)
    yield "warning", kiosk.screen


def test_every_visitor_screen_has_big_targets_and_big_text(kiosk):
    kinds = (AttractScreen, LanguageScreen, KioskPerspectivesScreen, KioskSceneScreen)
    seen = []
    for name, screen in screens_a_visitor_sees(kiosk):
        seen.append(name)
        assert isinstance(screen, (*kinds, KioskEndingScreen)) or name in (
            "warning",
            "content note",
        )
        window = pygame.Rect((0, 0), kiosk.app.kit.size)
        shown = [b.rect.clip(b.clip) if b.clip else b.rect for b in kiosk.buttons()]
        shown = [r for r in shown if r.width and r.height]
        for rect in shown:
            assert rect.width >= 64 and rect.height >= 64, (name, rect)
            assert window.contains(rect), (name, rect)
        for a, b in itertools.combinations(shown, 2):
            gap = max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom)
            assert gap >= 12, (name, a, b)  # clear gaps between neighbouring targets
    assert seen[-1] == "warning"
    kit = kiosk.app.kit
    assert all(kit.font_px(role) >= 32 for role in ROLES)
    assert round(MIN_TEXT * 1.5) == 32


@pytest.mark.parametrize("theme", aaa_themes())
def test_kiosk_themes_reach_wcag_aaa(theme):
    pal = PALETTES[theme]
    pairs = [*TEXT_PAIRS, ("muted", "background"), ("ornament", "background"),
             ("link", "background")]  # the attract map's labels and routes  # fmt: skip
    for fg, bg in pairs:
        assert contrast(getattr(pal, fg), getattr(pal, bg)) >= 7.0, (theme, fg, bg)
    assert "dark" in aaa_themes() and "high_contrast" in aaa_themes()


def test_kiosk_app_is_the_player_app():
    assert issubclass(KioskApp, pygame.Window) is False
    assert KioskApp.__mro__[1].__name__ == "App"
