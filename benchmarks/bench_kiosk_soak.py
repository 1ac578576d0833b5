"""Soak test of the kiosk: thousands of simulated visits through the real app; memory must stay flat.

Run: .venv/bin/python benchmarks/bench_kiosk_soak.py [--visits 2000] [--size 1280x720]
Drives the kiosk with posted touch events and an injected clock (dummy video driver), like
visitors who finish, walk away mid-story, switch languages and try another perspective. Prints
the resident memory and the open files at the start, after a warm-up, and at the end, and the
growth. Asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["VOT_DATA_DIR"] = tempfile.mkdtemp(prefix="vot-soak-")  # never the museum's statistics

import pygame  # noqa: E402

from game.kiosk import config as kiosk_config  # noqa: E402
from game.kiosk.app import KioskApp  # noqa: E402
from game.kiosk.play import KioskEndingScreen, KioskSceneScreen  # noqa: E402
from game.kiosk.stats import Stats  # noqa: E402
from game.story_i18n import load_story_in  # noqa: E402
from game.ui.scene_labels import ContentNoteDialog  # noqa: E402
from game.ui.screenshots import FakeClock  # noqa: E402


def rss_mb() -> float:
    """Resident memory now, from /proc (Linux); else the peak from getrusage."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def open_files() -> int:
    """Files, sockets and pipes open now (Linux); -1 where /proc/self/fd is not there."""
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:
        return -1


class Visitor:
    """Taps as a visitor would, through posted finger events."""

    def __init__(self, app: KioskApp, clock: FakeClock, rng: random.Random) -> None:
        self.app, self.clock, self.rng = app, clock, rng

    def tap(self, pos: tuple[int, int]) -> None:
        w, h = self.app.kit.size
        finger = {"touch_id": 1, "finger_id": 1, "x": pos[0] / w, "y": pos[1] / h, "dx": 0.0,
                  "dy": 0.0, "pressure": 1.0}  # fmt: skip
        pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, **finger))
        pygame.event.post(pygame.event.Event(pygame.FINGERUP, **finger))
        self.clock.now += self.rng.uniform(1, 8)
        self.app.pump()

    def press(self, button) -> None:
        rect = button.rect.clip(button.clip) if button.clip else button.rect
        if rect.width and rect.height:
            self.tap(rect.center)
        else:  # scrolled out of view: drag up to it
            self.app.screen.scroll(button.rect.y - self.app.screen.view.y)
            self.app.pump()

    def walk_away(self) -> None:
        for seconds in (self.app.config.idle_seconds, self.app.config.warning_seconds):
            self.clock.now += seconds
            self.app.pump()

    def visit(self) -> None:
        rng, app = self.rng, self.app
        self.tap((app.kit.size[0] // 2, app.kit.size[1] // 2))  # the attract screen
        self.press(rng.choice(app.screen.cards))  # a language
        self.press(rng.choice(app.screen.cards))  # a perspective
        leave_at = rng.choice([2, 4, 99, 99, 99])  # some walk away mid-story
        turns = 0
        while turns < 60:
            if isinstance(app.screen, ContentNoteDialog):
                self.press(app.screen.group.buttons[0])  # Continue, past a scene's content note
                continue
            if not isinstance(app.screen, KioskSceneScreen):
                break
            scene = app.screen
            if not scene.done:
                self.tap(scene.view.center)
            if turns >= leave_at:
                return self.walk_away()
            self.press(rng.choice(scene.group.buttons))
            turns += 1
        if isinstance(app.screen, KioskEndingScreen):
            if rng.random() < 0.1:
                self.press(app.screen.another)  # another perspective, then gone
                return self.walk_away()
            self.press(app.screen.back_button)  # Finish
        if len(app.stack) > 1:
            self.walk_away()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=2000)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--config", type=Path, default=ROOT / "docs" / "kiosk.example.toml")
    args = parser.parse_args()
    config = dataclasses.replace(kiosk_config.load(args.config), fullscreen=False)
    story = load_story_in(config.story or ROOT / "story", config.languages[0])
    width, _, height = args.size.partition("x")
    clock = FakeClock()
    stats = Stats()
    app = KioskApp(config, story, stats, size=(int(width), int(height)), clock=clock)
    visitor = Visitor(app, clock, random.Random(1916))
    start, files_at_start = rss_mb(), open_files()
    warm = max(1, args.visits // 10)
    wall = time.perf_counter()
    for i in range(args.visits):
        visitor.visit()
        if i + 1 == warm:
            warmed, files_warmed = rss_mb(), open_files()
        if (i + 1) % max(1, args.visits // 10) == 0:
            print(f"  {i + 1:>6} visits  rss {rss_mb():7.1f} MB  files {open_files()}  "
                  f"screens {len(app.stack)}")  # fmt: skip
    end = rss_mb()
    seconds = time.perf_counter() - wall
    print(f"visits:               {args.visits} ({stats.sessions()} sessions recorded, "
          f"{seconds:.0f} s, {1000 * seconds / args.visits:.0f} ms a visit)")  # fmt: skip
    print(f"resident at start:    {start:7.1f} MB")
    print(f"after {warm} visits:   {warmed:7.1f} MB")
    print(f"at the end:           {end:7.1f} MB")
    print(f"growth after warm-up: {end - warmed:+7.1f} MB "
          f"({1024 * (end - warmed) / max(1, args.visits - warm):+.2f} KB a visit)")  # fmt: skip
    print(f"open files:           {files_at_start} at start, {files_warmed} after warm-up, "
          f"{open_files()} at the end")  # fmt: skip
    app.close()
    stats.close()
    pygame.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
