"""The hidden gesture, the PIN pad with a right and a wrong PIN, and the staff menu's actions."""

from __future__ import annotations

import logging

import pytest

from game.kiosk import pin
from game.kiosk.app import CornerTaps
from game.kiosk.staff import PinScreen, StaffMenuScreen, StatsScreen
from game.kiosk.supervisor import STAFF_EXIT
from game.kiosk.testscreen import TestScreen
from game.ui.screens.dialog import MessageDialog
from tests.kiosk.conftest import PIN


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
    kiosk.enter_pin(PIN)
    assert isinstance(kiosk.screen, StaffMenuScreen)


def test_wrong_pin_is_refused_and_three_close_the_pad(kiosk):
    kiosk.corner_taps()
    pad = kiosk.screen
    kiosk.enter_pin("1111")
    assert kiosk.screen is pad and pad.message == "Wrong PIN" and pad.entered == ""
    kiosk.enter_pin("24680")  # a longer PIN is not the PIN
    kiosk.clock.now += 60  # past the wait the third wrong PIN in a row asks for
    kiosk.enter_pin("246")
    assert not isinstance(kiosk.screen, (PinScreen, StaffMenuScreen))


def test_wrong_pins_back_off_then_lock_out_and_are_logged(kiosk, caplog):
    caplog.set_level(logging.WARNING, logger="game.kiosk")
    guard = kiosk.app.pin_guard
    waits = []
    for _ in range(pin.LOCK_AFTER):
        kiosk.corner_taps()
        kiosk.enter_pin("1111")
        waits.append(guard.wait(kiosk.clock.now))
        kiosk.clock.now += waits[-1]
        if isinstance(kiosk.screen, PinScreen):
            kiosk.tap("Cancel")
    assert waits[: pin.FREE_TRIES] == [0.0] * pin.FREE_TRIES
    growing = waits[pin.FREE_TRIES : -1]
    assert growing == sorted(growing) and growing[0] > 0 and growing[-1] > growing[0]
    assert waits[-1] == pin.LOCK_SECONDS  # locked out
    kiosk.clock.now -= 10  # seconds before the lock-out ends: even the right PIN waits
    kiosk.corner_taps()
    kiosk.enter_pin(PIN)
    assert isinstance(kiosk.screen, PinScreen) and kiosk.screen.message.startswith("Wait")
    kiosk.clock.now += 10
    kiosk.enter_pin(PIN)
    assert isinstance(kiosk.screen, StaffMenuScreen) and guard.failures == 0
    assert sum("wrong staff PIN" in r.getMessage() for r in caplog.records) == pin.LOCK_AFTER


def test_the_pin_is_kept_only_as_a_salted_hash(tmp_path):
    path = pin.write("8642", tmp_path / "p")
    stored = path.read_text()
    assert "8642" not in stored and pin.matches("8642", pin.read(path))
    assert not pin.matches("8643", stored) and not pin.matches("", stored)
    assert pin.write("8642", tmp_path / "q").read_text() != stored  # a fresh salt each time
    (tmp_path / "bad").write_text("pbkdf2-sha256$x$y$z")
    with pytest.raises(pin.PinError, match="damaged"):
        pin.read(tmp_path / "bad")


def test_a_kiosk_without_a_pin_refuses_to_start_in_production(monkeypatch, capsys):
    from game.kiosk.main import main
    from game.kiosk.supervisor import CONFIG_EXIT

    pin.default_path().unlink()
    assert main(["--no-supervise"]) == CONFIG_EXIT  # full screen by default: a museum's kiosk
    assert "--set-pin" in capsys.readouterr().err
    answers = iter(["13579", "13579"])
    from game.kiosk import main as kiosk_main

    assert kiosk_main.set_pin(lambda prompt: next(answers)) == 0
    assert pin.matches("13579", pin.read())
    answers = iter(["1357", "2468"])
    assert kiosk_main.set_pin(lambda prompt: next(answers)) == 1
    assert pin.matches("13579", pin.read())  # unchanged
    assert kiosk_main.set_pin(lambda prompt: "12") == 1


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
    kiosk.enter_pin(PIN)
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


def test_set_pin_reads_two_piped_lines_without_a_terminal(monkeypatch, capsys):
    """A provisioning script (no terminal) pipes the PIN in; an empty pipe sets nothing."""
    import io

    from game.kiosk.main import main

    pin.default_path().unlink()
    monkeypatch.setattr("sys.stdin", io.StringIO("97531\n97531\n"))
    assert main(["--set-pin"]) == 0
    assert pin.matches("97531", pin.read())
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--set-pin"]) == 1
    assert "no PIN on standard input" in capsys.readouterr().err
    assert pin.matches("97531", pin.read())  # unchanged
