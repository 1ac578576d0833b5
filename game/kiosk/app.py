"""The kiosk's app: the desktop player locked down, reset between visitors, and counting visits."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from typing import Any

import pygame

from game.engine.expr import StoryRuntimeError
from game.engine.model import Perspective, Story
from game.kiosk.config import KioskConfig
from game.kiosk.idle import IdleTimer, Phase
from game.kiosk.pin import PinGuard
from game.kiosk.stats import NoStats, Stats
from game.kiosk.supervisor import HEARTBEAT_ENV, STAFF_EXIT
from game.settings import Settings
from game.ui.app import App
from game.ui.screen import Screen

log = logging.getLogger("game.kiosk")
MIN_TEXT = 32 / 1.5  # design pixels: 32 px at 1920×1080, about 24 pt seen from three metres
PRESSES = (pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN)
RELEASES = (pygame.MOUSEBUTTONUP, pygame.FINGERUP)
ACTIVITY = (*PRESSES, pygame.KEYDOWN, pygame.MOUSEWHEEL, pygame.FINGERMOTION)


def blocked(event: pygame.event.Event) -> bool:
    """What a visitor must not be able to do: quit, close the window, leave full screen."""
    if event.type in (pygame.QUIT, pygame.WINDOWCLOSE):
        return True
    if event.type != pygame.KEYDOWN:
        return False
    alt_f4 = event.key == pygame.K_F4 and event.mod & pygame.KMOD_ALT
    return bool(alt_f4) or event.key in (pygame.K_ESCAPE, pygame.K_F11)


class Heartbeat:
    """A byte a second down the supervisor's pipe: 'the loop is still turning'."""

    def __init__(self, fd: int | None) -> None:
        self.fd = fd
        self.last = float("-inf")
        if fd is not None:
            os.set_blocking(fd, False)  # a full pipe must never stall the game

    @classmethod
    def from_env(cls) -> Heartbeat:
        value = os.environ.get(HEARTBEAT_ENV, "")
        return cls(int(value) if value.isdigit() else None)

    def beat(self, now: float) -> None:
        if self.fd is None or now - self.last < 1.0:
            return
        self.last = now
        try:
            os.write(self.fd, b".")
        except OSError:
            self.fd = None  # the supervisor is gone; play on regardless


class CornerTaps:
    """The staff gesture: `count` taps in the top-left corner within `within` seconds."""

    def __init__(self, count: int = 5, within: float = 3.0, corner: float = 0.09) -> None:
        self.count, self.within, self.corner = count, within, corner
        self.times: list[float] = []

    def tap(self, pos: tuple[int, int], size: tuple[int, int], now: float) -> bool:
        """Note a press; True on the press that completes the gesture."""
        reach = self.corner * min(size)
        if pos[0] > reach or pos[1] > reach:
            self.times.clear()  # a tap elsewhere breaks the sequence
            return False
        self.times = [t for t in self.times if now - t <= self.within] + [now]
        if len(self.times) >= self.count:
            self.times.clear()
            return True
        return False


