"""The kiosk's side of the safe reading flow: dialogs keep what Enter would lose, the page waits
behind the idle warning, content notes (and the museum's choice to hide them), cards whole."""

from __future__ import annotations

import pygame

from game.i18n import use_language
from game.kiosk import config as kiosk_config
from game.kiosk.attract import AttractScreen
from game.kiosk.play import KioskEndingScreen, KioskPerspectivesScreen, KioskSceneScreen
from game.kiosk.staff import PinScreen, StaffMenuScreen
from game.kiosk.warning import WarningScreen
from game.ui.scene_labels import ContentNoteDialog
from game.ui.screens.dialog import MessageDialog
from game.ui.widgets import Button


def test_enter_on_exit_the_kiosk_keeps_it_running(kiosk):
    kiosk.corner_taps()
    kiosk.enter_pin("2468")
    kiosk.tap("Exit the kiosk")
    assert isinstance(kiosk.screen, MessageDialog)
    kiosk.key(pygame.K_RETURN)
    assert kiosk.app.running and isinstance(kiosk.screen, StaffMenuScreen)


def test_enter_on_the_ending_does_not_end_the_visit(kiosk):
    kiosk.start_reading()
    kiosk.tap("Stay at the loom and finish the cloth")
    kiosk.tap(kiosk.screen.view.center)
    kiosk.tap("Continue")
    assert isinstance(kiosk.screen, KioskEndingScreen)
    kiosk.key(pygame.K_RETURN)
    assert not isinstance(kiosk.screen, AttractScreen)
    assert isinstance(kiosk.screen, KioskPerspectivesScreen)  # another story, same visit


def test_the_page_waits_behind_the_idle_warning(start_kiosk):
    kiosk = start_kiosk(idle_seconds=10, warning_seconds=20)
    kiosk.tap((600, 600))
    kiosk.tap("English")
    kiosk.app.change_settings(text_speed="slow")
    kiosk.choose_story(0)
    scene = kiosk.screen
    assert isinstance(scene, KioskSceneScreen)
    kiosk.wait(10)  # no touch for the idle time: the warning, while the page is still typing
    assert isinstance(kiosk.screen, WarningScreen) and not scene.done
    kiosk.wait(15)  # the warning counts down; the page does not type on behind it
    kiosk.tap((960, 200))  # "still here"
    assert kiosk.screen is scene and not scene.done
    cps = kiosk.app.settings.chars_per_second
    assert abs(scene.revealed - 10 * cps) < 2  # ten seconds of reading, not twenty-five


def test_the_note_before_a_scene_has_big_targets_and_no_settings_hint(kiosk):
    kiosk.start_reading()
    kiosk.tap("Go to the mosque where the elders meet")
    note = kiosk.screen
    assert isinstance(note, ContentNoteDialog) and note.hint == ""
    assert all(b.rect.height >= 64 for b in note.group.buttons)
    kiosk.tap("Continue")
    assert isinstance(kiosk.screen, KioskSceneScreen)


def test_a_museum_can_hide_the_notes(start_kiosk, tmp_path):
    file = tmp_path / "kiosk.toml"
    file.write_text("[display]\ncontent_warnings = false\n", encoding="utf-8")
    assert kiosk_config.load(file).content_warnings is False
    kiosk = start_kiosk(content_warnings=False)
    kiosk.start_reading()
    kiosk.tap("Go to the mosque where the elders meet")
    assert isinstance(kiosk.screen, KioskSceneScreen)


def test_perspective_cards_are_whole_with_their_warnings(kiosk):
    kiosk.tap((600, 600))
    kiosk.tap("English")
    screen = kiosk.screen
    for card in screen.cards:
        assert screen.view.contains(card.rect), card.rect  # never cut by the frame
        page = card._pages(kiosk.app.kit, card.rect.width, False)[0]
        text = " ".join(r.text for line in page.lines for r in line.runs)
        assert "Content:" in text


def test_a_russian_key_on_the_pin_pad_is_never_cut_inside_a_word(kiosk):
    use_language("ru")
    try:
        kiosk.corner_taps()
        pad = kiosk.screen
        assert isinstance(pad, PinScreen)
        pad = PinScreen(kiosk.app)  # built again with Russian labels
        kiosk.app.switch(pad)
        kiosk.pump()
        clear = next(b for b in pad.keys if b.label == "Стереть")
        assert isinstance(clear, Button)
        pages = clear._pages(kiosk.app.kit, clear.rect.width, False)
        assert [len(p.lines) for p in pages] == [1]
    finally:
        use_language("en")
