"""A gamepad plays the game through real controller events; keys rebound in Settings."""

from __future__ import annotations

import pygame

from game import settings as settings_store
from game.ui.screens.access import KeysScreen
from game.ui.screens.backlog import BacklogScreen
from game.ui.screens.codex import CodexScreen
from game.ui.screens.dialog import MessageDialog
from game.ui.screens.pause import PauseScreen
from game.ui.screens.perspectives import PerspectivesScreen
from game.ui.screens.scene import SceneScreen
from game.ui.screens.settings import SettingsScreen

B = pygame


def press(ui, button: int) -> None:
    ui.post(pygame.CONTROLLERBUTTONDOWN, instance_id=0, button=button)
    ui.post(pygame.CONTROLLERBUTTONUP, instance_id=0, button=button)
    ui.pump()


def tilt(ui, axis: int, value: int) -> None:
    ui.post(pygame.CONTROLLERAXISMOTION, instance_id=0, axis=axis, value=value)
    ui.pump()


def test_a_gamepad_plays_from_the_title_to_a_choice(ui):
    ui.post(pygame.CONTROLLERDEVICEADDED, device_index=0)  # plugged in (no real pad here)
    ui.pump()
    press(ui, B.CONTROLLER_BUTTON_DPAD_DOWN)
    assert ui.screen.group.focused().label == "New story"
    press(ui, B.CONTROLLER_BUTTON_A)
    press(ui, B.CONTROLLER_BUTTON_A)  # past the content note
    assert isinstance(ui.screen, PerspectivesScreen)
    press(ui, B.CONTROLLER_BUTTON_DPAD_DOWN)
    press(ui, B.CONTROLLER_BUTTON_A)
    scene = ui.screen
    assert isinstance(scene, SceneScreen)
    press(ui, B.CONTROLLER_BUTTON_A)  # finishes the text
    press(ui, B.CONTROLLER_BUTTON_DPAD_DOWN)
    press(ui, B.CONTROLLER_BUTTON_DPAD_DOWN)
    assert scene.group.focus == 1
    press(ui, B.CONTROLLER_BUTTON_A)
    assert scene.pt.scene.id == "stay_end"


def test_start_opens_and_closes_the_menu_and_b_goes_back(ui):
    ui.begin_story()
    press(ui, B.CONTROLLER_BUTTON_START)
    assert isinstance(ui.screen, PauseScreen)
    press(ui, B.CONTROLLER_BUTTON_START)
    assert isinstance(ui.screen, SceneScreen)
    ui.click("Codex")
    assert isinstance(ui.screen, CodexScreen)
    press(ui, B.CONTROLLER_BUTTON_B)
    assert isinstance(ui.screen, SceneScreen)


def test_the_stick_moves_the_focus_once_per_tilt(ui):
    ui.click("Settings")
    screen = ui.screen
    assert screen.group.focus == 0
    for value in (12000, 25000, 30000, 32767):  # one deliberate tilt, however it wobbles
        tilt(ui, B.CONTROLLER_AXIS_LEFTY, value)
    assert screen.group.focus == 1
    tilt(ui, B.CONTROLLER_AXIS_LEFTY, 0)  # back to the middle
    tilt(ui, B.CONTROLLER_AXIS_LEFTY, 30000)
    assert screen.group.focus == 2
    tilt(ui, B.CONTROLLER_AXIS_LEFTY, 0)
    tilt(ui, B.CONTROLLER_AXIS_LEFTX, 30000)  # right: the focused row's next value
    assert ui.app.settings.text_speed == "fast"


def test_a_pad_unplugged_and_plugged_again_keeps_working(ui):
    ui.post(pygame.CONTROLLERDEVICEREMOVED, instance_id=0)
    ui.post(pygame.CONTROLLERDEVICEADDED, device_index=0)
    ui.pump()
    press(ui, B.CONTROLLER_BUTTON_DPAD_DOWN)
    assert ui.screen.group.focused().label == "New story"


def open_keys(ui) -> KeysScreen:
    ui.click("Settings")
    ui.wheel(-20)  # the last row, below the others
    ui.click(next(c for c in ui.screen.cards if c.label == "Keys"))
    assert isinstance(ui.screen, KeysScreen)
    return ui.screen


def test_a_key_rebound_in_settings_does_the_action_and_is_stored(start_app):
    ui = start_app()
    keys = open_keys(ui)
    ui.click(keys.cards[2])  # History
    assert keys.captures_keys
    ui.key(pygame.K_j)
    assert ("history", "j") in ui.app.settings.keys
    assert settings_store.load().keys == ui.app.settings.keys  # stored with the settings
    ui = start_app()  # and after a restart
    ui.begin_story()
    ui.key(pygame.K_SPACE)
    ui.key(pygame.K_h)
    assert isinstance(ui.screen, SceneScreen)  # H no longer opens the history
    ui.key(pygame.K_j)
    assert isinstance(ui.screen, BacklogScreen)


def test_a_key_already_used_is_refused_with_a_message(ui):
    keys = open_keys(ui)
    ui.click(keys.cards[2])  # History
    ui.key(pygame.K_c)  # the codex's key
    assert isinstance(ui.screen, MessageDialog)
    assert "C already does “Codex”" in ui.screen.message
    assert ui.app.settings.keys == ()
    ui.key(pygame.K_RETURN)
    ui.click(keys.cards[2])
    ui.key(pygame.K_ESCAPE)  # a reserved key: Escape only cancels the wait
    assert ui.screen is keys and not keys.captures_keys and ui.app.settings.keys == ()
    ui.click(keys.cards[2])
    ui.key(pygame.K_1)  # numbered choices keep their keys
    assert isinstance(ui.screen, MessageDialog) and "cannot be changed" in ui.screen.heading


def test_default_keys_restores_them(ui):
    ui.app.change_settings(keys=(("codex", "k"),))
    keys = open_keys(ui)
    assert keys.cards[3].value() == "K"
    ui.click("Default keys")
    assert ui.app.settings.keys == () and keys.cards[3].value() == "C"


def test_stored_bindings_that_make_no_sense_are_dropped():
    bad = [
        [["history", "c"]],  # the codex's default key: two actions on one key
        [["history", "escape"]],  # reserved
        [["fly", "f"]],  # no such action
        [["history"]],
        "h",
        [["history", "x" * 200]],
    ]
    for keys in bad:
        assert settings_store.from_dict({"keys": keys}).keys == (), keys
    assert settings_store.from_dict({"keys": [["history", "j"]]}).keys == (("history", "j"),)


def test_settings_screen_changes_reading_font_and_line_spacing(ui):
    ui.click("Settings")
    assert isinstance(ui.screen, SettingsScreen)
    font = next(c for c in ui.screen.cards if c.label == "Reading font")
    spacing = next(c for c in ui.screen.cards if c.label == "Line spacing")
    kit = ui.app.kit
    body = kit.style("body")
    font.step(1)
    assert ui.app.settings.reading_font == "sans"
    assert kit.style("body").face == "reading_sans" != body.face
    assert kit.style("button").face == "sans"  # controls keep their face

    def height(role: str) -> int:
        return kit.layouter.page([kit.block(role, "a")], 400, (0, 0, 0)).height

    reading, control = height("body"), height("button")
    spacing.step(1)
    assert ui.app.settings.line_spacing == "relaxed"
    assert height("body") >= reading * 1.2 and height("button") == control
