"""The shipped story meets the numbers its issue sets, counted from the story itself."""

from __future__ import annotations

import re

import pytest

from game.engine import load_story
from tests.conftest import STORY
from tests.story.counting import reachable, reads_in, replay, words

PERSPECTIVES = {"fergana_farmer": "fergana", "khivan_refugee": "khiva"}
WORDS = re.compile(r"[\w’'ʻ-]+")


@pytest.fixture(scope="module")
def story():
    return load_story(STORY)


def condition_reads(story, pid: str) -> set[str]:
    return set().union(*(reads_in(story.scenes[s]) for s in story.perspective(pid).scene_ids))


def test_history_registries(story):
    assert len(story.events) >= 25
    assert len(story.terms) >= 30
    for needed in ["basmachi", "jadid", "shura_i_islam", "ulema_jemyeti", "sart", "kurbashi",
                   "waqf", "emir", "khan", "young_khivans", "young_bukharans", "dashnaks",
                   "red_sticks", "nep", "requisition", "peasant_army", "turkestan_assr"]:  # fmt: skip
        assert needed in story.terms, needed
    for event in story.events.values():
        assert 60 <= words(event.summary) <= 120, (event.id, words(event.summary))
        assert event.sources
    documented = [p for p in story.people.values() if p.kind == "documented"]
    assert documented and all(p.sources for p in documented)


@pytest.mark.parametrize("pid", PERSPECTIVES)
def test_perspective_numbers(story, pid):
    perspective = story.perspective(pid)
    scenes = [story.scenes[s] for s in perspective.scene_ids]
    assert len(scenes) >= 35
    assert len([s for s in scenes if s.ending]) >= 4
    assert len([s for s in scenes if s.event]) >= 8
    assert len(condition_reads(story, pid)) >= 6
    assert perspective.afterword
    for scene in scenes:
        if scene.ending:
            assert scene.ending.epilogue and scene.ending.history, scene.id
        if scene.event and story.events[scene.event].violent:
            assert scene.warnings, f"{scene.id} is tied to a violent event without a warning"
        for person in scene.people:
            assert story.people[person].kind in ("documented", "composite", "fictional")


@pytest.mark.parametrize("pid", PERSPECTIVES)
def test_every_scene_reachable_and_every_ending_has_a_plan(story, pid):
    perspective = story.perspective(pid)
    starts = {perspective.start, perspective.museum_start or perspective.start}
    found = set().union(*(reachable(story, s) for s in starts))
    assert set(perspective.scene_ids) <= found, set(perspective.scene_ids) - found
    endings = {story.scenes[s].ending.id for s in perspective.scene_ids if story.scenes[s].ending}
    planned = set()
    for plan_file in sorted((STORY / "plans").glob(f"{PERSPECTIVES[pid]}_*.yaml")):
        pt, _, _ = replay(story, plan_file)
        assert pt.is_over, f"{plan_file.name} does not reach an ending"
        planned.add(pt.ending.id)
    assert endings <= planned, f"endings without a plan: {endings - planned}"


@pytest.mark.parametrize("pid", PERSPECTIVES)
def test_full_and_museum_path_lengths(story, pid):
    prefix = PERSPECTIVES[pid]
    pt, full_words, _ = replay(story, STORY / "plans" / f"{prefix}_full.yaml")
    assert pt.is_over and 3000 <= full_words <= 5000, full_words
    pt, museum_words, seen = replay(story, STORY / "plans" / f"{prefix}_museum.yaml")
    assert pt.is_over and 1000 <= museum_words <= 1400, museum_words
    assert len({story.scenes[s].event for s in seen if story.scenes[s].event}) >= 3


@pytest.mark.parametrize("pid", PERSPECTIVES)
def test_paragraphs_fit_a_kiosk(story, pid):
    for sid in story.perspective(pid).scene_ids:
        for item in story.scenes[sid].text:
            text = "".join(p if isinstance(p, str) else "x" for p in item.parts)
            assert words(text) <= 100, (sid, words(text))
