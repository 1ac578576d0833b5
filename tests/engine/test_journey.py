"""Looking back on a playthrough: its route of places and the decisions that shaped it."""

from __future__ import annotations

import itertools
import random
import shutil

from game.engine import load_story
from game.engine.journey import events_met_at, key_decisions, route
from game.engine.runtime import Playthrough
from tests.conftest import FIXTURES, STORY


def _play(story, texts: list[str]) -> Playthrough:
    pt = Playthrough.start(story, "farmer", seed=3)
    for text in texts:
        pt.choose(next(i for i, o in enumerate(pt.choices()) if o.text.startswith(text)))
    return pt


def test_the_route_lists_places_in_order_once_per_stay():
    story = load_story(FIXTURES / "mini")
    pt = _play(story, ["Sell", "Leave for the hills"])
    assert pt.is_over
    assert route(pt) == ["village", "kokand"]  # the bazaar and the hills are both in Kokand
    assert events_met_at(pt, "kokand") == (["revolt_1916"], [])
    assert events_met_at(pt, "village") == ([], [])


def test_without_marks_the_engine_picks_the_choices_that_closed_endings():
    story = load_story(FIXTURES / "mini")
    decisions = key_decisions(_play(story, ["Sell", "Leave for the hills"]))
    assert [(d.choice_text, d.closed, d.marked) for d in decisions] == [
        ("Leave for the hills", 1, False)]  # fmt: skip  # selling closed nothing: both remain


def test_the_authors_key_choices_come_first_in_the_order_taken(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    scenes = root / "perspectives" / "farmer" / "01_field.yaml"
    text = scenes.read_text("utf-8").replace(
        "        id: sell\n", "        id: sell\n        key: true\n"
    )
    scenes.write_text(text, "utf-8")
    story = load_story(root)
    decisions = key_decisions(_play(story, ["Sell", "Leave for the hills"]))
    assert [(d.scene_id, d.marked) for d in decisions] == [("field", True), ("bazaar", False)]
    assert [d.turn for d in decisions] == sorted(d.turn for d in decisions)


def test_shipped_paths_keep_at_most_six_decisions_in_the_order_taken():
    story = load_story(STORY)
    for seed in range(6):
        rng = random.Random(seed)
        pt = Playthrough.start(story, story.perspectives[seed % 2].id, seed=seed)
        while not pt.is_over and pt.choices():
            pt.choose(rng.randrange(len(pt.choices())))
        decisions = key_decisions(pt)
        assert len(decisions) <= 6
        assert [d.turn for d in decisions] == sorted(d.turn for d in decisions)
        assert all(d.closed or d.marked for d in decisions)
        stops = route(pt)
        assert all(a != b for a, b in itertools.pairwise(stops))
