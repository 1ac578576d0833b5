"""The eastern_bukhara perspective meets the numbers of its issue (11), counted from the story."""

from __future__ import annotations

import re

import pytest

from game.engine import load_story
from tests.conftest import STORY
from tests.story.counting import replay, single_button_share

PID = "eastern_bukhara"
PLANS = sorted((STORY / "plans").glob("eb_*.yaml"))
# The history the issue asks this perspective to carry, every event on some path.
REQUIRED_EVENTS = {
    "bukhara_conquered", "bukharan_psr_founded", "insurgency_spreads", "enver_arrives",
    "enver_army", "dungan_cavalry", "soviet_concessions", "enver_ultimatum", "kafrun",
    "enver_killed", "selim_pasha", "tajik_flight", "delimitation_1924", "raids_1929",
    "last_strongholds",
}  # fmt: skip
WOMEN = ["eb_sanobar", "eb_nodira", "eb_kholbibi", "eb_tursunoy", "eb_mavluda", "eb_parvina"]
WORDS = re.compile(r"[\w’'ʻ-]+")


@pytest.fixture(scope="module")
def story():
    return load_story(STORY)


def scenes(story):
    return [story.scenes[s] for s in story.perspective(PID).scene_ids]


def source(item) -> str:
    return "".join(p if isinstance(p, str) else "x" for p in item.parts)


def test_scenes_endings_and_plans(story):
    found = scenes(story)
    assert len(found) >= 40
    endings = {s.ending.id for s in found if s.ending}
    assert len(endings) >= 5
    planned = set()
    for plan_file in PLANS:
        pt, _, _ = replay(story, plan_file)
        assert pt.is_over, plan_file.name
        planned.add(pt.ending.id)
    assert endings <= planned, f"endings without a plan: {endings - planned}"
    for scene in found:
        if scene.ending:
            assert scene.ending.epilogue and scene.ending.history, scene.id


def test_event_coverage_and_cross_perspective_links(story):
    found = scenes(story)
    linked = [s for s in found if s.event]
    assert len(linked) >= 12
    missing = REQUIRED_EVENTS - {s.event for s in linked}
    assert not missing, missing
    for scene in linked:
        if story.events[scene.event].violent:
            assert scene.warnings, f"{scene.id} is tied to a violent event without a warning"
    others = {story.scenes[s].event for p in story.perspectives if p.id != PID
              for s in p.scene_ids}  # fmt: skip
    assert len({s.event for s in linked} & others) >= 3


def test_museum_and_full_paths(story):
    pt, museum_words, seen = replay(story, STORY / "plans" / "eb_museum.yaml")
    assert pt.is_over and 1000 <= museum_words <= 1400, museum_words  # 5–7 minutes
    assert len({story.scenes[s].event for s in seen if story.scenes[s].event}) >= 6
    pt, full_words, _ = replay(story, STORY / "plans" / "eb_full.yaml")
    assert pt.is_over and 3600 <= full_words <= 5000, full_words  # 18–25 minutes


def test_few_single_button_choice_points(story):
    """Over many random playthroughs, at most 15 % of the choices offered are a lone button."""
    assert single_button_share(story, PID, museum_every=4) <= 0.15


def writes_and_reads(story):
    writes: dict[str, set[str]] = {}
    reads: dict[str, set[str]] = {}
    gates: dict[str, set[str]] = {}
    for scene in scenes(story):
        for item in scene.text:
            for cond in item.conditions:
                for name in cond.reads:
                    reads.setdefault(name, set()).add(scene.id)
        for choice in scene.choices:
            if choice.effects:
                for name in choice.effects.writes:
                    writes.setdefault(name, set()).add(scene.id)
            if choice.condition:
                for name in choice.condition.reads:
                    reads.setdefault(name, set()).add(scene.id)
                    gates.setdefault(name, set()).add(scene.id)
    return writes, reads, gates


def test_decisions_come_back_and_resources_gate_choices(story):
    writes, reads, gates = writes_and_reads(story)
    variables = story.perspective(PID).variables
    decisions = [name for name, var in variables.items()
                 if isinstance(var.value, bool) and reads.get(name, set()) - writes.get(name, set())]  # fmt: skip
    assert len(decisions) >= 4, decisions
    resources = [name for name, var in variables.items()
                 if type(var.value) is int and len(gates.get(name, set())) >= 2]  # fmt: skip
    assert len(resources) >= 2, resources


def test_named_women_speak_in_half_the_scenes_with_dialogue(story):
    names = [story.people[w].name for w in WOMEN]
    dialogue = women = 0
    for scene in scenes(story):
        spoken = [source(item) for item in scene.text if "“" in source(item)]
        if not spoken:
            continue
        dialogue += 1
        women += any(name in text for text in spoken for name in names)
    assert dialogue >= 20 and women / dialogue >= 0.5, (women, dialogue)


def test_paragraphs_fit_a_kiosk(story):
    for scene in scenes(story):
        for item in scene.text:
            assert len(WORDS.findall(source(item))) <= 100, scene.id
