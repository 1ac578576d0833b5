"""Live reload keeps the player's language."""

from __future__ import annotations

import shutil

from game.authoring.watch import Reloader
from game.story_i18n import load_story_in
from tests.conftest import STORY


def test_reload_keeps_the_language(tmp_path, monkeypatch):
    monkeypatch.setenv("VOT_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "story"
    shutil.copytree(STORY, root)
    story = load_story_in(root, "ru", use_cache=False)
    reloader = Reloader(root, story, clock=lambda: 0.0)
    reloaded = reloader.reload()
    assert reloaded.story is not None
    assert reloaded.story.language == "ru"
    first = reloaded.story.perspectives[0]
    assert first.title == story.perspectives[0].title != "The Fergana Farmer"
