"""The people of a scene and the "Also lived by" lookup, on a story whose two perspectives share
an event (the weaver's mosque and the teacher's classroom both show the revolt of 1916)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import load_story
from game.engine.crossref import also_lived_by, find_person, people_by_kind, scene_people

SHARED = Path(__file__).parents[1] / "fixtures" / "shared"


@pytest.fixture(scope="module")
def story():
    return load_story(SHARED)


def test_an_event_is_lived_by_the_other_perspective_once_it_is_finished(story):
    witnesses = also_lived_by(story, "revolt_1916", "weaver", finished=["teacher"])
    assert [(w.perspective.id, w.scene.id) for w in witnesses] == [("teacher", "classroom")]
    back = also_lived_by(story, "revolt_1916", "teacher", finished=["weaver", "teacher"])
    assert [(w.perspective.id, w.scene.id) for w in back] == [("weaver", "mosque")]


def test_nothing_is_said_of_a_perspective_not_finished_or_of_the_one_being_played(story):
    assert also_lived_by(story, "revolt_1916", "weaver", finished=[]) == []
    assert also_lived_by(story, "revolt_1916", "weaver", finished=["weaver"]) == []


def test_from_outside_any_perspective_every_finished_one_is_named_in_story_order(story):
    witnesses = also_lived_by(story, "revolt_1916", "", finished=["teacher", "weaver"])
    assert [w.perspective.id for w in witnesses] == ["weaver", "teacher"]


def test_any_number_of_perspectives_and_only_their_first_scene_of_the_event(story):
    """Three more perspectives (as are being written) share the event; each is named once."""
    extra = []
    for n in range(3):
        base = story.perspective("teacher")
        ids = (f"p{n}_a", f"p{n}_b")
        extra.append(base._replace(id=f"p{n}", title=f"Perspective {n}", scene_ids=ids))
    scenes = dict(story.scenes)
    for p in extra:
        for i, sid in enumerate(p.scene_ids):
            scenes[sid] = story.scenes["classroom"]._replace(id=sid, perspective=p.id,
                                                             title=f"{p.id} scene {i}")  # fmt: skip
    big = story._replace(perspectives=story.perspectives + tuple(extra), scenes=scenes)
    finished = ["teacher", "p0", "p2"]  # p1 not finished yet
    witnesses = also_lived_by(big, "revolt_1916", "weaver", finished)
    assert [(w.perspective.id, w.scene.title) for w in witnesses] == [
        ("teacher", "The Classroom"), ("p0", "p0 scene 0"), ("p2", "p2 scene 0")]  # fmt: skip


def test_an_event_no_other_perspective_shows_has_no_witness(story):
    assert also_lived_by(story, "no_such_event", "weaver", finished=["teacher"]) == []


def test_people_of_a_scene_come_from_the_registry_and_the_characters(story):
    people = scene_people(story, story.scenes["mosque"])
    assert [(p.name, p.kind) for p in people] == [
        ("The village elder", "composite"), ("Aleksey Kuropatkin", "documented")]  # fmt: skip
    assert find_person(story, "dilnoza").kind == "fictional"
    assert find_person(story, "nobody") is None


def test_people_are_grouped_documented_first_then_composite_then_fictional(story):
    people = [find_person(story, pid) for pid in ("dilnoza", "elder", "kuropatkin")]
    groups = people_by_kind(people)
    assert [(kind, [p.name for p in group]) for kind, group in groups] == [
        ("documented", ["Aleksey Kuropatkin"]), ("composite", ["The village elder"]),
        ("fictional", ["Dilnoza"])]  # fmt: skip
    assert people_by_kind([]) == []
