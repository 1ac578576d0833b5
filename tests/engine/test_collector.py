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


class _Node:
    """Something that refers to itself: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.me = self


def test_a_story_loaded_again_lets_the_collector_free_what_was_frozen_before():
    """A kiosk switches languages for months, loading the story again each time: what an
    old story left in reference cycles must be collected, not kept frozen for good."""
    import weakref

    load_story(FIXTURES / "mini")
    node = _Node()
    left = weakref.ref(node)
    gc.freeze()  # frozen with a story, as a load does
    del node
    assert left() is not None  # a frozen cycle outlives its last reference
    load_story(FIXTURES / "mini")
    assert left() is None


def test_a_render_plan_is_no_reference_cycle():
    from game.engine.expr import Env
    from game.engine.text import compile_markup, prepare

    parts = compile_markup("You owe {debt} to the [[bai]].", Env({"debt": "int"}))
    plan = prepare(parts, str.title)
    assert plan is not None
    assert plan not in gc.get_referents(*gc.get_referents(plan))
