"""The first frame before the story: a valid cache's preview lets the title screen show at once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pygame
import pytest

from game import saves
from game.engine import Problem, StoryError, load_story
from game.engine.model import Story
from game.engine.runtime import Playthrough
from game.opening import StoryPreview, open_story
from game.ui import app as app_module
from game.ui.app import App
from game.ui.screens.scene import SceneScreen
from tests.conftest import ROOT
from tests.ui.conftest import FIXTURE_STORY, Driver


@pytest.fixture
def story_dir(tmp_path):
    root = tmp_path / "story"
    shutil.copytree(FIXTURE_STORY, root)
    return root


def open_app(story, clock) -> Driver:
    return Driver(App(story, size=(1280, 720), clock=clock), clock)


def test_a_story_opens_from_its_preview_once_it_has_loaded_cleanly(story_dir):
    first = open_story(story_dir, "en")
    assert isinstance(first, Story)  # nothing cached yet: read now
    second = open_story(story_dir, "en")
    assert isinstance(second, StoryPreview)
    assert (second.id, second.title, second.scenes) == (first.id, first.title, set(first.scenes))
    assert second.load().scenes.keys() == first.scenes.keys()
    (story_dir / "story.yaml").write_text((story_dir / "story.yaml").read_text() + "\n")
    assert isinstance(open_story(story_dir, "en"), Story)  # an edit: no preview to trust


def test_the_first_frame_is_drawn_before_the_story_is_read(story_dir, clock):
    open_story(story_dir, "en")
    ui = open_app(open_story(story_dir, "en"), clock)
    assert isinstance(ui.app.story_outline, StoryPreview)
    assert ui.app.window.title == ui.app.story_outline.title
    ui.pump()
    assert ui.app.frames == 1
    assert isinstance(ui.app.story_outline, Story)  # read right after that frame
    ui.begin_story()  # and the game goes on as usual
    assert isinstance(ui.screen, SceneScreen)
    ui.app.close()


def test_continue_is_offered_from_the_preview_exactly_when_the_autosave_fits(story_dir, clock):
    story = load_story(story_dir, use_cache=True)
    pt = Playthrough.start(story, story.perspectives[0].id)
    saves.write(saves.AUTOSAVE, pt, 12.0)
    ui = open_app(open_story(story_dir, "en"), clock)
    labels = [b.label for b in ui.app.screen.group.buttons]
    assert isinstance(ui.app.story_outline, StoryPreview) and labels[0] == "Continue"
    ui.click("Continue")
    assert isinstance(ui.screen, SceneScreen) and ui.screen.pt.scene.id == pt.scene.id
    ui.app.close()

    path = saves.slot_path(saves.AUTOSAVE)
    path.write_text(path.read_text().replace(f'"scene": "{pt.scene.id}"', '"scene": "gone"'))
    ui = open_app(open_story(story_dir, "en"), clock)
    assert "Continue" not in [b.label for b in ui.app.screen.group.buttons]
    ui.app.close()


def test_a_story_that_fails_after_its_preview_is_reported_not_a_crash(story_dir, monkeypatch,
                                                                       capsys):  # fmt: skip
    open_story(story_dir, "en")

    def broken(self):
        raise StoryError([Problem("story.yaml", 1, 1, "changed under our feet")])

    draw = App.draw

    def draw_then_quit(self):  # so that a load that does not fail ends the test, not hangs it
        draw(self)
        pygame.event.post(pygame.event.Event(pygame.QUIT))

    monkeypatch.setattr(StoryPreview, "load", broken)
    monkeypatch.setattr(App, "draw", draw_then_quit)
    monkeypatch.setattr(app_module, "default_story_dir", lambda: story_dir)
    assert app_module.main([]) == 1
    assert "story.yaml:1:1: error E100: changed under our feet" in capsys.readouterr().err


FIRST_FRAME = """
import sys, pygame
from game.ui import app
draw = app.App.draw
def first_frame(self):
    draw(self)
    if self.frames == 1:
        print(sorted(sys.modules))
        pygame.event.post(pygame.event.Event(pygame.QUIT))
app.App.draw = first_frame
from game.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("with_story", [False, True], ids=["python -m game", "play --story"])
def test_the_real_start_draws_the_title_before_importing_the_engine(story_dir, with_story):
    environ = dict(os.environ, PYTHONPATH=str(ROOT))
    argv = ["play", "--story", str(story_dir)] if with_story else []  # [] plays story/
    runs = [subprocess.run([sys.executable, "-c", FIRST_FRAME, *argv], env=environ,
                           capture_output=True, text=True, check=True, cwd=ROOT)
            for _ in range(2)]  # fmt: skip
    cold, warm = (eval_list(run.stdout) for run in runs)
    assert "game.engine.load" in cold  # the first start reads the story and writes the cache
    # Once cached, the loader, runtime and authoring tools wait until the title is on screen.
    for module in ("game.engine.load", "game.engine.runtime", "game.authoring.watch",
                   "game.authoring.check", "game.ui.art.picture"):  # fmt: skip
        assert module not in warm, module
    assert ("argparse" in warm) == with_story  # no arguments: nothing to parse


def eval_list(stdout: str) -> list[str]:
    line = [x for x in stdout.splitlines() if x.startswith("[")][-1]
    return [name.strip(" '") for name in line.strip("[]").split(",")]


def test_work_deferred_past_the_first_frame_is_all_done_after_it(ui):
    assert ui.app.frames == 1 and ui.app.after_first_frame == []
    for language in ("en", "ru", "uz"):
        ui.app.kit.warm(language)  # every language's letters, in the body face


def test_a_damaged_preview_means_reading_the_story_first(story_dir):
    import marshal

    from game.engine import cache

    open_story(story_dir, "en")
    path = cache._path_for(story_dir, None, cache.PREVIEW_SUFFIX)
    blob = marshal.loads(path.read_bytes())
    for bad in ({"id": 3, "title": "t", "scenes": []}, {"id": "s", "title": "t", "scenes": 7},
                "nonsense"):  # fmt: skip
        path.write_bytes(marshal.dumps({**blob, "preview": bad}))
        assert isinstance(open_story(story_dir, "en"), Story)
    path.write_bytes(b"\x00garbage")
    assert isinstance(open_story(story_dir, "en"), Story)
    assert isinstance(open_story(story_dir, "en"), StoryPreview)  # mended by that read
