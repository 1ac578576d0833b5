"""`python -m game screenshots DIR`: a PNG of every screen at 1280×720 and 1920×1080."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

SIZES = ((1280, 720), (1920, 1080))


class FakeClock:
    """Time that moves only when told, so the typewriter can be caught mid-page."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def shoot_all(story_dir: Path, out: Path, size: tuple[int, int]) -> list[Path]:
    """Play through the story's first perspective, saving a picture of each screen on the way."""
    import pygame

    from game import saves
    from game.engine import load_story
    from game.ui.app import App
    from game.ui.screens.backlog import BacklogScreen
    from game.ui.screens.card import EventCard, TermCard
    from game.ui.screens.codex import CodexScreen
    from game.ui.screens.content_note import ContentNoteScreen
    from game.ui.screens.dialog import MessageDialog
    from game.ui.screens.ending import EndingScreen
    from game.ui.screens.pause import PauseScreen
    from game.ui.screens.perspectives import PerspectivesScreen
    from game.ui.screens.saves import SavesScreen
    from game.ui.screens.settings import SettingsScreen
    from game.ui.screens.timeline import TimelineScreen
    from game.ui.session import Session

    story = load_story(story_dir)
    clock = FakeClock()
    app = App(story, size=size, clock=clock)
    written: list[Path] = []

    def shot(name: str) -> None:
        app.redraw()
        app.pump()
        path = out / f"{name}-{size[0]}x{size[1]}.png"
        pygame.image.save(app.window.get_surface(), path)
        written.append(path)

    def show(screen, name: str, then: Callable[[], None] | None = None) -> None:
        app.push(screen)
        shot(name)
        (then or app.pop)()

    shot("01-title")
    show(ContentNoteScreen(app), "02-content-note")
    show(PerspectivesScreen(app), "03-perspectives")
    first = story.perspectives[0].id
    app.start_session(Session.start(story, first, app.profile, clock))
    clock.now += 2.0
    shot("04-scene-typing")
    clock.now += 600
    shot("05-scene")
    session = app.session
    term = next((s.term for p in session.pt.paragraphs() for s in p.spans if s.term), None)
    if term:
        show(TermCard(app, term), "06-codex-card")
    # Walk on by the first choice until an event-linked scene (and later the ending).
    event_shot = False
    while not session.pt.is_over and session.pt.choices():
        if session.pt.scene.event and not event_shot:
            shot("07-scene-with-event")
            show(
                EventCard(app, session.pt.scene.event, session.pt.scene), "08-what-really-happened"
            )
            session.save("1")
            _damage_slots(saves)
            show(SavesScreen(app, mode="save"), "10-save")
            show(SavesScreen(app, mode="load"), "11-load")
            info = saves.inspect("2", story)
            show(MessageDialog(app, "Slot 2 holds a damaged save", info.problem or ""), "12-dialog")
            show(PauseScreen(app), "13-pause")
            show(SettingsScreen(app), "14-settings")
            for theme in ("dark", "high_contrast"):
                app.change_settings(theme=theme)
                shot(f"15-scene-{theme}")
            app.change_settings(theme="default", text_size="largest")
            shot("16-scene-largest-text")
            app.change_settings(text_size="medium")
            event_shot = True
        if session.pt.turn == 3:
            show(BacklogScreen(app), "09-history")
        app.screen.choose(0)
        clock.now += 600
        app.pump()
    show(CodexScreen(app), "17-codex")
    show(TimelineScreen(app), "18-timeline")
    if session.pt.is_over:
        shot("19-scene-last")
        app.switch(EndingScreen(app))
        shot("20-ending")
    app.close()  # before quitting SDL, or a later collected Window may destroy a new one
    pygame.quit()
    return written


def shoot_languages(story_dir: Path, out: Path, size: tuple[int, int] = (1920, 1080)) -> list[Path]:
    """The title and the first scene, whole, in every language: lang-<code>-title/scene.png."""
    import pygame

    from game.engine import load_story
    from game.i18n import available_languages
    from game.ui.app import App
    from game.ui.session import Session

    clock = FakeClock()
    app = App(load_story(story_dir, use_cache=True), size=size, clock=clock)
    written: list[Path] = []

    def shot(name: str) -> None:
        app.redraw()
        app.pump()
        written.append(out / f"lang-{name}.png")
        pygame.image.save(app.window.get_surface(), written[-1])

    for language in available_languages():  # every title before any autosave adds Continue
        app.change_settings(language=language)
        shot(f"{language}-title")
    for language in available_languages():
        app.change_settings(language=language)
        first = app.story.perspectives[0].id
        app.start_session(Session.start(app.story, first, app.profile, clock))
        app.screen.complete()
        shot(f"{language}-scene")
    app.close()
    return written


def _damage_slots(saves) -> None:
    """Slot 2 unreadable and slot 3 from a story that lost its scene, to show how they look."""
    saves.slot_path("2").write_text("{ not json", encoding="utf-8")
    data = saves.storage.read_json(saves.slot_path("1"))
    data["header"]["scene"] = data["state"]["state"]["scene"] = "a_scene_since_removed"
    saves.storage.write_json(saves.slot_path("3"), data)


def main(argv: list[str]) -> int:
    from game.paths import default_story_dir

    parser = argparse.ArgumentParser(prog="python -m game screenshots")
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--story", type=Path, default=None)
    parser.add_argument("--languages", action="store_true",
                        help="only the title and a scene in each language, at 1920×1080")  # fmt: skip
    args = parser.parse_args(argv)
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file of that name, or a folder that cannot be written to
        print(f"python -m game screenshots: {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    count = 0
    before = os.environ.get("VOT_DATA_DIR")
    try:
        for size in [(1920, 1080)] if args.languages else SIZES:
            # A fresh, private data folder: the player's own saves and settings are never touched.
            with tempfile.TemporaryDirectory() as data:
                os.environ["VOT_DATA_DIR"] = data
                shoot = shoot_languages if args.languages else shoot_all
                count += len(shoot(args.story or default_story_dir(), args.out, size))
    finally:
        if before is None:
            os.environ.pop("VOT_DATA_DIR", None)
        else:
            os.environ["VOT_DATA_DIR"] = before
    print(f"wrote {count} screenshots to {args.out}")
    return 0
