"""The validated cache: used when nothing changed, rebuilt after any edit, never trusted blindly."""

from __future__ import annotations

import os
import shutil
from types import SimpleNamespace

import pytest

from game.engine import StoryError, load_story
from game.engine.runtime import Playthrough
from game.engine.stored import LazyScenes
from tests.conftest import FIXTURES


@pytest.fixture
def story_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("VOT_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def test_second_load_comes_from_the_cache_and_plays_the_same(story_dir):
    first = load_story(story_dir, use_cache=True)
    second = load_story(story_dir, use_cache=True)
    assert isinstance(first.scenes, dict) and isinstance(second.scenes, LazyScenes)
    assert list(second.scenes) == list(first.scenes)
    runs = []
    for story in (first, second):
        pt = Playthrough.start(story, "farmer", seed=4)
        for _ in range(6):
            if pt.is_over:
                break
            pt.choose(0)
        runs.append(pt.to_json())
    assert runs[0] == runs[1]
    assert second.scenes["bazaar"].where == first.scenes["bazaar"].where


def test_an_edit_rebuilds_the_cache(story_dir):
    load_story(story_dir, use_cache=True)
    scene_file = story_dir / "perspectives/farmer/02_end.yaml"
    scene_file.write_text(scene_file.read_text().replace("You are home.", "You are home again."))
    os.utime(scene_file, ns=(1, 1))  # a different mtime even on coarse clocks
    story = load_story(story_dir, use_cache=True)
    assert isinstance(story.scenes, dict)  # rebuilt from the files
    pt = Playthrough.start(story, "farmer", seed=1)
    assert story.scenes["home"].text[0].parts == ("You are home again.",)
    assert pt.scene.id == "field"


def test_a_broken_edit_is_reported_not_hidden_by_the_cache(story_dir):
    load_story(story_dir, use_cache=True)
    scene_file = story_dir / "perspectives/farmer/02_end.yaml"
    scene_file.write_text(scene_file.read_text().replace("id: stayed", "id: [oops"))
    with pytest.raises(StoryError):
        load_story(story_dir, use_cache=True)


def test_a_damaged_cache_file_is_ignored(story_dir, tmp_path):
    load_story(story_dir, use_cache=True)
    for cached in (tmp_path / "cache").iterdir():
        cached.write_bytes(b"not marshal data")
    story = load_story(story_dir, use_cache=True)
    assert "field" in story.scenes


def test_a_clean_load_leaves_a_preview_that_an_edit_invalidates(story_dir):
    from game.engine import cache

    assert cache.preview(story_dir) is None  # nothing loaded yet
    story = load_story(story_dir, use_cache=True)
    found = cache.preview(story_dir)
    assert found == {"id": story.id, "title": story.title, "scenes": list(story.scenes)}
    assert cache.preview(story_dir, "ru") is None  # each language has its own
    scene_file = story_dir / "perspectives/farmer/02_end.yaml"
    os.utime(scene_file, ns=(1, 1))
    assert cache.preview(story_dir) is None


def test_a_story_with_errors_leaves_no_preview(story_dir):
    from game.engine import cache

    (story_dir / "story.yaml").write_text("id: [unclosed\n")
    with pytest.raises(StoryError):
        load_story(story_dir, use_cache=True)
    assert cache.preview(story_dir) is None


def _plain(value):
    """A built value with each compiled expression as its source, type and tree (closures
    cannot be compared), so that two builds of a scene can be compared field by field."""
    from game.engine.expr import Compiled
    from game.engine.text import Plan

    if isinstance(value, Plan):
        return ("Plan", _plain(value.parts), value.labels, _plain(value.segments))
    if isinstance(value, Compiled):
        return ("expr", value.source, value.type, value.ast, value.reads, value.scene_refs,
                value.uses_chance)  # fmt: skip
    if isinstance(value, tuple):
        return (type(value).__name__, *(_plain(v) for v in value))
    return value


@pytest.mark.parametrize("language", [None, "ru"])
def test_every_shipped_scene_from_the_cache_is_the_scene_built_from_its_files(language):
    """The cache keeps scenes as built (text translated, markup split, static paragraphs
    rendered, expressions as checked trees); reading one back must give the same scene."""
    from game.engine import records
    from game.story_i18n import load_story_in
    from tests.conftest import STORY

    built = load_story_in(STORY, language, use_cache=True)
    cached = load_story_in(STORY, language, use_cache=True)
    assert isinstance(built.scenes, dict) and isinstance(cached.scenes, LazyScenes)
    assert len(cached.scenes) == len(built.scenes) > 200
    for sid, scene in built.scenes.items():
        assert _plain(cached.scenes[sid]) == _plain(scene), sid
        assert _plain(records.build_scene(records.pack_scene(scene), {})) == _plain(scene)


def test_an_expression_from_the_cache_evaluates_as_the_compiled_one():
    from game.engine import records
    from game.engine.expr import Env, compile_expression

    env = Env({"debt": "int", "side": "str", "grain": "float"})
    sources = ["debt > 2 and not seen(bazaar) or visits(road) >= 2", "-debt * 3 // 2 % 5",
               'select(side, "red", "the Reds", "white", "the Whites", "strangers")',
               'plural(debt, "sack", "sacks") + "!"', "max(debt, 2, grain) - min(1, grain)"]  # fmt: skip

    for source in sources:
        compiled = compile_expression(source, env)
        again = records._expr(records._pack_expr(compiled), {})
        ctx = SimpleNamespace(vars={"debt": 7, "side": "white", "grain": 2.5}, visits={"road": 3})
        assert again.fn(ctx) == compiled.fn(ctx), source
        assert again.fn is not compiled.fn


def test_a_damaged_scene_in_the_cache_is_read_again_from_the_files(story_dir, tmp_path):
    """A failing disk can flip bytes inside a cache whose fingerprint still matches: the
    scene is then read from the story's files, and play goes on."""
    import marshal

    first = load_story(story_dir, use_cache=True)
    (path,) = [p for p in (tmp_path / "cache").iterdir() if p.suffix == ".marshal"]
    blob = marshal.loads(path.read_bytes())
    scenes = [dict(by_perspective) for by_perspective in blob["story"]["scenes"]]
    (mine,) = [by_perspective for by_perspective in scenes if "bazaar" in by_perspective]
    mine["bazaar"] = mine["bazaar"][:10] + b"\x00rot" + mine["bazaar"][14:]
    blob["story"]["scenes"] = tuple(tuple(by_perspective.items()) for by_perspective in scenes)
    path.write_bytes(marshal.dumps(blob))
    story = load_story(story_dir, use_cache=True)
    assert isinstance(story.scenes, LazyScenes)
    assert _plain(story.scenes["bazaar"]) == _plain(first.scenes["bazaar"])
    assert _plain(story.scenes["field"]) == _plain(first.scenes["field"])
    # ...and the cache is written again, so the next start finds the record whole.
    healed = marshal.loads(path.read_bytes())["story"]["scenes"]
    blob = next(dict(group)["bazaar"] for group in healed if "bazaar" in dict(group))
    assert b"\x00rot" not in blob
    again = load_story(story_dir, use_cache=True)
    assert isinstance(again.scenes, LazyScenes) and again.scenes._rebuild is not None
    assert _plain(again.scenes["bazaar"]) == _plain(first.scenes["bazaar"])


READ_FROM_CACHE = """
import sys
from pathlib import Path
from game.engine import load_story
story = load_story(Path(sys.argv[1]), use_cache=True)
print(type(story.scenes).__name__, len(story.perspectives), len(story.events))
print(sorted(m for m in sys.modules if m.startswith("game.")))
"""


def test_a_story_read_from_its_cache_imports_none_of_the_loader(story_dir):
    """The player reads its story just after the title's first frame: from the cache that is
    a marshal load and a few named tuples, without the YAML reader, the checks or the compiler."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    def run() -> list[str]:
        out = subprocess.run([sys.executable, "-c", READ_FROM_CACHE, str(story_dir)],
                             capture_output=True, text=True, check=True, cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout  # fmt: skip
        return out.splitlines()

    first, second = run(), run()
    assert first[0].startswith("dict ") and second[0].startswith("LazyScenes ")
    assert first[0].split()[1:] == second[0].split()[1:]  # the same perspectives and events
    for module in ("game.engine.loader", "game.engine.yamlsrc", "game.engine.structure",
                   "game.engine.registry", "game.engine.scenes", "game.engine.expr",
                   "game.engine.records"):  # fmt: skip
        assert module in first[1]
        assert module not in second[1], module


def test_the_story_from_the_cache_is_the_story_read_from_its_files():
    from game.story_i18n import load_story_in
    from tests.conftest import STORY

    built = load_story_in(STORY, "uz", use_cache=True)
    cached = load_story_in(STORY, "uz", use_cache=True)
    assert isinstance(cached.scenes, LazyScenes)
    assert cached._replace(scenes=None) == built._replace(scenes=None)
    assert list(cached.scenes) == list(built.scenes)


@pytest.mark.parametrize("xdg", [{}, {"XDG_DATA_HOME": "/srv/d", "XDG_CACHE_HOME": "/srv/c"},
                                 {"XDG_DATA_HOME": "relative", "XDG_CACHE_HOME": " "}])  # fmt: skip
def test_user_folders_are_where_platformdirs_puts_them(monkeypatch, xdg):
    """On Linux the XDG rule is written out (platformdirs is slow to import at every start):
    it must name the same folders, so that nobody's saves move."""
    import sys

    import platformdirs

    from game.engine.userdirs import user_dir

    if not sys.platform.startswith("linux"):
        pytest.skip("the XDG rule is used on Linux only")
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in xdg.items():
        monkeypatch.setenv(name, value)
    assert str(user_dir("data")) == platformdirs.user_data_dir("voices-of-turkestan")
    assert str(user_dir("cache")) == platformdirs.user_cache_dir("voices-of-turkestan")
