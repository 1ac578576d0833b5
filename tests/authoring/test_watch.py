"""Live reload's pure part: polling with an injected clock, reloading, keeping the place."""

from __future__ import annotations

import shutil

import pytest

from game.authoring.watch import Reloader, Watcher, carry_over, changed, restart, stamps
from game.engine import load_story
from game.engine.runtime import Playthrough
from tests.authoring.conftest import Clock, edit
from tests.conftest import FIXTURES

FIELD = "perspectives/farmer/01_field.yaml"


@pytest.fixture
def root(tmp_path):
    shutil.copytree(FIXTURES / "mini", tmp_path / "mini")
    return tmp_path / "mini"


def test_changed_lists_added_removed_and_modified(root):
    before = stamps(root)
    edit(root / FIELD, "He speaks", "She speaks")
    (root / "perspectives/farmer/02_end.yaml").unlink()
    (root / "history/more.yaml").write_text("terms: {}\n")
    names = sorted(p.name for p in changed(before, stamps(root)))
    assert names == ["01_field.yaml", "02_end.yaml", "more.yaml"]


def test_watcher_looks_at_most_once_per_interval(root):
    watcher = Watcher(root, now=0.0, interval=1.0)
    edit(root / FIELD, "He speaks", "She speaks")
    assert watcher.poll(0.5) == []  # too soon: the files are not even looked at
    assert watcher.poll(1.0) == [root / FIELD]
    assert watcher.poll(2.5) == []  # nothing new


def test_plans_are_not_watched(root):
    watcher = Watcher(root, now=0.0)
    (root / "plans").mkdir()
    (root / "plans" / "a.yaml").write_text("perspective: farmer\n")
    assert watcher.poll(5.0) == []


def test_good_edit_gives_a_new_story_and_keeps_the_place(root):
    clock = Clock()
    reloader = Reloader(root, load_story(root), clock)
    pt = Playthrough.start(reloader.story, "farmer", seed=1)
    pt.choose([o.text for o in pt.choices()].index("Ask the Jadid teacher"))
    edit(root / FIELD, "He speaks of schools.", "He speaks of new schools.")
    assert reloader.poll() is None  # within the second
    clock.now += 1
    result = reloader.poll()
    assert result is not None and result.story is reloader.story and not result.errors
    kept, note = carry_over(pt, result.story)
    assert kept.scene.id == "teacher" and "kept your place" in note
    assert kept.paragraphs()[0].text == "He speaks of new schools."
    kept.undo(0)  # the way back survives too
    assert kept.scene.id == "field"


def test_broken_edit_reports_problems_and_keeps_the_last_good_story(root):
    clock = Clock()
    good = load_story(root)
    reloader = Reloader(root, good, clock)
    edit(root / FIELD, "goto: teacher", "goto: teachr")
    clock.now += 1
    result = reloader.poll()
    assert result.story is None and reloader.story is good
    [error] = result.errors
    assert "unknown scene 'teachr'" in error.message and error.line == 24


def test_f5_reloads_without_waiting_or_changes(root):
    reloader = Reloader(root, load_story(root), Clock())
    result = reloader.reload()
    assert result.story is not None and result.changed == []


def test_deleted_scene_cannot_keep_the_place(root):
    story = load_story(root)
    pt = Playthrough.start(story, "farmer", seed=1)
    pt.choose([o.text for o in pt.choices()].index("Ask the Jadid teacher"))
    edit(root / FIELD, "Ask the [[jadid]] teacher\n        once: true\n        goto: teacher",
         "Ask the [[jadid]] teacher\n        once: true\n        goto: bazaar")  # fmt: skip
    text = (root / FIELD).read_text("utf-8")
    start = text.index("  teacher:")
    end = text.index("  bazaar:")
    (root / FIELD).write_text(text[:start] + text[end:], "utf-8")
    new = load_story(root)
    kept, note = carry_over(pt, new)
    assert kept is None and "'teacher'" in note
    again = restart(pt, new)
    assert again.scene.id == "field" and again.seed == pt.seed
