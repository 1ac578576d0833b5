"""The validated cache: used when nothing changed, rebuilt after any edit, never trusted blindly."""

from __future__ import annotations

import os
import shutil

import pytest

from game.engine import StoryError, load_story
from game.engine.load import LazyScenes
from game.engine.runtime import Playthrough
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
