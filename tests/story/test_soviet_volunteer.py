"""The Volunteer (soviet_volunteer) meets the numbers of its issue, counted from the story itself."""

from __future__ import annotations

import re

import pytest

from game.engine import load_story
from game.engine.expr import Compiled
from tests.conftest import STORY
from tests.story.counting import replay, single_button_share, words

PID = "soviet_volunteer"
PLANS = sorted((STORY / "plans").glob("volunteer_*.yaml"))
WOMEN = ["sv_salima", "sv_zuhra", "sv_nasiba", "sv_gulsum", "sv_hamida", "sv_dildora", "sv_lidiya"]
WORDS = re.compile(r"[\w’'ʻ-]+")


@pytest.fixture(scope="module")
def story():
    return load_story(STORY)


def scenes(story):
    return [story.scenes[s] for s in story.perspective(PID).scene_ids]


def choice_reads(story, scene) -> set[str]:
    return {
        r for c in scene.choices if isinstance(c.condition, Compiled) for r in c.condition.reads
    }


def text_reads(scene) -> set[str]:
    return {r for item in scene.text for cond in item.conditions for r in cond.reads}


def test_size_endings_and_plans(story):
    found = scenes(story)
    assert len(found) >= 40
    endings = {s.ending.id for s in found if s.ending}
    assert len(endings) >= 5
    for scene in found:
        if scene.ending:
            assert scene.ending.epilogue and scene.ending.history, scene.id
    planned = set()
    for plan_file in PLANS:
        pt, _, _ = replay(story, plan_file)
        assert pt.is_over, f"{plan_file.name} does not reach an ending"
        planned.add(pt.ending.id)
    assert endings <= planned, f"endings without a plan: {endings - planned}"


def test_path_lengths(story):
    pt, full, _ = replay(story, STORY / "plans" / "volunteer_full.yaml")
    assert pt.is_over and 3600 <= full <= 5000, full  # 18–25 minutes at 200 words a minute
    pt, museum, _ = replay(story, STORY / "plans" / "volunteer_museum.yaml")
    assert pt.is_over and 1000 <= museum <= 1400, museum


def test_events_and_shared_events(story):
    mine = {s.event for s in scenes(story) if s.event}
    event_scenes = [s for s in scenes(story) if s.event]
    assert len(event_scenes) >= 12
    others = {s.event for s in story.scenes.values() if s.perspective != PID and s.event}
    assert len(mine & others) >= 3, mine & others
    for scene in event_scenes:
        if story.events[scene.event].violent:
            assert scene.warnings, f"{scene.id} is tied to a violent event without a warning"


def test_few_single_button_choice_points(story):
    """At most 15 % of the choice points met in random play offer a single button."""
    assert single_button_share(story, PID, museum_every=5) <= 0.15


def test_decisions_return_and_resources_gate_choices(story):
    """Variables set by a choice are read by later scenes; two resources open or close choices."""
    persp = story.perspective(PID)
    order = list(persp.scene_ids)
    returning = set()
    for i, scene in enumerate(scenes(story)):
        for choice in scene.choices:
            for var in choice.effects.writes if choice.effects else ():
                later = [story.scenes[s] for s in order[i + 1 :]]
                if any(var in text_reads(s) | choice_reads(story, s) for s in later):
                    returning.add(var)
    assert len(returning) >= 4, returning
    numeric = {n for n, v in persp.variables.items() if type(v.value) is int}
    gating = numeric & set().union(*(choice_reads(story, s) for s in scenes(story)))
    assert len(gating) >= 2, gating


def test_named_women_speak_in_half_the_dialogue_scenes(story):
    names = {w: story.people[w].name.split()[0] for w in WOMEN}
    dialogue = speaking = 0
    for scene in scenes(story):
        quoted = [p for item in scene.text for p in item.parts if isinstance(p, str) and "“" in p]
        if not quoted:
            continue
        dialogue += 1
        here = [names[w] for w in WOMEN if w in scene.people]
        speaking += any(name in para for name in here for para in quoted)
    assert dialogue and speaking * 2 >= dialogue, (speaking, dialogue)


def test_paragraphs_fit_a_kiosk(story):
    for scene in scenes(story):
        for item in scene.text:
            text = "".join(p if isinstance(p, str) else "x" for p in item.parts)
            assert words(text) <= 100, (scene.id, words(text))
