"""Live reload inside the Pygame player: a saved edit shows up in place; a broken one is listed."""

from __future__ import annotations

import shutil

import pytest

pygame = pytest.importorskip("pygame")

from game.engine import load_story  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.reload import LiveReload  # noqa: E402
from game.ui.screens.dialog import MessageDialog  # noqa: E402
from game.ui.session import Session  # noqa: E402
from tests.authoring.conftest import Clock, edit  # noqa: E402
from tests.conftest import FIXTURES  # noqa: E402

FIELD = "perspectives/farmer/01_field.yaml"


@pytest.fixture
def playing(tmp_path):
    """An app playing the mini story from a copy, at the teacher's scene, watched live."""
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    clock = Clock()
    app = App(load_story(root), clock=clock)
    app.live = LiveReload(app, root)
    session = Session.start(app.story, "farmer", app.profile, clock)
    session.choose([o.text for o in session.pt.choices()].index("Ask the Jadid teacher"))
    app.start_session(session)
    app.pump()
    yield app, root, clock
    app.close()


def test_saved_edit_appears_in_place_within_a_second(playing):
    app, root, clock = playing
    edit(root / FIELD, "He speaks of schools.", "He speaks of new schools.")
    app.pump()
    assert app.session.pt.paragraphs()[0].text == "He speaks of schools."  # not yet looked
    clock.now += 1
    app.pump()
    assert app.session.pt.scene.id == "teacher"
    assert app.session.pt.paragraphs()[0].text == "He speaks of new schools."
    assert app.screen.pt is app.session.pt  # the scene screen shows the new playthrough
    assert "kept your place" in app.live.note


def test_broken_edit_lists_problems_and_the_fix_clears_them(playing):
    app, root, clock = playing
    good = app.story
    edit(root / FIELD, "goto: teacher", "goto: teachr")
    clock.now += 1
    app.pump()
    assert isinstance(app.screen, MessageDialog) and app.story is good
    assert "unknown scene 'teachr'" in app.screen.message
    edit(root / FIELD, "goto: teachr", "goto: teacher")
    clock.now += 1
    app.pump()
    assert not isinstance(app.screen, MessageDialog) and app.story is not good


def test_f5_reloads_at_once(playing):
    app, root, _ = playing
    edit(root / FIELD, "He speaks of schools.", "He speaks of old schools.")
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F5, mod=0, unicode="",
                                         scancode=0))  # fmt: skip
    app.pump()
    assert app.session.pt.paragraphs()[0].text == "He speaks of old schools."


def test_lost_scene_starts_the_perspective_again(playing):
    app, root, _ = playing
    text = (root / FIELD).read_text("utf-8")
    text = text.replace("goto: teacher", "goto: bazaar")
    text = text[: text.index("  teacher:")] + text[text.index("  bazaar:") :]
    (root / FIELD).write_text(text, "utf-8")
    app.live.now()
    assert app.session.pt.scene.id == "field" and app.session.pt.turn == 0
    assert "'teacher'" in app.live.note


def _shown_lines(dialog) -> list[str]:
    page = dialog._pages(dialog.rect.width - 2 * dialog.kit.px(32))
    return ["".join(run.text for run in line.runs) for line in page.lines]


def test_every_problem_and_its_whole_hint_are_shown_in_the_panel(playing):
    app, root, clock = playing
    edit(root / FIELD, "goto: teacher", "goto: teachr")
    edit(root / FIELD, "goto: hills", "goto: hils")
    clock.now += 1
    app.pump()
    lines = _shown_lines(app.screen)
    assert not [line for line in lines if "\n" in line], "a newline drawn inside a line garbles it"
    shown = " ".join(" ".join(lines).split())
    assert "unknown scene 'teachr'" in shown and "unknown scene 'hils'" in shown
    # each hint starts its own line, whole
    assert {"hint: did you mean 'teacher'?", "hint: did you mean 'hills'?"} <= set(lines)
    assert app.screen.rect.height <= app.kit.size[1]  # the panel fits the window