class KioskApp(App):
    """Full screen, no quitting, no saves; idle visits reset to the attract screen."""

    def __init__(
        self,
        config: KioskConfig,
        story: Story,
        stats: Stats | NoStats,
        size: tuple[int, int] = (1920, 1080),
        clock: Callable[[], float] = time.monotonic,
        heartbeat: Heartbeat | None = None,
    ) -> None:
        self.config = config
        self.stats = stats
        self.idle = IdleTimer(config.idle_seconds, config.warning_seconds,
                              config.session_cap_seconds)  # fmt: skip
        self.gesture = CornerTaps()
        self.pin_guard = PinGuard()  # outlives each opening of the pad: guesses add up
        self.heartbeat = heartbeat or Heartbeat(None)
        self.exit_code = 0
        self._swallow: set[Any] = set()  # presses used up by the app: drop their releases too
        super().__init__(story, size, clock)
        pygame.mouse.set_visible(False)  # touch and mouse still work; the arrow is not shown
        self.change_settings(**self.visit_settings())

    # -- hooks into the desktop player
    def window_options(self) -> dict[str, bool]:
        return {"borderless": True} if self.config.fullscreen else {"resizable": True}

    def root_screen(self) -> Screen:
        from game.kiosk.attract import AttractScreen

        return AttractScreen(self)

    def scene_screen(self) -> Screen:
        from game.kiosk.play import KioskSceneScreen

        return KioskSceneScreen(self)

    def visit_settings(self) -> dict[str, Any]:
        """What every visitor starts with, whatever the last one changed."""
        c = self.config
        return {"text_size": c.text_size, "theme": c.theme, "text_speed": "normal",
                "fullscreen": c.fullscreen, "language": c.languages[0],
                "content_warnings": c.content_warnings, "read_aloud": c.read_aloud}  # fmt: skip

    def save_settings(self, new: Settings) -> None:
        """A kiosk's settings last one visit: applied at once, never written to disk."""

    @property
    def language(self) -> str:
        return self.settings.language

    def _sync_size(self) -> bool:
        changed = super()._sync_size()
        self.kit.min_px = round(MIN_TEXT * self.kit.scale)
        return changed

    def quit(self) -> None:
        """Visitors cannot quit a kiosk (only staff can, from the staff menu)."""

    def staff_exit(self) -> None:
        self.exit_code = STAFF_EXIT
        self.running = False

    def run(self) -> int:
        super().run()
        return self.exit_code

    # -- visits
    def perspectives(self) -> list[Perspective]:
        """The perspectives offered, in the config's order (all of them when it names none)."""
        wanted = self.config.perspectives or tuple(p.id for p in self.story.perspectives)
        return [self.story.perspective(pid) for pid in wanted]

    def begin_visit(self) -> None:
        """A touch on the attract screen: choose a language (when there is a choice), then a story."""
        from game.kiosk.language import LanguageScreen
        from game.kiosk.play import KioskPerspectivesScreen

        self.idle.begin(self.clock())
        many = len(self.config.languages) > 1
        self.push(LanguageScreen(self) if many else KioskPerspectivesScreen(self))

    def offer_perspectives(self) -> None:
        """After an ending: the perspectives again, in the same language (Back leads to them all)."""
        from game.kiosk.language import LanguageScreen
        from game.kiosk.play import KioskPerspectivesScreen

        App.home(self)  # not self.home(): the visit goes on
        if len(self.config.languages) > 1:
            self.push(LanguageScreen(self))
        self.push(KioskPerspectivesScreen(self))

    def choose_language(self, code: str) -> None:
        """Interface and story in `code` (English where a translation is missing)."""
        self.change_settings(language=code)

    def start_visit_session(self, perspective: str) -> None:
        from game.kiosk.play import KioskSession

        try:
            session = KioskSession.begin(self, perspective)
        except StoryRuntimeError as exc:
            self.story_failed(exc)
            return
        self.start_session(session)

    def story_failed(self, exc: Exception) -> None:
        """No visitor should meet a story error: log it for staff and start again."""
        log.error("story error; the visit is reset: %s", exc)
        self.reset("restart")

    def pop(self, screen: Screen | None = None, result: Any = None) -> None:
        super().pop(screen, result)
        if len(self.stack) == 1 and self.idle.phase is not Phase.ATTRACT:
            self.reset("restart")  # Back all the way to the attract screen ends the visit

    def home(self) -> None:
        """Every way back to the start ends the visit: the next visitor starts afresh."""
        self.reset("restart")

    def reset(self, how: str) -> None:
        """Close the visit (`how`: ending, idle, cap, restart) and show the attract screen."""
        session = self.session
        if session is not None and hasattr(session, "finish"):
            session.finish(how)
        self.session = None
        self.idle.end()
        self._swallow.clear()
        App.home(self)  # first, so only the attract screen is built again in the first language
        self.change_settings(**self.visit_settings())

    # -- time
    def update(self) -> bool:
        now = self.clock()
        self.heartbeat.beat(now)
        closing = self.idle.phase is Phase.CLOSING
        phase = self.idle.poll(now)
        if phase in (Phase.WARNING, Phase.CLOSING):
            from game.kiosk.warning import WarningScreen

            self.push(WarningScreen(self, closing=phase is Phase.CLOSING))
        elif phase is Phase.ATTRACT:
            self.reset("cap" if closing else "idle")
        return super().update()

    # -- input
    def handle(self, event: pygame.event.Event) -> None:
        if blocked(event) or self._swallowed(event):
            return
        if event.type in ACTIVITY and self._used_by_kiosk(event):
            return
        super().handle(event)

    def _used_by_kiosk(self, event: pygame.event.Event) -> bool:
        """A press that opens the staff PIN or cancels the idle warning does nothing else."""
        now = self.clock()
        pos = self._press_pos(event)
        if pos is not None and self.gesture.tap(pos, self.kit.size, now) and not self._staff_open():
            from game.kiosk.staff import PinScreen

            self._swallow_release(event)
            self.push(PinScreen(self))
            return True
        if self.idle.touch(now):
            from game.kiosk.warning import WarningScreen

            if isinstance(self.screen, WarningScreen):
                self.pop(self.screen)
            self._swallow_release(event)
            return True
        return False

    def _press_pos(self, event: pygame.event.Event) -> tuple[int, int] | None:
        if event.type == pygame.FINGERDOWN:
            w, h = self.kit.size
            return int(event.x * w), int(event.y * h)
        if event.type == pygame.MOUSEBUTTONDOWN and not getattr(event, "touch", False):
            return event.pos
        return None  # SDL's mouse copies of touches are counted once, as touches

    def _swallow_release(self, event: pygame.event.Event) -> None:
        if event.type in PRESSES:
            self._swallow.add(_pointer(event))

    def _swallowed(self, event: pygame.event.Event) -> bool:
        if event.type in RELEASES and _pointer(event) in self._swallow:
            self._swallow.discard(_pointer(event))
            return True
        return False

    def _staff_open(self) -> bool:
        from game.kiosk.staff import StaffScreen

        return any(isinstance(s, StaffScreen) for s in self.stack)


def _pointer(event: pygame.event.Event) -> Any:
    if event.type in (pygame.FINGERDOWN, pygame.FINGERUP):
        return ("finger", event.finger_id)
    return ("mouse", getattr(event, "button", 1))
