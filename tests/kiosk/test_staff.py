"""The hidden gesture, the PIN pad with a right and a wrong PIN, and the staff menu's actions."""

from __future__ import annotations

from game.kiosk.app import CornerTaps
from game.kiosk.staff import PinScreen, StaffMenuScreen, StatsScreen
from game.kiosk.supervisor import STAFF_EXIT
from game.kiosk.testscreen import TestScreen
from game.ui.screens.dialog import MessageDialog


def test_gesture_needs_five_quick_taps_in_the_corner():
    taps = CornerTaps()
    size = (1920, 1080)
    assert not any(taps.tap((10, 10), size, t) for t in (0, 0.5, 1, 1.5))
    assert taps.tap((10, 10), size, 2.0)
    # Too slow: the first tap has expired by the fifth.
    assert not any(taps.tap((10, 10), size, t) for t in (10, 11, 12, 13, 14))
    # A tap elsewhere breaks the sequence.
    for t in (20, 20.2, 20.4, 20.6):
        taps.tap((10, 10), size, t)
    assert not taps.tap((900, 500), size, 20.8)
    assert not taps.tap((10, 10), size, 21.0)


def test_right_pin_opens_the_staff_menu(kiosk):
    kiosk.corner_taps()
    assert isinstance(kiosk.screen, PinScreen)
    kiosk.enter_pin("2468")
    assert isinstance(kiosk.screen, StaffMenuScreen)


def test_wrong_pin_is_refused_and_three_close_the_pad(kiosk):
    kiosk.corner_taps()
    pad = kiosk.screen
    kiosk.enter_pin("1111")
    assert kiosk.screen is pad and pad.message == "Wrong PIN" and pad.entered == ""
    kiosk.enter_pin("24680")  # a longer PIN is not the PIN
    kiosk.enter_pin("246")
    assert not isinstance(kiosk.screen, (PinScreen, StaffMenuScreen))


def test_pin_by_keyboard(kiosk):
    import pygame

    kiosk.corner_taps()
    for key in (pygame.K_2, pygame.K_4, pygame.K_KP6, pygame.K_9, pygame.K_BACKSPACE, pygame.K_8):
        kiosk.key(key)
    kiosk.key(pygame.K_RETURN)
    assert isinstance(kiosk.screen, StaffMenuScreen)


def test_four_taps_do_nothing(kiosk):
    kiosk.corner_taps(times=4)
    assert not isinstance(kiosk.screen, PinScreen)


def open_menu(kiosk):
    kiosk.corner_taps()
    kiosk.enter_pin("2468")
    return kiosk.screen


def test_exit_asks_then_stops_with_the_staff_status(kiosk):
    open_menu(kiosk)
    kiosk.tap("Exit the kiosk")
    assert isinstance(kiosk.screen, MessageDialog)
    kiosk.tap("Exit")
    assert not kiosk.app.running
    assert kiosk.app.exit_code == STAFF_EXIT


def test_statistics_reset_and_test_screen(kiosk, stats):
    for _ in range(3):
        stats.start("en", "weaver", "museum")
    open_menu(kiosk)
    kiosk.tap("Statistics")
    assert isinstance(kiosk.screen, StatsScreen)
    kiosk.pixels()
    kiosk.tap("Back")
    kiosk.tap("Reset statistics")
    kiosk.tap("Cancel")
    assert stats.sessions() == 3
    kiosk.tap("Reset statistics")
    kiosk.tap("Delete them")
    assert stats.sessions() == 0
    kiosk.tap("Test screen")
    test = kiosk.screen
    assert isinstance(test, TestScreen)
    kiosk.tap(test.grid.center)
    assert len(test.touched) == 1
    kiosk.pixels()
    kiosk.tap("Close")
    assert isinstance(kiosk.screen, StaffMenuScreen)
    kiosk.tap("Close")
    assert not isinstance(kiosk.screen, StaffMenuScreen)
