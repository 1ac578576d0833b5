"""A story error only play can reach (a division by zero at run time) in every client: the
player shows a calm message over the last good page, the kiosk resets and logs it, tty exits 1."""

from __future__ import annotations

import argparse
import io
import logging
import shutil

import pytest

from game.authoring import tty
from game.engine import load_story
from game.engine.expr import StoryRuntimeError
from game.engine.runtime import Playthrough
from game.ui.app import App
from game.ui.screens.dialog import MessageDialog
from game.ui.screens.scene import SceneScreen
from tests.ui.conftest import FIXTURE_STORY, Driver

CHOICE = "Go to the mosque where the elders meet"


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """The fixture story, where the first choice divides by a variable that is 0."""
    root = tmp_path_factory.mktemp("broken") / "story"
    shutil.copytree(FIXTURE_STORY, root)
    path = root / "perspectives/weaver/01_scenes.yaml"
    path.write_text(path.read_text().replace("do: courage += 1", "do: courage += 10 // courage"))
    return root


def test_the_playthrough_stays_on_the_last_good_page(broken):
    pt = Playthrough.start(load_story(broken), "weaver", seed=1)
    before = (pt.scene.id, dict(pt.vars), dict(pt.visits), pt.paragraphs(), pt.turn)
    with pytest.raises(StoryRuntimeError, match="division by zero"):
        pt.choose(0)
    assert (pt.scene.id, dict(pt.vars), dict(pt.visits), pt.paragraphs(), pt.turn) == before
    pt.choose(1)  # another way is still open
    assert pt.is_over


def test_the_player_shows_a_calm_message_over_the_page(broken, clock):
    app = App(load_story(broken), clock=clock)
    try:
        ui = Driver(app, clock)
        ui.pump()
        ui.begin_story()
        ui.wait(30)
        ui.click(CHOICE)
        assert isinstance(ui.screen, MessageDialog)
        assert "cannot go on" in ui.screen.heading and "division by zero" in ui.screen.message
        ui.pixels()
        ui.click("OK")
        assert isinstance(ui.screen, SceneScreen) and app.session.pt.scene.id == "loom"
        assert app.session.pt.turn == 0
    finally:
        app.close()


def test_the_kiosk_resets_to_attract_and_logs(broken, start_kiosk_on, caplog):
    from game.kiosk.attract import AttractScreen

    caplog.set_level(logging.ERROR, logger="game.kiosk")
    kiosk = start_kiosk_on(load_story(broken))
    kiosk.start_reading()
    kiosk.tap(CHOICE)
    assert isinstance(kiosk.screen, AttractScreen) and kiosk.app.session is None
    assert any("division by zero" in r.getMessage() for r in caplog.records)


@pytest.fixture
def start_kiosk_on(tmp_path, clock):
    from game.kiosk.app import KioskApp
    from game.kiosk.stats import NoStats
    from tests.kiosk.conftest import CONFIG, KioskDriver

    apps = []

    def start(story):
        app = KioskApp(CONFIG, story, NoStats(), size=(1920, 1080), clock=clock)
        apps.append(app)
        driver = KioskDriver(app, clock)
        driver.pump()
        return driver

    yield start
    for app in apps:
        app.close()


def test_tty_exits_1_with_the_message(broken):
    out = io.StringIO()
    args = argparse.Namespace(story=broken, perspective="weaver", seed=1, museum=False, width=78,
                              replay=None, record=None)  # fmt: skip
    assert tty.run(args, io.StringIO("1\n"), out) == 1
    assert "division by zero" in out.getvalue().splitlines()[-1]
