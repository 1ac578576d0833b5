"""20,000 random touches, clicks, keys and resizes in kiosk mode: nothing breaks, and it idles home."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pygame

from game.kiosk.attract import AttractScreen
from game.kiosk.stats import Stats
from tests.monkey import random_event

EVENTS = 20_000
BATCH = 8  # events handled per frame


def staff_taps() -> list[pygame.event.Event]:
    taps = []
    for kind in [pygame.FINGERDOWN, pygame.FINGERUP] * 5:
        taps.append(pygame.event.Event(kind, touch_id=1, finger_id=0, x=0.01, y=0.01, dx=0.0,
                                       dy=0.0, pressure=1.0))  # fmt: skip
    return taps


def monkey(kiosk, events: int, rng: random.Random, between=None) -> set[str]:
    """Post `events` random events frame by frame; `between(frame)` runs before each frame."""
    app = kiosk.app
    screens: set[str] = set()
    posted = frame = 0
    while posted < events:
        if between is not None:
            between(frame)
        frame += 1
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
    return screens


def test_twenty_thousand_random_events(start_kiosk, stats):
    kiosk = start_kiosk(size=(1024, 600))
    app = kiosk.app
    screens = monkey(kiosk, EVENTS, random.Random(1916))
    kiosk.wait(app.config.idle_seconds)
    kiosk.wait(app.config.warning_seconds)
    assert isinstance(kiosk.screen, AttractScreen) and len(app.stack) == 1
    assert app.session is None and app.language == "en"
    # The monkey got around: into stories, the warning and the staff PIN pad.
    assert {"KioskSceneScreen", "WarningScreen", "PinScreen", "LanguageScreen"} <= screens, screens
    assert stats.sessions() > 0


def test_random_events_with_a_failing_statistics_database(start_kiosk, tmp_path):
    """Every few hundred frames the database is locked, damaged, deleted or given back."""
    path = tmp_path / "failing.sqlite3"
    kiosk = start_kiosk(size=(1024, 600))
    stats = kiosk.app.stats = Stats(path, wall=lambda: 1_700_000_000.0, clock=kiosk.clock)
    holder: list[sqlite3.Connection] = []
    seen: set[str] = set()

    def release() -> None:
        while holder:
            conn = holder.pop()
            conn.execute("ROLLBACK")
            conn.close()

    def trouble(frame: int) -> None:
        if stats.status():
            seen.add(stats.status().split(":")[0].split(" ")[-1])
        if frame % 150 != 75:
            return
        release()
        kind = (frame // 150) % 4
        if kind == 0 and path.exists():  # another program takes the database
            holder.append(sqlite3.connect(path, isolation_level=None))
            holder[-1].execute("BEGIN EXCLUSIVE")
        elif kind == 1:  # a damaged copy is put in its place (a bad restore, a rotting disk)
            rotten = tmp_path / "rotten"
            rotten.write_bytes(b"\0rotten" * 512)
            rotten.replace(path)
        elif kind == 2:  # someone deletes it
            for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                name.unlink(missing_ok=True)

    monkey(kiosk, 6_000, random.Random(1934), trouble)
    release()
    kiosk.clock.now += 60
    kiosk.wait(kiosk.app.config.idle_seconds)
    kiosk.wait(kiosk.app.config.warning_seconds)
    assert isinstance(kiosk.screen, AttractScreen) and kiosk.app.running
    assert stats.sessions() > 0 and list(tmp_path.glob("failing.sqlite3.damaged*"))
    assert seen, "the database never failed where the kiosk could notice"
    stats.close()
