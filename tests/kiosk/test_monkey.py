"""20,000 random touches, clicks, keys and resizes in kiosk mode: nothing breaks, and it idles home."""

from __future__ import annotations

import random

import pygame

from game.kiosk.attract import AttractScreen
from tests.monkey import random_event

EVENTS = 20_000
BATCH = 8  # events handled per frame


def staff_taps() -> list[pygame.event.Event]:
    taps = []
    for kind in [pygame.FINGERDOWN, pygame.FINGERUP] * 5:
        taps.append(pygame.event.Event(kind, touch_id=1, finger_id=0, x=0.01, y=0.01, dx=0.0,
                                       dy=0.0, pressure=1.0))  # fmt: skip
    return taps


def test_twenty_thousand_random_events(start_kiosk, stats):
    kiosk = start_kiosk(size=(1024, 600))
    app = kiosk.app
    rng = random.Random(1916)
    screens: set[str] = set()
    posted = 0
    while posted < EVENTS:
        roll = rng.random()
        if roll < 0.015:  # the visitor walks away: warnings and resets happen too
            kiosk.clock.now += rng.choice([95, 200])
        elif roll < 0.025:  # someone finds the staff corner (the PIN they type is random)
            for event in staff_taps():
                pygame.event.post(event)
            posted += 10
        else:
            for _ in range(BATCH):
                pygame.event.post(random_event(rng, app.kit.size))
            posted += BATCH
            kiosk.clock.now += rng.choice([0.05, 0.2, 1.0, 3.0])
        kiosk.pump()
        screens.add(type(app.screen).__name__)
        assert app.running
    kiosk.wait(app.config.idle_seconds)
    kiosk.wait(app.config.warning_seconds)
    assert isinstance(kiosk.screen, AttractScreen) and len(app.stack) == 1
    assert app.session is None and app.language == "en"
    # The monkey got around: into stories, the warning and the staff PIN pad.
    assert {"KioskSceneScreen", "WarningScreen", "PinScreen", "LanguageScreen"} <= screens, screens
    assert stats.sessions() > 0
