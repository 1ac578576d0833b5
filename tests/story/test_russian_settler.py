"""The settler perspective (issue 12) meets the numbers its issue sets, counted from the story."""

from __future__ import annotations

import re

import pytest

from game.engine import load_story
from game.engine.expr import Compiled
from tests.conftest import STORY
from tests.story.counting import reachable, reads_in, replay, words

PID, PREFIX = "russian_settler", "rs"
WOMEN = ("Praskovya", "Anahit", "Zulfiya", "Matryona", "Vasilisa", "Xolida", "Dunya", "Robiya")
# Agafya is the protagonist: a line she speaks is written "you say", "you answer"…
SHE_SPEAKS = re.compile(r"\b(?:{})\b|\byou (?:say|answer|whisper)\b".format("|".join(WOMEN)))


@pytest.fixture(scope="module")
def story():
    return load_story(STORY)


def scenes_of(story, pid=PID):
    return [story.scenes[s] for s in story.perspective(pid).scene_ids]


def plain(item) -> str:
    return "".join(p if isinstance(p, str) else "x" for p in item.parts)


def off_museum(choice) -> bool:
    """Whether a choice can be offered on the full (not museum) path."""
    cond = choice.condition
    return not (isinstance(cond, Compiled) and cond.source.split(" and ")[0] == "museum")


def test_scenes_endings_and_events(story):
    scenes = scenes_of(story)
    assert len(scenes) >= 40
    endings = [s for s in scenes if s.ending]
    assert len(endings) >= 5
    for scene in endings:
        assert scene.ending.epilogue and scene.ending.history, scene.id
    linked = [s for s in scenes if s.event]
    assert len(linked) >= 12
    shared = {s.event for s in linked} & {s.event for s in scenes_of(story, "fergana_farmer")}
    assert len(shared) >= 4, shared
    for scene in linked:
        if story.events[scene.event].violent:
            assert scene.warnings, scene.id


def test_every_scene_reachable_and_every_ending_planned(story):
    perspective = story.perspective(PID)
    found = reachable(story, perspective.start) | reachable(story, perspective.museum_start)
    assert set(perspective.scene_ids) <= found
    endings = {s.ending.id for s in scenes_of(story) if s.ending}
    planned = set()
    for plan_file in sorted((STORY / "plans").glob(f"{PREFIX}_*.yaml")):
        pt, _, _ = replay(story, plan_file)
        assert pt.is_over, plan_file.name
        planned.add(pt.ending.id)
    assert endings <= planned, endings - planned


def test_museum_and_full_paths(story):
    pt, full, _ = replay(story, STORY / "plans" / f"{PREFIX}_full.yaml")
    assert pt.is_over and 3600 <= full <= 5000, full  # 18–25 minutes at 200 words a minute
    pt, museum, seen = replay(story, STORY / "plans" / f"{PREFIX}_museum.yaml")
    assert pt.is_over and 1000 <= museum <= 1400, museum  # 5–7 minutes
    assert len({story.scenes[s].event for s in seen if story.scenes[s].event}) >= 3


def test_few_single_button_choice_points(story):
    points = [s for s in scenes_of(story) if s.choices]
    single = [s.id for s in points if sum(off_museum(c) for c in s.choices) <= 1]
    assert len(single) <= 0.15 * len(points), single


def test_decisions_return_and_resources_gate_choices(story):
    order = {sid: i for i, sid in enumerate(story.perspective(PID).scene_ids)}
    written: dict[str, int] = {}  # variable -> first scene (in file order) whose choice sets it
    for scene in scenes_of(story):
        for choice in scene.choices:
            for name in choice.effects.writes if choice.effects else ():
                written.setdefault(name, order[scene.id])
    returning, gating = set(), set()
    for scene in scenes_of(story):
        reads = reads_in(scene)
        for choice in scene.choices:
            if isinstance(choice.condition, Compiled):
                gating |= choice.condition.reads
        returning |= {v for v in reads if v in written and written[v] < order[scene.id]}
    variables = story.perspective(PID).variables
    decisions = {v for v in returning - {"museum"} if variables[v].type == "bool"}
    resources = {v for v in gating - {"museum"} if variables[v].type == "int"}
    assert len(decisions) >= 4, decisions
    assert len(resources) >= 2, resources


def test_women_speak_in_at_least_half_the_scenes_with_dialogue(story):
    spoken = [s for s in scenes_of(story) if any("“" in plain(i) for i in s.text)]
    by_women = [s for s in spoken if any("“" in plain(i) and SHE_SPEAKS.search(plain(i))
                                         for i in s.text)]  # fmt: skip
    assert spoken and len(by_women) >= len(spoken) / 2, [s.id for s in spoken if s not in by_women]


def test_the_lukins_are_one_entry_across_perspectives(story):
    named = {p for s in scenes_of(story) for p in s.people}
    assert {"ff_stepan", "ff_misha"} <= named
    assert story.people["ff_stepan"].perspective == "fergana_farmer"
    mine = story.perspective(PID).characters
    assert not any(p.name.startswith(("Stepan", "Agafya", "Misha")) for p in mine.values())


def test_paragraphs_fit_a_kiosk(story):
    for scene in scenes_of(story):
        for item in scene.text:
            assert words(plain(item)) <= 100, scene.id
