"""Start anywhere: `tty` and `play` with --scene and --set, a test run that keeps nothing."""

from __future__ import annotations

import argparse
import io
import shutil

import pytest

from game import saves
from game.authoring import tty
from game.authoring.startat import StartError, start_at
from game.cli import build_parser
from game.engine import load_story
from tests.authoring.conftest import Clock, edit
from tests.conftest import FIXTURES

FIELD = "perspectives/farmer/01_field.yaml"


def test_start_at_a_scene_with_values():
    story = load_story(FIXTURES / "mini")
    pt = start_at(story, "bazaar", ["debt=0", "fled=true", "name=Aziza"])
    assert pt.scene.id == "bazaar" and pt.perspective.id == "farmer"
    assert (pt.vars["debt"], pt.vars["fled"], pt.vars["name"]) == (0, True, "Aziza")
    # 'Return to the field' needs debt > 0: the page is laid out with the values given
    assert [o.text for o in pt.choices()] == ["Leave for the hills"]
    pt.choose(0)
    assert pt.ending and pt.ending.id == "fled"


@pytest.mark.parametrize("scene, settings, words", [
    ("bazar", [], "did you mean 'bazaar'?"),
    ("bazaar", ["dept=1"], "did you mean 'debt'?"),
    ("bazaar", ["debt=many"], "'debt' holds a whole number"),
    ("bazaar", ["fled=yes"], "true or false"),
    ("bazaar", ["debt"], "name=value"),
])  # fmt: skip
def test_mistakes_are_explained(scene, settings, words):
    with pytest.raises(StartError, match=words):
        start_at(load_story(FIXTURES / "mini"), scene, settings)


def test_tty_test_run_starts_in_the_middle_and_says_so():
    args = build_parser().parse_args(["tty", str(FIXTURES / "mini"), "--scene", "bazaar",
                                      "--set", "debt=0"])  # fmt: skip
    out = io.StringIO()
    assert tty.run(args, io.StringIO("1\n"), out) == 0
    text = out.getvalue()
    assert "(Test run from scene 'bazaar' with debt=0.)" in text
    assert "== The Bazaar ==" in text and "Return to the field" not in text
    bad = build_parser().parse_args(["tty", str(FIXTURES / "mini"), "--scene", "nowhere"])
    out = io.StringIO()
    assert tty.run(bad, io.StringIO(""), out) == 2 and "unknown scene 'nowhere'" in out.getvalue()


pygame = pytest.importorskip("pygame")


@pytest.fixture
def test_run(tmp_path):
    from game.ui.app import App, start_test_run
    from game.ui.reload import LiveReload

    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    clock = Clock()
    app = App(load_story(root), clock=clock)
    app.live = LiveReload(app, root)
    args = argparse.Namespace(scene="bazaar", set=["debt=0"], perspective=None)
    assert start_test_run(app, args) is None
    app.pump()
    yield app, root, clock
    app.close()


def test_play_test_run_saves_and_counts_nothing(test_run):
    app, _, _ = test_run
    assert app.session.pt.scene.id == "bazaar" and app.session.test_run
    assert "(test run)" in app.window.title
    app.session.choose(0)  # Leave for the hills: an ending
    app.session.save("1")
    assert app.session.pt.ending is not None
    assert all(s.status == "empty" for s in saves.list_slots(app.story))
    assert not app.profile.finished  # the ending is not counted as reached


def test_live_reload_keeps_the_test_run(test_run):
    app, root, clock = test_run
    edit(root / FIELD, "The bazaar is loud", "The bazaar is very loud")
    clock.now += 1
    app.pump()
    assert app.session.test_run and app.session.pt.scene.id == "bazaar"
    assert app.session.pt.vars["debt"] == 0
    assert "very loud" in app.session.pt.paragraphs()[0].text


def test_unknown_scene_for_play_is_refused_without_a_window(capsys):
    from game.ui.app import main

    assert main(["--story", str(FIXTURES / "mini"), "--scene", "nowhere"]) == 2
    assert "unknown scene 'nowhere'" in capsys.readouterr().err  # errors go to stderr
