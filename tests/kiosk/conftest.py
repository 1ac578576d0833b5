"""Fixtures for the kiosk: a windowed kiosk app on the small story, its statistics and a driver."""

from __future__ import annotations

import dataclasses
import logging

import pygame
import pytest

from game.engine import load_story
from game.kiosk import pin
from game.kiosk.app import KioskApp
from game.kiosk.config import KioskConfig
from game.kiosk.pin import hash_pin
from game.kiosk.stats import Stats
from tests.ui.conftest import FIXTURE_STORY, Driver, FakeClock

PIN = "2468"
# Few iterations: the hash is checked on every PIN a test types (a kiosk uses pin.ITERATIONS).
CONFIG = KioskConfig(languages=("en", "ru", "uz"), fullscreen=False,
                     pin_hash=hash_pin(PIN, b"salt-for-tests!!", iterations=1_000),
                     idle_seconds=90, warning_seconds=20, session_cap_seconds=1200)  # fmt: skip


@pytest.fixture(autouse=True)
def _kiosk_log_closed():
    """A test that runs the supervisor leaves its log file open on the shared logger (a real
    supervisor keeps it for its whole life): close it, so a test run does not pile them up."""
    yield
    log = logging.getLogger("game.kiosk")
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()


@pytest.fixture(autouse=True)
def _staff_pin_set():
    """A museum's kiosk has its PIN set (with --set-pin) before it first starts."""
    pin.default_path().write_text(CONFIG.pin_hash + "\n", encoding="ascii")


class KioskDriver(Driver):
    """The player's driver, plus the kiosk's own moves."""

    def corner_taps(self, times: int = 5) -> None:
        for _ in range(times):
            self.tap((5, 5))
            self.clock.now += 0.3

    def enter_pin(self, pin: str) -> None:
        for digit in pin:
            self.tap(digit)
        self.tap("OK")

    def start_reading(self, card: int = 0) -> None:
        """Attract → language (English) → perspective: the first page, fully shown."""
        self.tap((600, 600))
        self.tap("English")
        self.choose_story(card)
        self.tap(self.screen.view.center)

    def choose_story(self, card: int = 0) -> None:
        """On the perspectives: touch a card (its detail shows), then Begin."""
        self.tap(self.screen.cards[card])
        self.tap(self.screen.begin_button)

    def alt_f4(self) -> None:
        self.post(pygame.KEYDOWN, key=pygame.K_F4, mod=pygame.KMOD_LALT, unicode="", scancode=0)
        self.pump()


@pytest.fixture
def stats(tmp_path):
    s = Stats(tmp_path / "stats.sqlite3", wall=lambda: 1_700_000_000.0)
    yield s
    s.close()


@pytest.fixture(scope="session")
def story():
    return load_story(FIXTURE_STORY)


@pytest.fixture
def start_kiosk(stats, story):
    """Open a kiosk (optionally with config changes); every one is closed afterwards."""
    apps: list[KioskApp] = []

    def start(size: tuple[int, int] = (1920, 1080), **changes) -> KioskDriver:
        if apps:
            apps[-1].close()
        clock = FakeClock()
        config = dataclasses.replace(CONFIG, **changes)
        app = KioskApp(config, story, stats, size=size, clock=clock)
        apps.append(app)
        driver = KioskDriver(app, clock)
        driver.pump()
        return driver

    yield start
    for app in apps:
        app.close()


@pytest.fixture
def kiosk(start_kiosk) -> KioskDriver:
    return start_kiosk()
