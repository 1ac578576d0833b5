"""Every documented person a scene names is labelled in it, so the player can tell history from
fiction where it is read (the page's "In this scene" line takes its names from `people:`)."""

from __future__ import annotations

import re

import pytest

from game.engine import load_story
from game.engine.crossref import people_by_kind, scene_people
from tests.conftest import STORY

TITLES = {"The", "Sayyid", "Domla", "Nicholas"}  # first words that do not name one person


@pytest.fixture(scope="module")
def story():
    return load_story(STORY)


def scene_text(scene) -> str:
    """The scene's literal words, every paragraph and conditional block (values left out)."""
    out = []
    for item in scene.text:
        for part in item.parts:
            out.append(part if isinstance(part, str) else getattr(part, "text", ""))
    return " ".join(out)


def names_of(person) -> list[str]:
    """The full name, and its first word when that alone names them ("Enver", "Junaid")."""
    words = person.name.split()
    first = [words[0]] if len(words) > 1 and words[0] not in TITLES else []
    return [person.name, *first]


def named(text: str, person) -> bool:
    return any(re.search(rf"\b{re.escape(n)}\b", text) for n in names_of(person))


def test_every_documented_person_named_in_a_scene_is_in_its_people(story):
    unlabelled = []
    for scene in story.scenes.values():
        year = int(str(scene.date)[:4]) if scene.date else None
        text = scene_text(scene)
        for pid, person in story.people.items():
            if person.kind != "documented" or pid in scene.people:
                continue
            remembered = person.died is not None and year is not None and year > person.died
            if not remembered and named(text, person):
                unlabelled.append(f"{scene.id}: {person.name}")
    assert not unlabelled, "add them to the scene's people: " + "; ".join(unlabelled)


def test_every_scene_naming_people_has_a_label_line(story):
    """What the page shows under the place: a kind for everyone `people:` lists."""
    for scene in story.scenes.values():
        listed = [pid for pid in scene.people]
        groups = people_by_kind(scene_people(story, scene))
        assert sum(len(g) for _, g in groups) == len(listed), scene.id
        assert all(kind in ("documented", "composite", "fictional") for kind, _ in groups)


def test_every_scene_with_warnings_names_known_tags(story):
    """The note before a scene names its warnings; the perspective's card lists them all."""
    for scene in story.scenes.values():
        if scene.perspective is None:
            continue
        perspective = story.perspective(scene.perspective)
        assert set(scene.warnings) <= set(perspective.warnings), scene.id
