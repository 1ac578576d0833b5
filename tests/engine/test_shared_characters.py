"""One person, one entry: a scene may name a character declared by another perspective."""

from __future__ import annotations

import shutil

import pytest

from game.engine import StoryError, load_story
from game.engine.load import read_story
from tests.conftest import FIXTURES

NEIGHBOUR = """\
title: The Neighbour
protagonist: You farm across the canal.
start: bank
variables: {}
characters:
  vera:
    name: Vera
    role: The neighbour’s daughter.
"""

BANK = """\
scenes:
  bank:
    title: The Other Bank
    date: 1917
    place: village
    people: [%s]
    text: Aziz waves from across the canal.
    ending:
      id: met
      title: Met
      epilogue: You met.
"""


def two_sided(tmp_path, named: str):
    """The mini story with a second perspective whose only scene names `named`."""
    root = tmp_path / "story"
    shutil.copytree(FIXTURES / "mini", root)
    story_file = root / "story.yaml"
    story_file.write_text(story_file.read_text().replace("[farmer]", "[farmer, neighbour]"))
    folder = root / "perspectives" / "neighbour"
    folder.mkdir()
    (folder / "perspective.yaml").write_text(NEIGHBOUR, "utf-8")
    (folder / "01_bank.yaml").write_text(BANK % named, "utf-8")
    return root


def test_a_scene_names_a_character_of_another_perspective(tmp_path):
    story = load_story(two_sided(tmp_path, "aziz"))
    assert story.scenes["bank"].people == ("aziz",)
    # still the one entry, owned by the perspective that declared it
    assert story.people["aziz"].perspective == "farmer"
    assert "aziz" not in story.perspective("neighbour").characters


def test_a_later_perspective_lends_its_characters_too(tmp_path):
    root = two_sided(tmp_path, "vera")
    field = root / "perspectives" / "farmer" / "01_field.yaml"
    text = field.read_text()
    assert "    people: [aziz]\n" in text
    field.write_text(text.replace("    people: [aziz]\n", "    people: [aziz, vera]\n", 1))
    story = load_story(root)
    assert "vera" in story.scenes[story.perspective("farmer").start].people


def test_an_unknown_person_is_still_reported(tmp_path):
    result = read_story(two_sided(tmp_path, "azizz"))
    assert any("unknown person 'azizz'" in p.message and "aziz" in (p.hint or "")
               for p in result.errors)  # fmt: skip
    with pytest.raises(StoryError):
        load_story(two_sided(tmp_path / "again", "azizz"))
