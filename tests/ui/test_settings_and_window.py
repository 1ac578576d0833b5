"""Settings that survive a restart and reflow the open page; resizing the window."""

from __future__ import annotations

import pygame

from game import settings as settings_store
from game.ui.app import MAX_SIZE, MIN_SIZE
from game.ui.screens.scene import SceneScreen
from game.ui.screens.settings import SettingsScreen
from game.ui.theme import HIGH_CONTRAST


def open_scene(ui):
    ui.begin_story()
    ui.key(pygame.K_SPACE)
    return ui.screen


def test_settings_survive_a_restart(start_app):
    ui = start_app()
    ui.click("Settings")
    assert isinstance(ui.screen, SettingsScreen)
    ui.key(pygame.K_DOWN)  # past the language
    ui.key(pygame.K_RIGHT)  # text size: medium -> large
    ui.key(pygame.K_DOWN)
    ui.key(pygame.K_RIGHT, times=3)  # text speed: normal -> fast -> instant -> slow
    ui.key(pygame.K_DOWN)
    ui.key(pygame.K_LEFT)  # theme: default -> high contrast
    ui.key(pygame.K_DOWN, times=2)
    ui.key(pygame.K_LEFT, times=3)  # volume 80 -> 50
    ui.click(ui.screen.cards[4])  # display -> full screen (a click also changes a row)
    saved = settings_store.load()
    assert (saved.text_size, saved.text_speed, saved.theme) == ("large", "slow", "high_contrast")
    assert saved.volume == 50 and saved.fullscreen

    ui = start_app()
    assert ui.app.settings == saved
    assert ui.app.kit.palette == HIGH_CONTRAST
    assert ui.app.kit.text_scale == settings_store.TEXT_SIZES["large"]


def test_changing_text_size_reflows_the_open_page(ui):
    scene = open_scene(ui)
    before = scene.page
    lines = len(before.lines)
    ui.key(pygame.K_ESCAPE)
    ui.click("Settings")
    ui.key(pygame.K_DOWN)  # past the language
    ui.key(pygame.K_RIGHT, times=2)  # largest
    assert scene.page is not before  # laid out again at once, under the settings screen
    assert len(scene.page.lines) > lines
    assert scene.page.lines[0].runs[0].style.px > before.lines[0].runs[0].style.px


def test_instant_text_speed_shows_the_page_at_once(ui):
    ui.app.change_settings(text_speed="instant")
    ui.begin_story()
    assert ui.screen.done and ui.screen.group.buttons


def test_window_resize_relays_out_and_clamps(ui):
    scene = open_scene(ui)
    width = scene.view.width
    ui.resize(1920, 1080)
    assert ui.app.kit.size == (1920, 1080)
    assert scene.view.width > width
    assert ui.app.window.get_surface().get_size() == (1920, 1080)
    ui.resize(640, 400)
    assert ui.app.kit.size == MIN_SIZE
    ui.resize(5000, 3000)
    assert ui.app.kit.size == MAX_SIZE
    assert isinstance(ui.screen, SceneScreen)
    for button in scene.group.buttons:  # choices still inside the panel
        assert scene.panel.contains(button.rect)


def test_text_is_crisp_at_every_size(ui):
    """Text is rendered at the window's pixel size, not scaled: glyph px grows with the window."""
    scene = open_scene(ui)
    px_small = scene.page.lines[0].runs[0].style.px
    ui.resize(2560, 1440)
    assert scene.page.lines[0].runs[0].style.px == round(px_small * 2)


def test_the_window_opens_at_the_size_the_player_left_it(start_app):
    from game.ui.app import window_size

    assert window_size(None, None) == (1280, 720)  # a first start
    ui = start_app()
    ui.resize(1500, 840)
    ui.app.remember_window()
    remembered = settings_store.load().window_size
    assert remembered == (1500, 840)
    desktop = pygame.display.get_desktop_sizes()[0]
    assert window_size(None, remembered) == (min(1500, desktop[0]), min(840, desktop[1]))
    assert window_size((1600, 900), remembered) == (1600, 900)  # --size wins for one start
    assert window_size(None, (99_999, 99_999)) == tuple(desktop)  # never larger than the screen


def test_a_stored_window_size_that_makes_no_sense_is_ignored():
    for bad in ([0, 700], [1200], "1280x720", [True, 700], [1200.5, 700]):
        assert settings_store.from_dict({"window_size": bad}).window_size is None
    assert settings_store.from_dict({"window_size": [1300, 700]}).window_size == (1300, 700)


def test_a_size_that_is_not_one_is_refused_with_a_message(capsys):
    import pytest

    from game.ui.app import parse_args

    assert parse_args(["--size", "1600x900"]).size == (1600, 900)
    with pytest.raises(SystemExit):
        parse_args(["--size", "1600"])
    assert "'1600' is not a size: write it like 1600x900" in capsys.readouterr().err
