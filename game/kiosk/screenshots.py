"""`python -m game.kiosk.screenshots DIR`: the kiosk's screens at 1920×1080, for docs and review."""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import tempfile
from pathlib import Path

from game.kiosk import config as kiosk_config
from game.paths import kiosk_example
from game.ui.screenshots import FakeClock, top

SIZE = (1920, 1080)
EXAMPLE = kiosk_example()


def earlier_visits(stats, story, config, count: int = 60) -> None:
    """Visits by random readers, so the ending has other visitors to compare with."""
    from game.engine.runtime import Playthrough

    rng = random.Random(7)
    ids = config.perspectives or [p.id for p in story.perspectives]
    for i in range(count):
        pid = ids[i % len(ids)]
        pt = Playthrough.start(story, pid, seed=i, museum=config.museum)
        sid = stats.start(rng.choice(config.languages), pid, config.route)
        while not pt.is_over and pt.choices():
            index = rng.randrange(len(pt.choices()))
            stats.choice(sid, pt.scene.id, pt.choices()[index].choice.id)
            pt.choose(index)
        if pt.ending is not None:
            stats.ending(sid, pid, pt.ending.id)
        stats.end(sid, "ending" if pt.is_over else "idle", rng.uniform(120, 500), pt.scene.id)


def shoot(story_dir: Path, out: Path, config: kiosk_config.KioskConfig) -> list[Path]:
    """Walk a visit through the real kiosk app, saving a picture of each screen on the way."""
    import pygame

    from game.kiosk.app import KioskApp
    from game.kiosk.stats import Stats
    from game.kiosk.testscreen import TestScreen
    from game.story_i18n import load_story_in

    story = load_story_in(story_dir, config.languages[0])
    stats = Stats()
    earlier_visits(stats, story, config)
    clock = FakeClock()
    app = KioskApp(config, story, stats, size=SIZE, clock=clock)
    written: list[Path] = []

    def shot(name: str) -> None:
        app.redraw()
        app.pump()
        path = out / f"kiosk-{name}.png"
        pygame.image.save(app.window.get_surface(), path)
        written.append(path)

    clock.now += 6.5  # a route half drawn
    shot("attract")
    app.screen.pointer_up((960, 540))
    shot("language")
    top(app).cards[0].action()  # the first language
    top(app).cards[0].action()  # a touch on the first story's card: its detail shows
    shot("perspectives")
    top(app).begin()
    clock.now += 30  # the page typed out
    app.pump()
    clock.now += 1  # and the choices glided into view
    shot("scene")
    clock.now = app.idle.last_touch + config.idle_seconds
    app.pump()
    clock.now += 6  # six seconds into the countdown
    shot("idle-warning")
    app.idle.touch(clock.now)
    app.pop(app.screen)
    assert app.session is not None  # the visit started above
    while not app.session.pt.is_over and app.session.pt.choices():
        top(app).choose(0)
        clock.now += 60
        app.idle.touch(clock.now)  # a reader, not a walk-away
        app.pump()
        if app.screen is not app.stack[1]:  # a content note before the scene
            if not any(p.name == "kiosk-content-note.png" for p in written):
                shot("content-note")
            app.pop()
            app.pump()
    top(app).to_ending()
    shot("ending-with-statistics")
    app.gesture.times.clear()
    from game.kiosk.staff import PinScreen, StaffMenuScreen, StatsScreen

    app.push(PinScreen(app))
    top(app).entered = "12"
    shot("staff-pin")
    top(app).dismiss()  # the PIN itself is never known here: open the menu as a right one would
    app.push(StaffMenuScreen(app))
    shot("staff-menu")
    app.push(StatsScreen(app))
    shot("staff-statistics")
    app.pop()
    app.push(TestScreen(app))
    top(app).touched = {(1, 1), (4, 2), (6, 0)}
    shot("staff-test-screen")
    app.close()
    stats.close()
    pygame.quit()
    return written


def main(argv: list[str] | None = None) -> int:
    from game.paths import default_story_dir

    parser = argparse.ArgumentParser(prog="python -m game.kiosk.screenshots")
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--story", type=Path, default=None)
    parser.add_argument("--config", type=Path, default=EXAMPLE)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    config = dataclasses.replace(kiosk_config.load(args.config), fullscreen=False)
    if args.story:  # another story has other perspectives: offer them all
        config = dataclasses.replace(config, perspectives=())
    before = os.environ.get("VOT_DATA_DIR")
    with tempfile.TemporaryDirectory() as data:
        os.environ["VOT_DATA_DIR"] = data  # private statistics: the museum's are never touched
        try:
            written = shoot(args.story or config.story or default_story_dir(), args.out, config)
        finally:
            os.environ.pop("VOT_DATA_DIR") if before is None else os.environ.update(
                VOT_DATA_DIR=before
            )
    print(f"wrote {len(written)} screenshots to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
