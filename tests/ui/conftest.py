"""Fixtures for driving the real player headless: a small story, a fake clock, and a driver."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pygame
import pytest

from game.engine import load_story
from game.ui.app import App
from game.ui.widgets import Button
from tests.conftest import STORY

FIXTURE_STORY = Path(__file__).parent / "fixtures" / "story"


def open_files() -> int:
    """Files, sockets and pipes this process has open (Linux)."""
    return len(os.listdir("/proc/self/fd"))


@contextmanager
def no_collector() -> Iterator[None]:
    """Only what is let go of on purpose counts: the cyclic collector may run at any time,
    and on a kiosk it hardly ever does (the story is frozen out of its reach)."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class FakeClock:
    """Time that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Driver:
    """Posts real pygame events to the app and lets it handle them, as a player would."""

    def __init__(self, app: App, clock: FakeClock) -> None:
        self.app = app
        self.clock = clock

    @property
    def screen(self):
        return self.app.screen

    def pump(self) -> None:
        self.app.pump()

    def post(self, kind: int, **attrs) -> None:
        pygame.event.post(pygame.event.Event(kind, **attrs))

    def buttons(self) -> list[Button]:
        screen = self.screen
        found = list(screen.group.buttons)
        if hasattr(screen, "tools"):
            found += screen.tools.buttons
        if getattr(screen, "event_button", None) is not None and screen.pt.scene.event:
            found.append(screen.event_button)
        return found

    def button(self, label: str) -> Button:
        for button in self.buttons():
            if button.label == label:
                return button
        raise AssertionError(f"no button {label!r} on {type(self.screen).__name__}: "
                             f"{[b.label for b in self.buttons()]}")  # fmt: skip

    def _visible(self, target: Button | str) -> tuple[int, int]:
        button = self.button(target) if isinstance(target, str) else target
        rect = button.rect.clip(button.clip) if button.clip is not None else button.rect
        assert rect.width > 0 and rect.height > 0, f"{button.label!r} is scrolled out of view"
        return rect.center

    def click(self, target: Button | str | tuple[int, int]) -> None:
        pos = target if isinstance(target, tuple) else self._visible(target)
        self.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)
        self.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False)
        self.post(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)
        self.pump()

    def tap(self, target: Button | str | tuple[int, int]) -> None:
        pos = target if isinstance(target, tuple) else self._visible(target)
        w, h = self.app.kit.size
        finger = {"touch_id": 1, "finger_id": 7, "x": pos[0] / w, "y": pos[1] / h, "pressure": 1.0}
        self.post(pygame.FINGERDOWN, dx=0.0, dy=0.0, **finger)
        self.post(pygame.FINGERUP, dx=0.0, dy=0.0, **finger)
        self.pump()

    def begin_story(self):
        """From the title: New story, past the content note, into the first perspective."""
        self.click("New story")
        self.click("I understand — continue")
        self.click(self.screen.cards[0])
        return self.screen

    def past_note(self) -> None:
        """Read on past the content note shown before a scene with warnings."""
        from game.ui.scene_labels import ContentNoteDialog

        assert isinstance(self.screen, ContentNoteDialog), f"no content note: {self.screen}"
        self.click("Continue")

    def key(self, key: int, times: int = 1) -> None:
        for _ in range(times):
            self.post(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)
        self.pump()

    def wheel(self, dy: int) -> None:
        self.post(pygame.MOUSEWHEEL, x=0, y=dy, precise_x=0.0, precise_y=float(dy), flipped=False,
                  touch=False)  # fmt: skip
        self.pump()

    def wait(self, seconds: float) -> None:
        self.clock.now += seconds
        self.pump()

    def resize(self, w: int, h: int) -> None:
        self.post(pygame.VIDEORESIZE, w=w, h=h, size=(w, h))
        self.pump()

    def pixels(self) -> pygame.Surface:
        self.app.redraw()
        self.pump()
        return self.app.window.get_surface()


@pytest.fixture(scope="session")
def story():
    return load_story(FIXTURE_STORY)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def start_app(story, clock):
    """Open an app (several in one test to 'restart' the game); all are closed afterwards."""
    apps: list[App] = []

    def start(size: tuple[int, int] = (1280, 720)) -> Driver:
        if apps:
            apps[-1].close()
        app = App(story, size=size, clock=clock)
        apps.append(app)
        driver = Driver(app, clock)
        driver.pump()
        return driver

    yield start
    for app in apps:
        app.close()


@pytest.fixture
def ui(start_app) -> Driver:
    return start_app()


@pytest.fixture(scope="session")
def shipped():
    """The shipped story: its places of every kind, its two perspectives."""
    return load_story(STORY)


@pytest.fixture
def player(shipped):
    """Open apps on the shipped story, with settings applied; all are closed afterwards."""
    apps: list[App] = []

    def start(size: tuple[int, int] = (1280, 720), **settings) -> Driver:
        clock = FakeClock()
        app = App(shipped, size=size, clock=clock)
        apps.append(app)
        if settings:
            app.change_settings(**settings)
        ui = Driver(app, clock)
        ui.pump()
        return ui

    yield start
    for app in apps:
        app.close()
