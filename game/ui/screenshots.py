"""`python -m game screenshots DIR`: a PNG of every screen at 1280×720 and 1920×1080."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    from game.ui.scene_labels import ContentNoteDialog
    from game.ui.screens.backlog import BacklogScreen
    from game.ui.screens.card import EventCard, TermCard
    from game.ui.screens.codex import CodexScreen
    from game.ui.screens.content_note import ContentNoteScreen
    from game.ui.screens.dialog import MessageDialog
    from game.ui.screens.ending import EndingScreen
    from game.ui.screens.map import MapScreen, PlaceCard
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

    noted: list[str] = []

    def read_on() -> None:
        """Past a scene's content note, photographing the first one met."""
        app.pump()
        if isinstance(app.screen, ContentNoteDialog):
            if not noted:
                shot("07a-content-note")
                noted.append(session_scene())
            app.pop()

    def session_scene() -> str:
        assert app.session is not None  # a session is open whenever a scene is shown
        return app.session.pt.scene.id

    shot("01-title")
    show(ContentNoteScreen(app), "02-content-note")
    show(PerspectivesScreen(app), "03-perspectives")
    first = story.perspectives[0].id
    app.start_session(Session.start(story, first, app.profile, clock))
    read_on()
    clock.now += 2.0
    shot("04-scene-typing")
    clock.now += 600
    app.pump()
    clock.now += 1  # the choices glided into view
    shot("05-scene")
    session = app.session
    assert session is not None  # started just above
    term = next((s.term for p in session.pt.paragraphs() for s in p.spans if s.term), None)
    if term:
        show(TermCard(app, term), "06-codex-card")
    # Walk on by the first choice until an event-linked scene (and later the ending).
    event_shot = False
    kinds_shot = {_place_kind(story, session.pt.scene)}
    while not session.pt.is_over and session.pt.choices():
        kind = _place_kind(story, session.pt.scene)
        if kind not in kinds_shot and len(kinds_shot) < 3:
            kinds_shot.add(kind)
            shot(f"21-scene-{kind}")
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
        top(app).choose(0)
        read_on()
        clock.now += 600
        app.pump()
        clock.now += 1
        app.pump()
    _also_lived_shot(app, session.pt.perspective.id, show)
    show(CodexScreen(app), "17-codex")
    show(TimelineScreen(app), "18-timeline")
    if session.pt.is_over:
        shot("19-scene-last")
        app.switch(EndingScreen(app))
        shot("20-ending")
        top(app).scroll(top(app).page.height)
        shot("20-ending-looking-back")
    _travel(app, story.perspectives[-1].id, clock, shot, kinds_shot)
    app.push(MapScreen(app))
    clock.now += 600  # the route has drawn itself
    shot("22-map")
    if top(app).stops:
        show(PlaceCard(app, top(app).stops[-1]), "23-map-place")
    app.pop()
    if app.session is not None and app.session.pt.is_over:
        app.switch(EndingScreen(app))
        top(app).scroll(top(app).stack.tops[2])
        shot("24-ending-far-travelled")
    app.close()  # before quitting SDL, or a later collected Window may destroy a new one
    pygame.quit()
    return written


def _travel(app, perspective: str, clock, shot, kinds_shot: set[str]) -> None:
    """Play `perspective` taking, where it can, the choice that leads to a new place."""
    from game.ui.session import Session

    app.start_session(Session.start(app.story, perspective, app.profile, clock))
    pt = app.session.pt
    been = {pt.scene.place}
    while not pt.is_over and pt.choices():
        _past_note(app)
        kind = _place_kind(app.story, pt.scene)
        if kind not in kinds_shot and len(kinds_shot) < 6:
            kinds_shot.add(kind)
            clock.now += 600
            shot(f"21-scene-{kind}")
        places = [app.story.scenes[o.choice.goto].place for o in pt.choices()]
        pick = next((i for i, p in enumerate(places) if p not in been), 0)
        been.add(places[pick])
        app.screen.choose(pick)
        clock.now += 600
        app.pump()


def _past_note(app) -> None:
    """Past a scene's content note: the picture wanted is the scene itself."""
    from game.ui.scene_labels import ContentNoteDialog

    app.pump()
    if isinstance(app.screen, ContentNoteDialog):
        app.pop()
        app.pump()


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
        app.pump()
        if app.screen is not app.stack[1]:
            app.pop()  # a content note before the first scene: the scene is the picture
        top(app).complete()
        shot(f"{language}-scene")
    app.close()
    return written


def _also_lived_shot(app, here: str, show) -> None:
    """The "What really happened" card of an event another perspective shares, as it reads once
    that perspective is finished (the profile is told so only for the picture)."""
    from game.engine.crossref import also_lived_by
    from game.ui.screens.card import EventCard

    story = app.story
    others = [p.id for p in story.perspectives if p.id != here]
    shared = next((s for sid in story.perspective(here).scene_ids
                   if (s := story.scenes[sid]).event
                   and also_lived_by(story, s.event, here, others)), None)  # fmt: skip
    if shared is None:
        return
    kept = dict(app.profile.finished)
    app.profile.finished.update({pid: ["(for the picture)"] for pid in others})
    show(EventCard(app, shared.event, shared), "08b-also-lived-by")
    app.profile.finished = kept


def top(app) -> Any:
    """The screen on top, as the script knows it to be (a scene, a pad…) at that step."""
    return app.screen


def _place_kind(story, scene) -> str:
    place = story.places.get(scene.place) if scene.place else None
    return place.kind if place is not None else ""


def _damage_slots(saves) -> None:
    """Slot 2 unreadable and slot 3 from a story that lost its scene, to show how they look."""
    saves.slot_path("2").write_text("{ not json", encoding="utf-8")
    data = saves.storage.read_json(saves.slot_path("1"))
    data["header"]["scene"] = data["state"]["state"]["scene"] = "a_scene_since_removed"
    saves.storage.write_json(saves.slot_path("3"), data)


def main(argv: list[str]) -> int:
    from game.paths import default_story_dir
    from game.progname import program

    parser = argparse.ArgumentParser(prog=f"{program()} screenshots")
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
