"""A loaded story stays out of the cyclic collector, so play never pauses to rescan it."""

from __future__ import annotations

import gc

import pytest

from game.engine import load_story
from tests.conftest import FIXTURES


def _collected_ids() -> set[int]:
    return {id(o) for o in gc.get_objects()}  # the three generations, not the frozen ones


@pytest.mark.parametrize("use_cache", [False, True])
def test_a_loaded_story_and_each_scene_built_later_are_frozen(use_cache):
    if use_cache:
        load_story(FIXTURES / "mini", use_cache=True)  # writes the cache
    story = load_story(FIXTURES / "mini", use_cache=use_cache)
    first = next(iter(story.scenes))
    scene = story.scenes[first]  # from the cache: built now, during play
    assert not {id(story), id(scene), id(scene.choices[0])} & _collected_ids()
